/** Plain text from markdown tokens: for summaries, JSON `text` and reading time. */
import type { Token } from 'marked';
import { NAMED_REFERENCES } from './entities.ts';

/** Concatenates the visible text of inline and block tokens, block tokens separated by blank lines. */
export function tokensToText(tokens: readonly Token[]): string {
  const blocks: string[] = [];
  for (const token of tokens) {
    const text = tokenText(token).trim();
    if (text) blocks.push(text);
  }
  return blocks.join('\n\n');
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
    case 'html':
      return token.type === 'html' ? decodeEntities(token.text).replace(/<[^>]*>/g, '') : '';
    case 'br':
      return '\n';
    case 'image':
      return decodeEntities(token.text);
    case 'code':
    case 'codespan':
    case 'escape':
      // Code is kept as written: "&amp;" in a code span is literally those five characters.
      return token.text;
    case 'list':
      return token.items.map((item: Token) => tokenText(item)).join('\n');
    case 'table':
      return [token.header, ...token.rows]
        .map((row: { tokens: Token[] }[]) => row.map((cell) => inlineText(cell.tokens)).join(' | '))
        .join('\n');
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) {
        return token.type === 'blockquote' || token.type === 'list_item'
          ? tokensToText(token.tokens)
          : inlineText(token.tokens);
      }
      return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
  }
}

/** The visible text of inline tokens with references decoded, as in an image's alt text: `![*a* [b](/c)](x)` gives "a b". */
export function inlineText(tokens: readonly Token[]): string {
  return tokens.map(tokenText).join('');
}

/**
 * Decodes the character references marked leaves in text: numeric ones, and the names of entities.ts in their exact
 * case, as browsers read them. Anything else (an unknown name, a number beyond Unicode, `&#0;`) stays as written.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_REFERENCES.get(ref) ?? whole;
  });
}

/** Cuts text at a word boundary near `max` characters, adding an ellipsis when it cut. */
export function cutAtWord(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const slice = flat.slice(0, max + 1);
  const lastSpace = slice.lastIndexOf(' ');
  const cut = lastSpace > max * 0.6 ? slice.slice(0, lastSpace) : flat.slice(0, max);
  return `${cut.replace(/[\s،,.؛:]+$/u, '')}…`;
}

/** Reading time in whole minutes for Arabic prose (about 180 words a minute), at least one. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / 180));
}
