/**
 * Control characters that have no place in an article: C0 controls other than tab, line feed and carriage return,
 * DEL and the C1 controls. HTML reads most of them as parse errors and feeds have to drop them, so a stray one (a
 * paste from another program) would reach readers as a broken page or vanish silently. The content check names
 * them instead.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Where the first control character is (1-based line) and which it is, or null when there is none. */
export function findControlCharacter(text: string): { line: number; name: string } | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  const line = text.slice(0, match.index).split(/\r\n|\r|\n/).length;
  return { line, name: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** The content check's message for it. */
export const controlCharacterMessage = (name: string) =>
  `contains the control character ${name}, which pages and feeds cannot show (often a paste from another program); remove it`;
