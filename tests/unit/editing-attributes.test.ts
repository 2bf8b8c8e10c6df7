/**
 * Attribute edits: values checked and trimmed, unknown properties kept, refusals as problem
 * codes, exact undo.
 */
import { describe, expect, it } from 'vitest';
import { editAttributes } from '../../src/editing/attributes.ts';
import { applyPatch, invertPatch, type GridAttributes } from '../../src/editing/plan.ts';
import { applied, drawnFixture } from './support/edit-plan.ts';
import { gridId } from './support/lattice.ts';

const fixture = (): ReturnType<typeof drawnFixture> =>
  drawnFixture(
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
    [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
    ],
  );

describe('editAttributes', () => {
  it('sets trimmed values and keeps every other property', () => {
    const fx = fixture();
    const id = gridId(0);
    const plan = applied(
      fx.plan,
      editAttributes(fx.plan, fx.ctx, id, {
        name: '  安澜里第1网格 ',
        leader: '王芳',
        workers: 3,
        type: 'dedicated',
      }),
    );
    expect(plan.grids.get(id)?.grid.properties).toEqual({
      id,
      communityId: fx.grids[0]!.properties.communityId,
      type: 'dedicated',
      workers: 3,
      name: '安澜里第1网格',
      leader: '王芳',
      note: 'kept 0',
    });
    expect(plan.grids.get(id)?.grid.geometry).toBe(fx.grids[0]!.geometry);
  });

  it('removes a name or leader set to blank, and is undone exactly', () => {
    const fx = fixture();
    const id = gridId(0);
    const named = applied(fx.plan, editAttributes(fx.plan, fx.ctx, id, { leader: '李强' }));
    const result = editAttributes(named, fx.ctx, id, { leader: '   ' });
    if (!result.ok) throw new Error(result.problem.code);
    const cleared = applyPatch(named, result.patch);
    expect('leader' in cleared.grids.get(id)!.grid.properties).toBe(false);
    expect(applyPatch(cleared, invertPatch(result.patch))).toEqual(named);
  });

  it('gives an empty patch when nothing changes', () => {
    const fx = fixture();
    const result = editAttributes(fx.plan, fx.ctx, gridId(0), { workers: 1 });
    expect(result).toEqual({ ok: true, patch: { entries: [] }, warnings: [] });
  });

  it.each([
    [{ workers: -1 }, 'workers', '-1'],
    [{ workers: 1.5 }, 'workers', '1.5'],
    [{ type: 'school' }, 'type', 'school'],
    [{ name: 7 }, 'name', '7'],
    [{ communityId: '110106090002' }, 'communityId', '110106090002'],
  ])('refuses %j', (attributes, field, value) => {
    const fx = fixture();
    expect(
      editAttributes(fx.plan, fx.ctx, gridId(0), attributes as unknown as GridAttributes),
    ).toEqual({ ok: false, problem: { code: 'invalid-attribute', params: { field, value } } });
  });

  it('refuses a grid that is not in the plan', () => {
    const fx = fixture();
    expect(editAttributes(fx.plan, fx.ctx, 'nope', { workers: 2 })).toEqual({
      ok: false,
      problem: { code: 'grid-not-found', params: { gridId: 'nope' } },
    });
  });
});
