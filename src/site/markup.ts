/**
 * Short editor texts as pages show them, rendered with the article renderer (so sanitized the same way) and kept
 * per isolate: a correction (inline markdown) and a writer's bio (markdown).
 */
import type { IsolateCaches } from '../cache/isolate.ts';
import { hash64 } from '../lib/hash.ts';
import type { BodyFlavor } from '../markdown/render.ts';
import { loadRenderer } from './bodies.ts';

type MarkupCaches = Pick<IsolateCaches, 'bodies'>;

/** A correction's text as inline HTML: one paragraph's content, or the text escaped if it renders as anything else. */
export function inlineHtml(caches: MarkupCaches, text: string, flavor: BodyFlavor): Promise<string> {
  return caches.bodies.get(`inline:${flavor}:${hash64(text)}`, async () => {
    const { renderMarkdown, escapeHtml } = await loadRenderer();
    const html = renderMarkdown(text, flavor).trim();
    const paragraph = /^<p>([\s\S]*)<\/p>$/.exec(html);
    return paragraph && !paragraph[1]?.includes('<p>') ? (paragraph[1] ?? '') : escapeHtml(text);
  });
}

/** A writer's bio as sanitized HTML, kept by the writer's version. */
export function bioHtml(caches: MarkupCaches, bio: string, version: string): Promise<string> {
  return caches.bodies.get(`bio:${version}`, async () => (await loadRenderer()).renderMarkdown(bio, 'html'));
}
