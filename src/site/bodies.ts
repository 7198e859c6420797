/**
 * Article bodies rendered once per version and isolate (in the caches handed in), so an article's markdown is
 * parsed once, not per request. The markdown renderer (and marked with it) loads on first use: an isolate that
 * only serves cached pages or the weather never pays for it.
 */
import type { IsolateCaches } from '../cache/isolate.ts';
import type { Article } from '../content/types.ts';
import { tokensToText } from '../markdown/plain-text.ts';
import type { BodyFlavor } from '../markdown/render.ts';

let renderer: Promise<typeof import('../markdown/render.ts')> | undefined;
const loadRenderer = () => {
  renderer ??= import('../markdown/render.ts');
  return renderer;
};

type BodyCaches = Pick<IsolateCaches, 'tokens' | 'bodies'>;
/** What the plain text needs of an article: its body and the version that keys the memo. */
type TextSource = Pick<Article, 'body' | 'version'>;

function tokens(caches: BodyCaches, article: TextSource) {
  return caches.tokens.get(article.version, async () => (await loadRenderer()).lexBody(article.body));
}

/** The article body as sanitized HTML or AMP markup. */
export function articleBody(caches: BodyCaches, article: Article, flavor: BodyFlavor): Promise<string> {
  return caches.bodies.get(`${article.version}:${flavor}`, async () =>
    (await loadRenderer()).renderTokens(await tokens(caches, article), flavor, article.bodyImages),
  );
}

/** The article body as plain text (an article, or a search hit: anything with its body and version). */
export function articleText(caches: BodyCaches, article: TextSource): Promise<string> {
  return caches.bodies.get(`${article.version}:text`, async () => tokensToText(await tokens(caches, article)));
}
