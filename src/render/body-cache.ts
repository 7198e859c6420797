/** Per-isolate memo of rendered article bodies, so an article's markdown is parsed once, not per request. */
import type { Token } from 'marked';
import type { Article } from '../content/types.ts';
import { Lru } from '../lib/lru.ts';
import { tokensToText } from '../markdown/plain-text.ts';
import { type BodyFlavor, lexBody, renderTokens } from '../markdown/render.ts';

// Bounded so a large site cannot exhaust an isolate's memory; keyed by version so edits are never served stale.
const tokenCache = new Lru<string, Token[]>(256);
const outputCache = new Lru<string, string>(512);

function tokens(article: Article): Token[] {
  return tokenCache.getOrSet(article.version, () => lexBody(article.body));
}

/** The article body as sanitized HTML or AMP markup. */
export function articleBody(article: Article, flavor: BodyFlavor): string {
  return outputCache.getOrSet(`${article.version}:${flavor}`, () =>
    renderTokens(tokens(article), flavor, article.bodyImages),
  );
}

/** The article body as plain text. */
export function articleText(article: Article): string {
  return outputCache.getOrSet(`${article.version}:text`, () => tokensToText(tokens(article)));
}
