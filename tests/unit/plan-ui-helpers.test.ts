// The editing UI's small pure helpers: new plan names take the next free number, copy names
// never collide, the history shortcuts (and not while typing), the saved view read back field by
// field, the grid attributes form sending only what changed, and the comparison rows sorted with
// nulls last.
import { describe, expect, it } from 'vitest';
import type { CommunityComparison } from '../../src/analysis/plan-compare.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridProperties } from '../../src/domain/types.ts';
import { compareRows, sortRows, type CompareRow } from '../../src/ui/editing/compare-rows.ts';
import { attributeForm, changedAttributes } from '../../src/ui/editing/grid-attributes.ts';
import { copyName, nextPlanName } from '../../src/ui/editing/plan-names.ts';
import { readSavedView } from '../../src/ui/editing/saved-view.ts';
import { historyShortcut, type ShortcutKey } from '../../src/ui/editing/shortcuts.ts';

const planName = (n: number) => `方案 ${n}`;

describe('plan names', () => {
  it('takes the smallest free number', () => {
    expect(nextPlanName([], planName)).toBe('方案 1');
    expect(nextPlanName(['方案 1', '方案 3'], planName)).toBe('方案 2');
    expect(nextPlanName(['方案 1', '方案 2', '东区调整'], planName)).toBe('方案 3');
    expect(nextPlanName([' 方案 1 '], planName)).toBe('方案 2');
  });

  it('names a copy, numbering it when the name is taken', () => {
    const copy = (n: string) => `${n} 副本`;
    expect(copyName('方案 1', ['方案 1'], copy)).toBe('方案 1 副本');
    expect(copyName('方案 1', ['方案 1', '方案 1 副本'], copy)).toBe('方案 1 副本 2');
    expect(copyName('方案 1', ['方案 1 副本', '方案 1 副本 2'], copy)).toBe('方案 1 副本 3');
  });
});

