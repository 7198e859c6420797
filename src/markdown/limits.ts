/**
 * Size and nesting limits for article bodies, checked by one linear scan before marked ever sees the text.
 * marked recurses once per nesting level and rescans the rest of a paragraph for every unclosed emphasis or
 * bracket, so deep nesting overflows the stack and dense markers take seconds; these limits keep every body
 * that passes them small enough to render in a few milliseconds. The content check and the Worker share them.
 */

/**
 * Largest body, in UTF-8 bytes (500 KiB). A long article is 20–100 KB; a full speech transcript fits five
 * times over. Bigger bodies are more likely a pasted dump than an article, and rendering time grows with size.
 */
export const MAX_BODY_BYTES = 512_000;

/**
 * Deepest nesting of block quotes and lists on one line. Real articles use 3 or 4 levels; each level costs
 * marked a recursion, and thousands overflow the stack.
 */
export const MAX_NESTING_DEPTH = 16;

/**
 * Most emphasis runs (`*`, `_`, `~`) plus link/image brackets (`[`) in one paragraph, list item line group,
 * heading or table row. Nested or unclosed emphasis makes marked rescan the paragraph for each of them.
 */
export const MAX_MARKERS_PER_BLOCK = 150;

/** Most emphasis runs and brackets in the whole body: each costs marked a few microseconds. */
export const MAX_MARKERS = 5_000;

/** Why a body cannot be rendered within the limits: the line where the problem starts (1-based), when known. */
export interface BodyLimitProblem {
  line: number | null;
  message: string;
}

