/** Article slugs: Unicode letters and digits joined by single hyphens, NFC-normalized. */

const SLUG = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*$/u;

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
  return null;
}
