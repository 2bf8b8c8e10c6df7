/**
 * The hint under the editing toolbar: what the planner does next with the chosen tool, as a
 * message key. Tools that act on a grid first ask for one; split and draw change their hint once
 * the sketch has begun.
 */
import type { MessageKey } from '../../i18n/zh.ts';
import type { EditTool, PaintMode } from '../../ui/editing/editor.svelte.ts';
import type { ToolStage } from './tool-session.svelte.ts';

/**
 * The hint's message key for a tool, its paint mode, whether a grid is active and the stage.
 * @example
 * i18n.t(toolHint('split', 'brush', true, 'sketching')); // 继续点击；双击或按回车完成拆分…
 */
export function toolHint(
  tool: EditTool,
  paintMode: PaintMode,
  hasGrid: boolean,
  stage: ToolStage,
): MessageKey {
  if (tool === 'select') return 'tools.hint.select';
  const begun = stage === 'idle' ? 'idle' : 'sketching';
  if (tool === 'draw') return `tools.hint.draw.${begun}`;
  if (!hasGrid) return 'tools.hint.pickGrid';
  if (tool === 'split') return `tools.hint.split.${begun}`;
  if (tool === 'paint') return `tools.hint.paint.${paintMode}`;
  return `tools.hint.${tool}`;
}
