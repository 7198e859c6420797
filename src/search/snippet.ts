/** A search result's snippet: the article's original text around the first match, with the matches marked. */
import { words } from './normalize.ts';
import { matchesTerm, type TermMatcher } from './query.ts';

/** A piece of snippet text; `mark` pieces are matched words (the view wraps them in <mark> and escapes all). */
export interface SnippetSegment {
  text: string;
  mark: boolean;
}

/** About how long a snippet is, in characters. */
export const SNIPPET_CHARS = 200;
// How much text comes before the first match, so the reader sees it in context.
const LEAD_CHARS = 60;

/**
 * The snippet for a result: about SNIPPET_CHARS of the original plain text (hamzas and diacritics as written), cut
 * at word boundaries, starting a little before the first matched word (or at the start when nothing matches, e.g.
 * a phrase split across a line), every matched word in it marked, "…" where it was cut, whitespace collapsed.
 */
export function snippet(text: string, matcher: TermMatcher, max = SNIPPET_CHARS): SnippetSegment[] {
  const all = words(text);
  if (all.length === 0) return [];
  const hits = all.map((w) => w.terms.some((t) => matchesTerm(matcher, t)));
  const first = hits.indexOf(true);

  // Words from `from` to `to` (inclusive) fit in the window.
  let from = 0;
  if (first > 0) {
    from = first;
    while (from > 0 && (all[first]?.start ?? 0) - (all[from - 1]?.start ?? 0) <= LEAD_CHARS) from--;
  }
  let to = from;
  const windowStart = all[from]?.start ?? 0;
  while (to + 1 < all.length && (all[to + 1]?.end ?? 0) - windowStart <= max) to++;
  // A match near the end of the text: take more of what comes before it instead.
  const last = all[to]?.end ?? 0;
  while (to === all.length - 1 && from > 0 && last - (all[from - 1]?.start ?? 0) <= max) from--;

  const start = all[from]?.start ?? 0;
  const segments: SnippetSegment[] = [];
  if (from > 0) push(segments, '… ', false);
  let cursor = start;
  for (let i = from; i <= to; i++) {
    const w = all[i];
    if (!w) continue;
    if (hits[i]) {
      push(segments, text.slice(cursor, w.start), false);
      push(segments, w.text, true);
      cursor = w.end;
    }
  }
  const end = all[to]?.end ?? start;
  push(segments, text.slice(cursor, end), false);
  if (to < all.length - 1) push(segments, ' …', false);
  return segments;
}

// Appends text with whitespace runs collapsed to one space, merging with the previous segment of the same kind.
function push(segments: SnippetSegment[], raw: string, mark: boolean): void {
  const text = raw.replace(/\s+/g, ' ');
  if (text === '') return;
  const prev = segments.at(-1);
  if (prev && prev.mark === mark && !mark) prev.text += text;
  else segments.push({ text, mark });
}
