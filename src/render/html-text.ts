/** Plain text of the sanitized HTML views are given, for structured data that wants text (JSON-LD). */

/** Tags that end a line of text: replaced by a space, where inline tags (`<em>`, `<a>`) just go. */
const BLOCK =
  /<\/?(?:p|h[1-6]|li|ul|ol|br|hr|div|blockquote|pre|table|tr|td|th|figure|figcaption|section|article)\b[^>]*>/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of markup as markdown/render.ts writes it: tags dropped (a block's boundary becomes a space), the
 * entities it writes decoded, runs of white space made one space. Not a general HTML parser: it expects
 * sanitized output, where `<` only opens a tag.
 */
export function textOfHtml(html: string): string {
  return html
    .replace(BLOCK, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (entity, dec?: string, hex?: string, name?: string) => {
      if (name) return NAMED[name.toLowerCase()] ?? entity;
      const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
