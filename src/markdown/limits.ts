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
const FENCE = /^(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BULLET = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * Checks a markdown body against the limits above in one pass, without parsing it.
 * Returns null when the body is within every limit, else the first problem found.
 */
export function bodyLimitProblem(markdown: string): BodyLimitProblem | null {
  const bytes = utf8Length(markdown, MAX_BODY_BYTES);
  if (bytes > MAX_BODY_BYTES) {
    return {
      line: null,
      message: `body is larger than ${MAX_BODY_BYTES / 1024} KiB (${MAX_BODY_BYTES} bytes of UTF-8); split it into several articles`,
    };
  }

  let total = 0;
  let blockMarkers = 0;
  let blockStart = 1;
  let fence: string | null = null;
  let inTable = false;
  let lineNo = 0;
  let start = 0;
  const endBlock = (): BodyLimitProblem | null => {
    const found = blockMarkers;
    blockMarkers = 0;
    return found > MAX_MARKERS_PER_BLOCK
      ? {
          line: blockStart,
          message: `more than ${MAX_MARKERS_PER_BLOCK} emphasis and link markers (*, _, ~, [) in one paragraph; expected at most ${MAX_MARKERS_PER_BLOCK}: deeply nested or unclosed emphasis and brackets make the page too slow to render`,
        }
      : null;
  };

  while (start <= markdown.length) {
    const end = nextLineEnd(markdown, start);
    const line = markdown.slice(start, end);
    lineNo += 1;
    start = end + (markdown[end] === '\r' && markdown[end + 1] === '\n' ? 2 : 1);

    // The container prefix: indentation, `>` and list bullets, in any order.
    let pos = 0;
    let columns = 0;
    let markers = 0;
    // Stops as soon as the line is too deep, so a line of 2,000 bullets costs no more than one of 17.
    while (markers + Math.floor(columns / 2) <= MAX_NESTING_DEPTH || markers === 0) {
      const c = line[pos];
      if (c === ' ') columns += 1;
      else if (c === '\t') columns += 4 - (columns % 4);
      else if (c === '>') {
        markers += 1;
        // As after a bullet, one space after `>` is part of the marker.
        if (line[pos + 1] === ' ') pos += 1;
      } else {
        const bullet = HR.test(line.slice(pos)) ? null : BULLET.exec(line.slice(pos, pos + 11));
        if (!bullet) break;
        markers += 1;
        pos += bullet[0].length;
        // The one space after a bullet belongs to the bullet, not to an indentation level.
        if (line[pos] === ' ') pos += 1;
        continue;
      }
      pos += 1;
    }
    const rest = line.slice(pos);
    const depth = markers > 0 ? markers + Math.floor(columns / 2) : 0;
    if (depth > MAX_NESTING_DEPTH) {
      return {
        line: lineNo,
        message: `block quotes and lists nested more than ${MAX_NESTING_DEPTH} levels deep; expected at most ${MAX_NESTING_DEPTH}`,
      };
    }

    const blank = rest.trim() === '' && markers === 0;
    const fenceMark = FENCE.exec(rest)?.[1];
    // A new block starts at a blank line, a bullet or quote, a heading, a fence, or any table row.
    if (blank || markers > 0 || rest.startsWith('#') || fenceMark || fence !== null || inTable) {
      const problem = endBlock();
      if (problem) return problem;
      blockStart = blank ? lineNo + 1 : lineNo;
    }
    if (blank) inTable = false;
    else if (TABLE_DELIMITER.test(rest) && rest.includes('-') && fence === null) inTable = true;

    if (fenceMark) {
      if (fence === null) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
    }

    if (!HR.test(rest)) {
      const found = countMarkers(rest, MAX_MARKERS_PER_BLOCK + 1);
      blockMarkers += found;
      total += found;
      if (blockMarkers > MAX_MARKERS_PER_BLOCK) return endBlock();
      if (total > MAX_MARKERS) {
        return {
          line: lineNo,
          message: `more than ${MAX_MARKERS} emphasis and link markers (*, _, ~, [) in the body; expected at most ${MAX_MARKERS}: split the article`,
        };
      }
    }
    if (end >= markdown.length) break;
  }
  return endBlock();
}

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Emphasis runs (`**` counts once) and opening brackets in one line, counting no further than `stop`. */
function countMarkers(text: string, stop: number): number {
  let count = 0;
  let previous = 0;
  for (let i = 0; i < text.length && count < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b)
      count += 1; // [
    else if ((c === 0x2a || c === 0x5f || c === 0x7e) && c !== previous) count += 1; // * _ ~
    previous = c;
  }
  return count;
}

/** UTF-8 length of a string, counting no further than just past `stop`. */
function utf8Length(text: string, stop: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** `line 12: …` or just the message, for error lines and error pages. */
export function formatBodyLimitProblem(problem: BodyLimitProblem): string {
  return problem.line === null ? problem.message : `line ${problem.line}: ${problem.message}`;
}
