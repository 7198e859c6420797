/// <reference types="@cloudflare/workers-types" />
/**
 * The naive design, for comparison: what a minimal Hono + marked app does. Every request re-parses the markdown
 * with bare `marked.parse` into a small template; nothing is memoized. It uses the same bundled articles and
 * stylesheet as the site, so both answers weigh about the same and the comparison is about the work.
 *
 * bench/worker.ts serves it at `/__naive/<slug>`; on its own it is the reference Worker for startup CPU
 * (same dependencies and content, none of our code).
 */
import { Hono } from 'hono';
import { marked } from 'marked';
import { articles } from '../src/generated/content.js';
import { SITE_CSS } from '../src/render/styles.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

const bySlug = new Map(articles.map((a) => [a.slug, a]));

export const naive = new Hono();
naive.get('/__naive/:slug', (c) => {
  const article = bySlug.get(c.req.param('slug'));
  if (!article) return c.notFound();
  const body = marked.parse(article.body, { async: false });
  const title = escapeText(article.title);
  return c.html(
    `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>` +
      `<style>${SITE_CSS}</style></head><body><main><h1>${title}</h1>${body}</main></body></html>`,
  );
});

export default naive;