const HR = /^(?:[-*_][ \t]*){3,}$/;
/** A table's delimiter row once spaces are removed (with them, the pattern could backtrack quadratically). */
const TABLE_DELIMITER = /^\|?:?-+:?(?:\|:?-+:?)*\|?$/;
/** Longer lines are never taken for a thematic break or a table's delimiter row: it keeps every test cheap. */
const SHORT_LINE = 512;
const MARKER = /[[*_~]/g;

/**
 * Checks a markdown body against the limits above in one pass, without parsing it: a few character
 * comparisons per character, so even a 500 KiB body costs far less than rendering it.
 * Returns null when the body is within every limit, else the first problem found.
 */
export function bodyLimitProblem(markdown: string): BodyLimitProblem | null {
  // Every character is 1 to 3 bytes (a surrogate pair, 4 bytes for 2): encode only when the length leaves doubt.
  const tooLarge =
    markdown.length > MAX_BODY_BYTES ||
    (markdown.length * 3 > MAX_BODY_BYTES && new TextEncoder().encode(markdown).length > MAX_BODY_BYTES);
  if (tooLarge) {
    return {
      line: null,
      message: `body is larger than ${MAX_BODY_BYTES / 1024} KiB (${MAX_BODY_BYTES} bytes of UTF-8); split it into several articles`,
    };
  }
  const tooManyInBlock = (line: number): BodyLimitProblem => ({
    line,
    message: `more than ${MAX_MARKERS_PER_BLOCK} emphasis and link markers (*, _, ~, [) in one paragraph; expected at most ${MAX_MARKERS_PER_BLOCK}: deeply nested or unclosed emphasis and brackets make the page too slow to render`,
  });

  const length = markdown.length;
  let total = 0;
  let blockMarkers = 0;
  let blockStart = 1;
  let fence = ''; // the open code fence (``` or ~~~, at least as long), or ''
  let inTable = false;
  let lineNo = 0;
  // Where the next line feed, carriage return and marker are: found by the engine's own search, never twice.
  let nextLf = -1;
  let nextCr = -1;
  let nextMarker = -1;
  for (let start = 0; start <= length; ) {
    if (nextLf !== length && nextLf < start) nextLf = indexOrEnd(markdown.indexOf('\n', start), length);
    if (nextCr !== length && nextCr < start) nextCr = indexOrEnd(markdown.indexOf('\r', start), length);
    const end = Math.min(nextLf, nextCr);
    lineNo += 1;

    // The container prefix: indentation, `>` and list bullets, in any order.
    let pos = start;
    let columns = 0;
    let markers = 0;
    while (pos < end) {
      const c = markdown.charCodeAt(pos);
      if (c === 0x20) {
        columns += 1;
        pos += 1;
      } else if (c === 0x09) {
        columns += 4 - (columns % 4);
        pos += 1;
      } else if (c === 0x3e) {
        // `>`, with the one space after it that belongs to the marker.
        markers += 1;
        pos += markdown.charCodeAt(pos + 1) === 0x20 ? 2 : 1;
      } else {
        const bullet = bulletLength(markdown, pos, end);
        if (bullet === 0 || (end - pos <= SHORT_LINE && HR.test(markdown.slice(pos, end)))) break;
        markers += 1;
        pos += bullet + (markdown.charCodeAt(pos + bullet) === 0x20 ? 1 : 0);
      }
      // Stops at once, so a line of 2,000 bullets costs no more than one of 17.
      if (markers > 0 && markers + Math.floor(columns / 2) > MAX_NESTING_DEPTH) {
        return {
          line: lineNo,
          message: `block quotes and lists nested more than ${MAX_NESTING_DEPTH} levels deep; expected at most ${MAX_NESTING_DEPTH}`,
        };
      }
    }

    const first = markdown.charCodeAt(pos);
    const blank = pos === end && markers === 0;
    let fenceMark = '';
    if (first === 0x60 || first === 0x7e) {
      let run = pos;
      while (run < end && markdown.charCodeAt(run) === first) run += 1;
      if (run - pos >= 3) fenceMark = markdown.slice(pos, run);
    }
    // A new block starts at a blank line, a bullet or quote, a heading, a fence, and at every fenced or table line.
    if (blank || markers > 0 || first === 0x23 || fenceMark || fence || inTable) {
      if (blockMarkers > MAX_MARKERS_PER_BLOCK) return tooManyInBlock(blockStart);
      blockMarkers = 0;
      blockStart = blank ? lineNo + 1 : lineNo;
    }
    const short = end - pos <= SHORT_LINE;
    const delimiterLike = first === 0x7c || first === 0x3a || first === 0x2d; // | : -
    if (blank) inTable = false;
    else if (!fence && delimiterLike && short && TABLE_DELIMITER.test(markdown.slice(pos, end).replace(/[ \t]/g, ''))) {
      inTable = true;
    }
    if (fenceMark) {
      if (!fence) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = '';
    }

    const ruleLike = first === 0x2d || first === 0x2a || first === 0x5f; // - * _
    if (nextMarker !== length && nextMarker < pos) {
      MARKER.lastIndex = pos;
      nextMarker = indexOrEnd(MARKER.exec(markdown)?.index ?? -1, length);
    }
    if (nextMarker < end && !(ruleLike && short && HR.test(markdown.slice(pos, end)))) {
      const found = countMarkers(markdown, nextMarker, end, MAX_MARKERS_PER_BLOCK + 1);
      blockMarkers += found;
      total += found;
      if (blockMarkers > MAX_MARKERS_PER_BLOCK) return tooManyInBlock(blockStart);
      if (total > MAX_MARKERS) {
        return {
          line: lineNo,
          message: `more than ${MAX_MARKERS} emphasis and link markers (*, _, ~, [) in the body; expected at most ${MAX_MARKERS}: split the article`,
        };
      }
    }
    start = end + (markdown.charCodeAt(end) === 0x0d && markdown.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  return null;
}

function indexOrEnd(index: number, end: number): number {
  return index === -1 ? end : index;
}

/** Length of the list bullet at `pos` (`-`, `*`, `+`, `1.`, `1)`), followed by a space, a tab or the line's end; else 0. */
function bulletLength(text: string, pos: number, end: number): number {
  const c = text.charCodeAt(pos);
  let after = pos + 1;
  if (c >= 0x30 && c <= 0x39) {
    while (after < end && after - pos < 9 && isDigit(text.charCodeAt(after))) after += 1;
    const d = text.charCodeAt(after);
    if (d !== 0x2e && d !== 0x29) return 0;
    after += 1;
  } else if (c !== 0x2d && c !== 0x2a && c !== 0x2b) return 0;
  const next = text.charCodeAt(after);
  return after === end || next === 0x20 || next === 0x09 ? after - pos : 0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Emphasis runs (`**` counts once) and opening brackets in text[from, to), counting no further than `stop`. */
function countMarkers(text: string, from: number, to: number, stop: number): number {
  let count = 0;
  let previous = 0;
  for (let i = from; i < to && count < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b)
      count += 1; // [
    else if ((c === 0x2a || c === 0x5f || c === 0x7e) && c !== previous) count += 1; // * _ ~
    previous = c;
  }
  return count;
}

/** `line 12: …` or just the message, for error lines and error pages. */
export function formatBodyLimitProblem(problem: BodyLimitProblem): string {
  return problem.line === null ? problem.message : `line ${problem.line}: ${problem.message}`;
}

/** A body the renderer refuses: beyond the size or nesting limits, or too deep for the stack. */
export class BodyLimitError extends Error {
  /** 1-based line where the problem starts, when known. */
  readonly line: number | null;
  constructor(line: number | null, message: string) {
    super(message);
    this.name = 'BodyLimitError';
    this.line = line;
  }
}
