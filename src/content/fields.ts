/** Helpers shared by the validators of content files (articles, site.yaml): cleaning texts and naming problems. */
import { stripBidiControls } from '../lib/bidi.ts';

/** The longest tag: its page, feed and API filter accept no longer one. */
export const MAX_TAG_LENGTH = 100;

/** Why a tag (cleaned) cannot be published, or null. Its page is `/tags/<tag>`, so it must make a usable URL. */
export function tagProblem(tag: string): string | null {
  if (!tag) return 'expected a non-empty text';
  if (tag.length > MAX_TAG_LENGTH) return `expected at most ${MAX_TAG_LENGTH} characters (${tag.length} given)`;
  // `/tags/.` and `/tags/..` are dot segments: browsers turn them into `/tags/` and `/` before asking.
  if (tag === '.' || tag === '..') return 'expected a tag a page can be named after, not "." or ".."';
  // A YAML escape such as "\uD800" gives half a character, which no URL can name.
  if (/\p{Cs}/u.test(tag)) return 'expected whole characters, not a lone surrogate (U+D800–U+DFFF)';
  return null;
}

/**
 * Calls `visit` with every text in the front matter and its field name (`title`, `tags[2]`, `image.alt`). Each list
 * or mapping is visited once: a YAML alias can repeat one, or hold itself (`&x [*x]`).
 */
export function eachText(
  value: unknown,
  field: string,
  visit: (field: string, text: string) => void,
  seen = new Set<object>(),
): void {
  if (typeof value === 'string') visit(field, value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    const entries = Array.isArray(value)
      ? value.map((item, i) => [`${field}[${i}]`, item] as const)
      : Object.entries(value).map(([key, item]) => [field ? `${field}.${key}` : key, item] as const);
    for (const [name, item] of entries) eachText(item, name, visit, seen);
  }
}

/**
 * A text field as published: bidi embedding, override and isolate controls removed (they could reorder what a
 * reader sees, and a title is shown in places we do not control), trimmed, NFC.
 */
export function clean(text: string): string {
  return stripBidiControls(text).trim().normalize('NFC');
}

export function describe(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v}"`;
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${String(v)}`;
}

/** ` (did you mean "title"?)` for a near miss, else ''. */
export function suggest(key: string, known: string[]): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = saved;
    }
  }
  return row[b.length] ?? 0;
}
