/** Article slugs: words of one script (Arabic, or Latin with digits) joined by single hyphens, NFC-normalized. */

const SLUG = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*$/u;

/**
 * An Arabic word: Arabic letters and marks, with Western or Arabic-Indic digits. Presentation forms
 * (U+FB50–U+FDFF, U+FE70–U+FEFF) are refused: they look like ordinary letters but make a different URL.
 */
const ARABIC_WORD = /^(?=.*\p{Script=Arabic})(?!.*[\ufb50-\ufdff\ufe70-\ufeff])[\p{Script=Arabic}0-9]+$/u;
/**
 * A Latin word: ASCII letters and digits, plus the accented letters of French and other Western European
 * languages (U+00DF–U+00FF, œ). Other Latin letters (ı, ɑ, ꞵ…) are left out: they pass for ASCII ones.
 */
const LATIN_WORD = /^[a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0153]+$/u;

/** Longest slug we accept; anything longer cannot name an article. */
export const MAX_SLUG_LENGTH = 200;

/** Normalizes a slug (from a file name, front matter or a URL) to the form articles are stored under. */
export function normalizeSlug(text: string): string {
  return text.normalize('NFC');
}

/** Why a slug is not acceptable, or null when it is. */
export function slugProblem(slug: string): string | null {
  if (slug.length === 0) return 'expected a non-empty slug';
  if (slug.length > MAX_SLUG_LENGTH) return `expected at most ${MAX_SLUG_LENGTH} characters`;
  if (!SLUG.test(slug)) {
    return 'expected Unicode letters and digits separated by single hyphens (no spaces, slashes, dots or other punctuation)';
  }
  if (slug !== slug.toLowerCase()) return 'expected lowercase letters';
  const mixed = slug.split('-').find((word) => !ARABIC_WORD.test(word) && !LATIN_WORD.test(word));
  if (mixed !== undefined) {
    return `expected each word in one script, Arabic or Latin (a–z, accented letters, digits), got the word "${mixed}" (mixed scripts or letters that imitate others)`;
  }
  return null;
}
