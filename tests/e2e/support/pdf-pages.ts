/**
 * What an exported PDF or PNG holds, read with Debian's poppler-utils (pdfinfo, pdftoppm,
 * pdftotext; installed by the test command when missing) and from the PNG header: page count,
 * page size, the text a reader can search and copy, and how much of each page is not white.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file]).toString();
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    size: /^Page size:\s+(.+?)\s+pts/m.exec(info)?.[1] ?? '',
  };
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
}

/** For each page, the share of its pixels darker than near-white (rendered at 20 dpi, grey). */
export function pdfInk(file: string): number[] {
  const shares: number[] = [];
  for (let page = 1; ; page++) {
    let pgm: Buffer;
    try {
      pgm = execFileSync(
        'pdftoppm',
        ['-gray', '-r', '20', '-f', `${page}`, '-l', `${page}`, file],
        {
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
    } catch {
      break;
    }
    if (pgm.length === 0) break;
    // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) break;
    const pixels = pgm.subarray(header[0].length);
    let ink = 0;
    for (const value of pixels) if (value < 235) ink++;
    shares.push(ink / pixels.length);
  }
  return shares;
}

/** Width and height from a PNG file's header. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
