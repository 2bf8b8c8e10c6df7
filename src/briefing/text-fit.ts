/**
 * Text fitted into a box for the exported pages: broken into lines that fit a width (between any
 * two Chinese characters, at spaces within Latin words), at the largest of some sizes whose lines
 * fit a height. Widths come from a `measure` function, so a layout is the same wherever the
 * font's metrics are (the PDF, the PNG and the printed page use one font file). Pure.
 */

/** The width of `text` at font size `size`, in the units of the layout. */
export type Measure = (text: string, size: number) => number;

export interface FittedText {
  size: number;
  lines: string[];
  /** True when the text did not fit even at the smallest size and its end was cut (with "…"). */
  cut: boolean;
}

/** Characters a line may break before or after: CJK ideographs, kana, fullwidth forms, punctuation. */
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

/** The text in pieces a line may break between: one CJK character, or a Latin word with its space. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const char of text) {
    if (CJK.test(char)) {
      if (word) out.push(word);
      out.push(char);
      word = '';
    } else {
      word += char;
      if (char === ' ') {
        out.push(word);
        word = '';
      }
    }
  }
  if (word) out.push(word);
  return out;
}

/**
 * Lines of `text` no wider than `width` (a piece wider than a line is broken by character).
 * Line breaks in the text are kept.
 * @example
 * wrapText('网格员每日巡查', 3, (t, s) => [...t].length * s, 1); // ['网格员', '每日巡', '查']
 */
export function wrapText(text: string, width: number, measure: Measure, size: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const piece of pieces(paragraph)) {
      if (measure(line + piece, size) <= width || line === '') {
        line += piece;
        while (measure(line, size) > width && [...line].length > 1) {
          const chars = [...line];
          let cut = chars.length - 1;
          while (cut > 1 && measure(chars.slice(0, cut).join(''), size) > width) cut--;
          lines.push(chars.slice(0, cut).join('').trimEnd());
          line = chars.slice(cut).join('');
        }
      } else {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * The largest of `sizes` (largest first) at which `text` fits `width` × `height` with lines
 * `leading` × size apart; at the smallest size the lines that fit, the last ending in "…".
 */
export function fitText(
  text: string,
  width: number,
  height: number,
  sizes: readonly number[],
  measure: Measure,
  leading = 1.4,
): FittedText {
  for (const size of sizes) {
    const lines = wrapText(text, width, measure, size);
    if (lines.length * size * leading <= height) return { size, lines, cut: false };
  }
  const size = sizes.at(-1)!;
  const room = Math.max(1, Math.floor(height / (size * leading)));
  const lines = wrapText(text, width, measure, size).slice(0, room);
  let last = `${lines[room - 1] ?? ''}…`;
  while (measure(last, size) > width && [...last].length > 1)
    last = `${[...last].slice(0, -2).join('')}…`;
  lines[room - 1] = last;
  return { size, lines, cut: true };
}
