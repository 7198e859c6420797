/**
 * Sitemaps for search engines: the index of monthly sitemaps, each month's articles, the pages sitemap (front
 * page, sections, tags) and the Google News sitemap of the last 48 hours.
 */
import { MAX_SECTIONS } from '../content/sections.ts';
import {
  NEWS_SITEMAP_LIMIT,
  NEWS_WINDOW_MS,
  renderMonthSitemap,
  renderNewsSitemap,
  renderPagesSitemap,
  renderSitemapIndex,
  SITEMAP_URL_LIMIT,
} from '../render/sitemap.ts';
import { readAuthorTimes, readMonth, readMonths, readRecent, readSectionTimes, readTags } from '../store/sitemaps.ts';
import { documentAt } from './documents.ts';
import type { SiteRequest } from './request.ts';
import { SITEMAPS_TAG } from './tags.ts';

/** A W3C datetime (UTC) for lastmod. */
const isoUtc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const sitemapIndex = (req: SiteRequest, path: string) =>
  documentAt(req, path, [SITEMAPS_TAG], async () => {
    const months = await readMonths(req.db, req.now);
    const newest = months.reduce<string | null>((a, m) => (a === null || m.lastmod > a ? m.lastmod : a), null);
    return renderSitemapIndex(req.siteUrl, months, newest);
  });

export const pagesSitemap = (req: SiteRequest, path: string) =>
  documentAt(req, path, [SITEMAPS_TAG], async () => {
    const [sections, authors] = await Promise.all([
      readSectionTimes(req.db, req.now),
      readAuthorTimes(req.db, req.now),
    ]);
    const tags = await readTags(req.db, req.now, SITEMAP_URL_LIMIT - 1 - MAX_SECTIONS - authors.length);
    const newest = tags.reduce((a, t) => Math.max(a, t.newestMs), 0);
    return renderPagesSitemap(
      req.siteUrl,
      newest ? isoUtc(newest) : null,
      tags.map((t) => ({ tag: t.tag, lastmod: isoUtc(t.newestMs) })),
      sections.map((s) => ({ slug: s.slug, lastmod: s.newestMs === null ? null : isoUtc(s.newestMs) })),
      authors.map((a) => ({ slug: a.slug, lastmod: a.newestMs === null ? null : isoUtc(a.newestMs) })),
    );
  });

/** Part `part` of a month's sitemap (`month` is YYYY-MM); null past its last part. */
export const monthSitemap = (req: SiteRequest, path: string, month: string, part: number) =>
  documentAt(req, path, [SITEMAPS_TAG], async () => {
    const offset = (part - 1) * SITEMAP_URL_LIMIT;
    const articles = await readMonth(req.db, month, { now: req.now, limit: SITEMAP_URL_LIMIT, offset });
    return articles.length === 0 ? null : renderMonthSitemap(req.siteUrl, articles);
  });

export const newsSitemap = (req: SiteRequest, path: string) =>
  documentAt(req, path, [SITEMAPS_TAG], async () =>
    renderNewsSitemap(
      req.siteUrl,
      await readRecent(req.db, { now: req.now, windowMs: NEWS_WINDOW_MS, limit: NEWS_SITEMAP_LIMIT }),
    ),
  );
