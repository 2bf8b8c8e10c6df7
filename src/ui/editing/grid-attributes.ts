/**
 * The grid attributes form: what the planner typed, compared with the grid as it stands, gives
 * only the attributes that changed (so an unchanged form makes no edit), with the worker count
 * read as a number. Whether a value is allowed is the edit's own check, not the form's.
 */
import type { GridAttributes } from '../../editing/plan.ts';
import type { GridProperties, GridType } from '../../domain/types.ts';

/** The form's fields as typed. */
export interface AttributeForm {
  name: string;
  type: GridType;
  workers: string;
  leader: string;
}

/**
 * The form filled from a grid's properties.
 * @example
 * attributeForm(grid.properties); // { name: '1 号网格', type: 'comprehensive', workers: '1', leader: '' }
 */
export function attributeForm(properties: GridProperties): AttributeForm {
  return {
    name: properties.name ?? '',
    type: properties.type,
    workers: String(properties.workers),
    leader: properties.leader ?? '',
  };
}

/** A worker count as typed: a number when it reads as one, else the text (refused by the edit). */
function workersValue(typed: string): number | string {
  const trimmed = typed.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/**
 * The attributes the form changes; empty when it changes nothing.
 * @example
 * changedAttributes(grid.properties, { ...attributeForm(grid.properties), workers: '3' }); // { workers: 3 }
 */
export function changedAttributes(properties: GridProperties, form: AttributeForm): GridAttributes {
  const changes: Record<string, unknown> = {};
  if (form.name.trim() !== (properties.name ?? '')) changes.name = form.name;
  if (form.type !== properties.type) changes.type = form.type;
  const workers = workersValue(form.workers);
  if (workers !== properties.workers) changes.workers = workers;
  if (form.leader.trim() !== (properties.leader ?? '')) changes.leader = form.leader;
  return changes as GridAttributes;
}
