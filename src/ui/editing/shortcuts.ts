/**
 * The history keyboard shortcuts: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac), but
 * never while the user types in a text field, where the keys belong to the field.
 */

/** The parts of a keyboard event the shortcuts read. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** True when the target takes text input: an input, a text area, a select or editable content. */
function isTyping(target: EventTarget | null): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown };
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  return (
    tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable === true
  );
}

/**
 * The history step a key press asks for, or null.
 * @example
 * historyShortcut({ key: 'z', ctrlKey: true, shiftKey: true, metaKey: false, altKey: false, target: document.body }); // 'redo'
 */
export function historyShortcut(event: ShortcutKey): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
