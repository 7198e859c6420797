/** Values read from URLs in the form the archive stores them: tags (from a path or a query). */
import { MAX_TAG_LENGTH } from '../content/fields.ts';
import { normalizeSlug } from '../content/slug.ts';

/** A tag from a URL (already percent-decoded), in the form tags are stored in, or null. */
export function tagFromUrl(raw: string): string | null {
  const tag = normalizeSlug(raw.trim());
  return tag && tag.length <= MAX_TAG_LENGTH ? tag : null;
}
