/** Breaks a headline into lines at word boundaries, given a way to measure text; never cuts a word. */

/** Width of a piece of text in pixels at the size being laid out. */
export type Measure = (text: string) => number;

export interface WrapResult {
  lines: string[];
  /** True when words were left out and the last line ends with an ellipsis. */
  truncated: boolean;
}

export const ELLIPSIS = '…';

/**
 * Greedy wrap of `text` into at most `maxLines` lines no wider than `maxWidth`. When the words do not fit, the
 * last line keeps as many whole words as fit followed by an ellipsis. A single word wider than a line gets a
 * line of its own (it is never cut); the caller picks a font size at which that does not happen.
 */
export function wrapWords(text: string, measure: Measure, maxWidth: number, maxLines: number): WrapResult {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i++] as string;
    while (i < words.length && measure(`${line} ${words[i]}`) <= maxWidth) line = `${line} ${words[i++]}`;
    lines.push(line);
  }
  if (i >= words.length) return { lines, truncated: false };

  // Words are left over: end the last line with an ellipsis, dropping whole words until it fits.
  const last = (lines.pop() as string).split(' ');
  while (last.length > 1 && measure(`${last.join(' ')} ${ELLIPSIS}`) > maxWidth) last.pop();
  lines.push(`${last.join(' ')} ${ELLIPSIS}`);
  return { lines, truncated: true };
}
