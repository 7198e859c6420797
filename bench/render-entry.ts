/// <reference types="@cloudflare/workers-types" />
/**
 * The rendering functions the Node benchmark times, taken from src/ unchanged. Node cannot load the .tsx
 * modules directly, so render.ts bundles this file with esbuild first (into bench/results/.tmp/).
 */
import { marked } from 'marked';
import { createApp } from '../src/app.ts';
import { buildContent } from '../src/content/build.ts';
import { createMemoryStore } from '../src/content/store.ts';
import type { Article } from '../src/content/types.ts';
import type { Env } from '../src/env.ts';
import { articles } from '../src/generated/content.js';
import { lexBody, renderTokens } from '../src/markdown/render.ts';
import { articlePath, articleUrls } from '../src/paths.ts';
import { ArticlePage } from '../src/render/article-page.tsx';
import { fillTemplate, type PageTemplate, renderTemplate, TEMPERATURE_SLOT } from '../src/render/document.ts';
import type { WeatherService } from '../src/weather/service.ts';

const SITE_URL = 'https://al-ayyam.example';

export function bundledArticle(slug: string): Article {
  const article = articles.find((a) => a.slug === slug);
  if (!article) throw new Error(`article "${slug}" is not in src/generated/content.js; run npm run build:content`);
  return article;
}

/** Turns a markdown body into an Article through the real content build (front matter, summary, version). */
export function articleFromMarkdown(body: string, slug: string): Article {
  const text = `---\ntitle: مقال اختبار الأداء\nslug: ${slug}\ndate: 2026-11-01T12:00:00\ntags:\n  - اختبار\n---\n\n${body}`;
  const { articles: built, errors } = buildContent([{ path: `content/${slug}.md`, text }], () => 'no local images');
  if (!built[0]) throw new Error(errors.map(String).join('\n'));
  return built[0];
}

/**
 * What the article route does the first time it sees an article in an isolate (both caches miss):
 * lex the markdown, render the body, render the page around it into a template. Pure, so nothing is memoized.
 */
export function firstRender(article: Article, topStory: Article): PageTemplate {
  // Mirrors the `/articles/:slug` route in src/routes/pages.tsx, with articleBody()'s two cache misses inlined.
  const bodyHtml = renderTokens(lexBody(article.body), 'html', article.bodyImages);
  return renderTemplate(
    ArticlePage({
      article,
      bodyHtml,
      urls: articleUrls(SITE_URL, article),
      currentPath: articlePath(article.slug),
      topNews: [{ title: topStory.title, url: articlePath(topStory.slug) }],
      temperature: TEMPERATURE_SLOT,
    }),
  );
}

/** What a minimal app does instead: bare marked.parse on every request. */
export function bareMarked(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** The memoized path's rendering work: the page template is cached, so a request only fills in the temperature. */
export function memoizedRender(template: PageTemplate, temperature: string): Uint8Array {
  return fillTemplate(template, temperature);
}

/**
 * The whole memoized request through the real Hono app in Node: routing, store lookup, cache hits, headers.
 * The weather service is a stub holding a fresh value, as an isolate's memory would.
 */
export function appFetcher(list: readonly Article[]): (path: string) => Promise<Response> {
  const now = () => Date.now();
  const fresh = new Date().toISOString();
  const weather: WeatherService = {
    current: async () => ({ tempC: 21.4, observedAt: fresh, fetchedAt: fresh, source: 'bench' }),
    refresh: async () => ({ ok: false, reason: 'not used in the bench' }),
  };
  const app = createApp({ store: createMemoryStore(list), weather, now });
  const env = { SITE_URL, WEATHER_URL: 'http://127.0.0.1:9/', WEATHER_KV: {}, ASSETS: {} } as unknown as Env;
  const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext;
  return async (path) => app.fetch(new Request(new URL(path, SITE_URL)), env, ctx);
}

export { articles };
