/**
 * Where the data worker reads a file from: a URL on the app's own origin (the sample street) or a
 * file the user picked or dropped. Reading happens in the worker, so large files never pass
 * through the UI thread as text.
 */
import type { InputFile } from '../io/load-files.ts';

export type FileSource = { name: string; url: string } | { name: string; blob: Blob };

/** Reads one source as text; a failed download becomes a clear error naming the file. */
export async function readSource(source: FileSource): Promise<InputFile> {
  if ('blob' in source) return { name: source.name, text: await source.blob.text() };
  const response = await fetch(source.url);
  if (!response.ok) throw new Error(`${source.name}: HTTP ${response.status}`);
  return { name: source.name, text: await response.text() };
}
