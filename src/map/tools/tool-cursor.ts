/**
 * The map cursor for each editing tool: crosshair where the planner draws, pointer where a click
 * picks a grid or a building, and the map's own cursor in the select tool (and in a tool still
 * waiting for its grid to be chosen, where a click selects).
 */
import type { EditTool, PaintMode } from '../../ui/editing/editor.svelte.ts';

/** A cursor class suffix: the map's own, crosshair, pointer, or plain (reshape: set per handle). */
export type ToolCursor = 'map' | 'crosshair' | 'pointer' | 'default';

/**
 * The cursor for a tool, its paint mode, and whether it has its grid.
 * @example
 * toolCursor('paint', 'brush', true); // 'crosshair'
 */
export function toolCursor(tool: EditTool, paintMode: PaintMode, hasGrid: boolean): ToolCursor {
  if (tool === 'select') return 'map';
  if (tool === 'draw') return 'crosshair';
  if (!hasGrid) return 'map';
  if (tool === 'reshape') return 'default';
  if (tool === 'split') return 'crosshair';
  if (tool === 'paint') return paintMode === 'click' ? 'pointer' : 'crosshair';
  return 'pointer';
}
