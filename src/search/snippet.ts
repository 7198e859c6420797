/** A search result's snippet: the article's original text around the first match, with the matches marked. */
import { eachWord, type Word } from './normalize.ts';
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

interface Scanned extends Word {
  hit: boolean;
}

/**
 * The snippet for a result: about `max` characters of the original plain text (hamzas and diacritics as written),
 * cut at word boundaries, starting a little before the first matched word (or at the start when no single word
 * matches), every matched word in it marked, "…" where it was cut, whitespace collapsed. Reads the text only up to
 * the end of the window.
 */
export function snippet(text: string, matcher: TermMatcher, max = SNIPPET_CHARS): SnippetSegment[] {
  const seen: Scanned[] = [];
  const iterator = eachWord(text);
  const next = (): Scanned | undefined => {
    const step = iterator.next();
    if (step.done) return undefined;
    const word = { ...step.value, hit: step.value.terms.some((t) => matchesTerm(matcher, t)) };
    seen.push(word);
    return word;
  };

  // Read up to the first match.
  let first = -1;
  for (let word = next(); word; word = next()) {
    if (word.hit) {
      first = seen.length - 1;
      break;
    }
  }
  if (seen.length === 0) return [];

  // Start a little before it, then read on while the window has room.
  let from = Math.max(first, 0);
  const at = (i: number) => seen[i] as Scanned;
  while (from > 0 && at(first).start - at(from - 1).start <= LEAD_CHARS) from--;
  let to = from;
  let more = true;
  while (more) {
    if (to + 1 >= seen.length && !next()) more = false;
    else if (at(to + 1).end - at(from).start <= max) to++;
    else break;
  }
  // The text ended early: take more of what came before instead.
  if (!more) while (from > 0 && at(to).end - at(from - 1).start <= max) from--;

  const segments: SnippetSegment[] = [];
  if (from > 0) push(segments, '… ', false);
  let cursor = at(from).start;
  for (let i = from; i <= to; i++) {
    const word = at(i);
    if (!word.hit) continue;
    push(segments, text.slice(cursor, word.start), false);
    push(segments, word.text, true);
    cursor = word.end;
  }
  push(segments, text.slice(cursor, at(to).end), false);
  if (more) push(segments, ' …', false);
  return segments;
}

// Appends text with whitespace runs collapsed to one space, merging unmarked text into the unmarked segment before.
function push(segments: SnippetSegment[], raw: string, mark: boolean): void {
  const text = raw.replace(/\s+/g, ' ');
  if (text === '') return;
  const prev = segments.at(-1);
  if (prev && !prev.mark && !mark) prev.text += text;
  else segments.push({ text, mark });
}
