/**
 * Article bodies rendered once per version and isolate (in the caches handed in), so an article's markdown is
 * parsed once, not per request. The markdown renderer (and marked with it) loads on first use: an isolate that
 * only serves cached pages or the weather never pays for it.
 */
import type { IsolateCaches, LiveBodies } from '../cache/isolate.ts';
import { splitLiveBody } from '../content/live-body.ts';
import type { Article } from '../content/types.ts';
import { SingleFlight } from '../lib/single-flight.ts';
import { tokensToText } from '../markdown/plain-text.ts';
import type { BodyFlavor } from '../markdown/render.ts';

type Renderer = typeof import('../markdown/render.ts');
// The module, once loaded, is code every request may call; the import in flight is shared as SingleFlight
// shares loads, so no request awaits another request's promise (see lib/single-flight.ts).
let renderer: Renderer | undefined;
const rendererImport = new SingleFlight<'renderer', Renderer>();
/** The markdown renderer, loaded on first use. */
export async function loadRenderer(): Promise<Renderer> {
  renderer ??= await rendererImport.run('renderer', () => import('../markdown/render.ts'));
  return renderer;
}

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

/**
 * A live article's intro and each update's body, rendered apart (HTML or AMP), once per version: pages show the
 * updates newest first, each under its own anchor.
 */
export function liveBodies(
  caches: Pick<IsolateCaches, 'liveBodies'>,
  article: Article,
  flavor: BodyFlavor,
): Promise<LiveBodies> {
  return caches.liveBodies.get(`${article.version}:${flavor}`, async () => {
    const render = await loadRenderer();
    const { intro, texts } = splitLiveBody(article.body, article.liveUpdates);
    const html = (markdown: string) => render.renderTokens(render.lexBody(markdown), flavor, article.bodyImages);
    return { intro: html(intro), updates: texts.map(html) };
  });
}
