/**
 * What the active map tool tells the toolbar: how far the sketch has come (so the hint names the
 * next step), how many buildings a paint stroke has picked, and how to finish or cancel the
 * sketch from a button as well as with Enter and Esc. The tool that is mounted owns it.
 */

/** How far the active tool's sketch has come. */
export type ToolStage = 'idle' | 'sketching' | 'dragging';

class ToolSession {
  stage = $state<ToolStage>('idle');
  /** Buildings picked by the paint tool and not yet moved. */
  pickedCount = $state(0);
  /** Finishes the sketch (Enter); null when the tool has nothing to finish. */
  finish = $state.raw<(() => void) | null>(null);
  /** Drops the sketch, keeping the tool. */
  cancel = $state.raw<(() => void) | null>(null);

  /** Back to nothing sketched (when a tool is mounted or unmounted). */
  reset(): void {
    this.stage = 'idle';
    this.pickedCount = 0;
    this.finish = null;
    this.cancel = null;
  }
}

export const toolSession = new ToolSession();
