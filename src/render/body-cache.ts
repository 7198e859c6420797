/**
 * Per-isolate memo of rendered article bodies, so an article's markdown is parsed once, not per request.
 * The markdown renderer (and marked with it) is loaded on first use rather than at startup: an isolate
 * that only serves cached pages or the weather never pays for it.
 */
import type { Token } from 'marked';
import type { Article } from '../content/types.ts';
import { Lru } from '../lib/lru.ts';
import { tokensToText } from '../markdown/plain-text.ts';
import type { BodyFlavor } from '../markdown/render.ts';

let renderer: Promise<typeof import('../markdown/render.ts')> | undefined;
const loadRenderer = () => {
  renderer ??= import('../markdown/render.ts');
  return renderer;
};

// Bounded so a large site cannot exhaust an isolate's memory; keyed by version so edits are never served stale.
const tokenCache = new Lru<string, Promise<Token[]>>(256);
const outputCache = new Lru<string, Promise<string>>(512);

function tokens(article: Article): Promise<Token[]> {
  return tokenCache.getOrSetAsync(article.version, async () => (await loadRenderer()).lexBody(article.body));
}

/** The article body as sanitized HTML or AMP markup. */
export function articleBody(article: Article, flavor: BodyFlavor): Promise<string> {
  return outputCache.getOrSetAsync(`${article.version}:${flavor}`, async () =>
    (await loadRenderer()).renderTokens(await tokens(article), flavor, article.bodyImages),
  );
}

/** The article body as plain text. */
export function articleText(article: Article): Promise<string> {
  return outputCache.getOrSetAsync(`${article.version}:text`, async () => tokensToText(await tokens(article)));
}
