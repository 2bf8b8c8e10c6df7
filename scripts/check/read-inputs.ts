/**
 * Reads the paths given to the check CLI into the loader's input files: a folder stands for every
 * *.geojson / *.json directly in it (sorted by name, subfolders and other files ignored), a file
 * for itself. Each path that cannot be read yields a message naming it and the system's reason.
 * A file's text is read when the loader asks for it, not before, so a street of large files is
 * never held as text all at once.
 */
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from '../../src/io/load-files.ts';
import { cliMessage, systemReason, type CliMessage } from './messages.ts';

const LAYER_FILE = /\.(geo)?json$/i;

export interface ReadInputs {
  /** Named by their path as given (folder joined with the file name). */
  files: InputFile[];
  errors: CliMessage[];
}

/**
 * @example
 * readInputs(['data']); // { files: [{ name: 'data/basemap.geojson', text: '…' }, …], errors: [] }
 */
export function readInputs(paths: readonly string[]): ReadInputs {
  const result: ReadInputs = { files: [], errors: [] };
  const read = (path: string) => {
    try {
      accessSync(path, constants.R_OK);
      // Read when the loader takes the file, so its text is held only while it is parsed.
      result.files.push({
        name: path,
        get text() {
          return readFileSync(path, 'utf8');
        },
      });
    } catch (error) {
      result.errors.push(cliMessage('unreadable', { path, ...systemReason(error) }));
    }
  };
  for (const path of paths) {
    let names: string[] | null;
    try {
      names = statSync(path).isDirectory() ? layerFilesIn(path) : null;
    } catch (error) {
      result.errors.push(cliMessage('unreadable', { path, ...systemReason(error) }));
      continue;
    }
    if (names === null) read(path);
    else if (names.length === 0) result.errors.push(cliMessage('empty-folder', { path }));
    else for (const name of names) read(join(path, name));
  }
  return result;
}

function layerFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && LAYER_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}