describe('history shortcuts', () => {
  const body = { tagName: 'BODY' } as unknown as EventTarget;
  const key = (over: Partial<ShortcutKey>): ShortcutKey => ({
    key: 'z',
    ctrlKey: true,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: body,
    ...over,
  });

  it('undoes on Ctrl+Z and redoes on Ctrl+Shift+Z and Ctrl+Y (⌘ too)', () => {
    expect(historyShortcut(key({}))).toBe('undo');
    expect(historyShortcut(key({ key: 'Z', shiftKey: true }))).toBe('redo');
    expect(historyShortcut(key({ key: 'y' }))).toBe('redo');
    expect(historyShortcut(key({ ctrlKey: false, metaKey: true }))).toBe('undo');
  });

  it('ignores other keys, plain Z, Alt, and typing in a field', () => {
    expect(historyShortcut(key({ key: 'x' }))).toBeNull();
    expect(historyShortcut(key({ ctrlKey: false }))).toBeNull();
    expect(historyShortcut(key({ altKey: true }))).toBeNull();
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
      expect(historyShortcut(key({ target: { tagName } as unknown as EventTarget }))).toBeNull();
    const editable = { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget;
    expect(historyShortcut(key({ target: editable }))).toBeNull();
  });
});

describe('saved view', () => {
  const tabs = ['map', 'coverage', 'compare'] as const;

  it('reads back a whole view', () => {
    const stored = deepFreeze({
      camera: { center: [116.31, 39.85], zoom: 15.5 },
      metric: 'residents',
      tab: 'compare',
    });
    expect(readSavedView(stored, tabs)).toEqual({
      camera: { center: [116.31, 39.85], zoom: 15.5 },
      metric: 'residents',
      tab: 'compare',
    });
  });

  it('leaves out what is missing or no longer valid', () => {
    expect(readSavedView(null, tabs)).toEqual({});
    expect(readSavedView('view', tabs)).toEqual({});
    expect(
      readSavedView({ camera: { center: [200, 39], zoom: 15 }, metric: 'gone', tab: 'old' }, tabs),
    ).toEqual({});
    expect(
      readSavedView({ camera: { center: [116, 39], zoom: Number.NaN }, tab: 'map' }, tabs),
    ).toEqual({ tab: 'map' });
  });
});

describe('grid attributes form', () => {
  const properties: GridProperties = deepFreeze({
    id: '110106090001001',
    name: '一号网格',
    communityId: '110106090001',
    type: 'comprehensive',
    workers: 2,
    leader: '王芳',
  });

  it('sends nothing when nothing changed', () => {
    expect(changedAttributes(properties, attributeForm(properties))).toEqual({});
    expect(
      changedAttributes(properties, { ...attributeForm(properties), name: ' 一号网格 ' }),
    ).toEqual({});
  });

  it('sends only the changed fields, the worker count as a number', () => {
    const form = { ...attributeForm(properties), workers: '3', type: 'dedicated' as const };
    expect(changedAttributes(properties, form)).toEqual({ workers: 3, type: 'dedicated' });
    expect(changedAttributes(properties, { ...attributeForm(properties), leader: '' })).toEqual({
      leader: '',
    });
  });

  it('passes a worker count that is not a number on, for the edit to refuse', () => {
    expect(changedAttributes(properties, { ...attributeForm(properties), workers: 'two' })).toEqual(
      {
        workers: 'two',
      },
    );
  });

  it('fills the form from a grid without name or leader', () => {
    const bare: GridProperties = { id: 'g', communityId: 'c', type: 'dedicated', workers: 0 };
    expect(attributeForm(bare)).toEqual({ name: '', type: 'dedicated', workers: '0', leader: '' });
  });
});

describe('comparison rows', () => {
  const change = (before: number, after: number) => ({ before, after, difference: after - before });
  const community = (id: string, name: string | null, households: [number, number]) =>
    ({
      communityId: id,
      communityName: name,
      households: change(...households),
      residents: change(0, 0),
      workers: change(1, 1),
      buildings: change(0, 0),
      householdsPerWorker: { before: null, after: 3, difference: null },
      grids: change(1, 1),
    }) as CommunityComparison;

  const communities = deepFreeze([
    community('c2', '乙社区', [500, 420]),
    community('c1', '甲社区', [300, 380]),
    community('c3', null, [100, 100]),
  ]);

  it('picks one figure per row', () => {
    const rows = compareRows(
      communities,
      'households',
      (c) => c.communityId,
      (c) => c.communityName ?? c.communityId,
    );
    expect(rows[0]).toEqual({ id: 'c2', name: '乙社区', before: 500, after: 420, difference: -80 });
    expect(
      compareRows(
        communities,
        'householdsPerWorker',
        (c) => c.communityId,
        () => '',
      )[0],
    ).toMatchObject({
      before: null,
      after: 3,
      difference: null,
    });
  });

  it('sorts by a column either way, ties by id, nulls last, without changing its input', () => {
    const rows: CompareRow[] = deepFreeze(
      compareRows(
        communities,
        'households',
        (c) => c.communityId,
        (c) => c.communityName ?? c.communityId,
      ),
    );
    expect(sortRows(rows, 'difference', 'desc').map((r) => r.id)).toEqual(['c1', 'c3', 'c2']);
    expect(sortRows(rows, 'difference', 'asc').map((r) => r.id)).toEqual(['c2', 'c3', 'c1']);
    expect(sortRows(rows, 'before', 'asc').map((r) => r.id)).toEqual(['c3', 'c1', 'c2']);
    const withNull: CompareRow[] = [
      ...rows,
      { id: 'c0', name: 'x', before: null, after: 1, difference: null },
    ];
    expect(sortRows(withNull, 'before', 'asc').at(-1)!.id).toBe('c0');
    expect(sortRows(withNull, 'before', 'desc').at(-1)!.id).toBe('c0');
    const byName = sortRows(rows, 'name', 'asc').map((r) => r.name);
    expect(byName.indexOf('甲社区')).toBeLessThan(byName.indexOf('乙社区')); // jiǎ before yǐ
  });
});
