/** Stable, readable ids for headings, Arabic included. */

/** Turns heading text into an id: NFC, lowercase, without diacritics or punctuation, words joined by hyphens. */
export function headingId(text: string): string {
  const id = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '') // Arabic harakat, superscript alef, Quranic marks, tatweel
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .trim()
    .replace(/[\s-]+/g, '-');
  return id || 'section';
}

/** Gives each heading text a unique id within one document, suffixing repeats with -2, -3, … */
export function createIdAllocator(): (text: string) => string {
  const used = new Map<string, number>();
  return (text) => {
    const base = headingId(text);
    let id = base;
    let n = used.get(base) ?? 0;
    while (used.has(id)) {
      n += 1;
      id = `${base}-${n + 1}`;
    }
    used.set(base, n);
    used.set(id, 0);
    return id;
  };
}
