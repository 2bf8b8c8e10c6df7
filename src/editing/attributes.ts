/**
 * Editing a grid's own attributes (name, type, workers, leader), checked before they are set:
 * workers a non-negative integer, type one of GRID_TYPES, name and leader trimmed strings (an
 * empty one removes the property). Every other property stays as it was.
 */
import { GRID_TYPES, type GridFeature, type GridProperties } from '../domain/types.ts';
import {
  patchFrom,
  type EditContext,
  type EditResult,
  type GridAttributes,
  type Plan,
} from './plan.ts';

const EDITABLE = ['name', 'type', 'workers', 'leader'] as const;
type EditableField = (typeof EDITABLE)[number];

function isEditable(field: string): field is EditableField {
  return (EDITABLE as readonly string[]).includes(field);
}

/** The value to store for a field (undefined removes it), or null when it is not allowed. */
function checkedValue(field: EditableField, value: unknown): { value: unknown } | null {
  switch (field) {
    case 'workers':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { value } : null;
    case 'type':
      return (GRID_TYPES as readonly unknown[]).includes(value) ? { value } : null;
    case 'name':
    case 'leader':
      if (typeof value !== 'string') return null;
      return { value: value.trim() === '' ? undefined : value.trim() };
  }
}

/**
 * Sets a grid's name, type, workers or leader. Refused with 'grid-not-found' when the plan has
 * no such grid, 'invalid-attribute' (`field`, `value`) when a value is not allowed or the field
 * is not editable. Unchanged values give an empty patch.
 * @example
 * editAttributes(plan, ctx, '110106090001003', { workers: 2, leader: ' 王芳 ' }); // leader '王芳'
 */
export function editAttributes(
  plan: Plan,
  _ctx: EditContext,
  gridId: string,
  attributes: GridAttributes,
): EditResult {
  const current = plan.grids.get(gridId)?.grid;
  if (!current) return { ok: false, problem: { code: 'grid-not-found', params: { gridId } } };
  const properties: Record<string, unknown> = { ...current.properties };
  let changed = false;
  for (const [field, raw] of Object.entries(attributes)) {
    if (raw === undefined) continue;
    const checked = isEditable(field) ? checkedValue(field, raw) : null;
    if (!checked)
      return {
        ok: false,
        problem: { code: 'invalid-attribute', params: { field, value: String(raw) } },
      };
    if (properties[field] === checked.value) continue;
    changed = true;
    if (checked.value === undefined) delete properties[field];
    else properties[field] = checked.value;
  }
  const grid: GridFeature = changed
    ? { ...current, properties: properties as GridProperties }
    : current;
  return { ok: true, patch: patchFrom(plan, [grid]), warnings: [] };
}
