/**
 * The one entry point from an edit command (plain data from the UI, stored with its history
 * entry) to the operation that carries it out: every EditCommand goes to its function here.
 */
import { editAttributes } from './attributes.ts';
import { deleteGrid } from './delete-grid.ts';
import { drawGrid } from './draw-grid.ts';
import { mergeGrids } from './merge-grids.ts';
import { renumberCommunity } from './numbering.ts';
import type { EditCommand, EditContext, EditResult, Plan } from './plan.ts';
import { reassignBuildings } from './reassign-buildings.ts';
import { splitGrid } from './split-grid.ts';
import { deleteVertex, insertVertex, moveVertex } from './vertex-edits.ts';

/**
 * The patch (or the refusal) for `command` on `plan`; the plan is not changed.
 * @example
 * const result = applyCommand(plan, ctx, { op: 'merge', gridIds: [a, b] });
 * if (result.ok) plan = applyPatch(plan, result.patch);
 */
export function applyCommand(plan: Plan, ctx: EditContext, command: EditCommand): EditResult {
  switch (command.op) {
    case 'move-vertex':
      return moveVertex(plan, ctx, command.from, command.to);
    case 'insert-vertex':
      return insertVertex(plan, ctx, command.edge, command.at);
    case 'delete-vertex':
      return deleteVertex(plan, ctx, command.at);
    case 'split':
      return splitGrid(plan, ctx, command.gridId, command.line);
    case 'merge':
      return mergeGrids(plan, ctx, command.gridIds);
    case 'draw':
      return drawGrid(plan, ctx, command.ring);
    case 'reassign':
      return reassignBuildings(
        plan,
        ctx,
        command.buildingIds,
        command.targetGridId,
        command.area ? { area: command.area } : {},
      );
    case 'delete':
      return deleteGrid(plan, ctx, command.gridId, command.neighbourId);
    case 'attributes':
      return editAttributes(plan, ctx, command.gridId, command.attributes);
    case 'renumber':
      return renumberCommunity(plan, ctx, command.communityId);
  }
}
