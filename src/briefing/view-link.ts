/**
 * A view in a link: the page's address ends in `#view=` and the view as JSON in base64url (UTF-8,
 * so Chinese filter values survive), so a copied link opens the same view on another machine with
 * the same data. A hash that is not a view this version can draw reads as null.
 */
import { slideViewProblem } from './briefing-checks.ts';
import type { SlideView } from './briefing.ts';

const PREFIX = '#view=';

/**
 * @example
 * location.hash = viewHash(view); // '#view=eyJjYW1lcmEiOnsi…'
 */
export function viewHash(view: SlideView): string {
  const bytes = new TextEncoder().encode(JSON.stringify(view));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * @example
 * viewFromHash(viewHash(view)); // the same view
 * viewFromHash('#plans'); // null
 */
export function viewFromHash(hash: string): SlideView | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const base64 = hash.slice(PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return slideViewProblem(value) === null ? (value as SlideView) : null;
  } catch {
    return null;
  }
}
