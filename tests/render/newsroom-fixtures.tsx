/** Article page data for the newsroom's formats: named writers, live coverage and corrections, as src/site/ shapes them. */
import type { Article } from '../../src/content/types.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { articleUrls } from '../../src/paths.ts';
import type { ArticlePageData, AuthorLink, CorrectionView, LiveView } from '../../src/render/page-data.ts';
import { FEATURES } from '../helpers/fixtures.ts';
import { SITE } from './hostile.ts';
import { chrome } from './page-fixtures.tsx';

export const RANA: AuthorLink = {
  slug: 'rana-haddad',
  name: 'رنا حداد',
  role: 'مراسلة في بيروت',
  url: '/authors/rana-haddad',
};
export const SAMI: AuthorLink = { slug: 'sami-khoury', name: 'سامي خوري', role: null, url: '/authors/sami-khoury' };

/** The coverage's first day is 20 November (Beirut, +02:00 in winter). */
export const LIVE_START = '2025-11-20T09:00:00+02:00';
export const LIVE_END = '2025-11-21T12:00:00+02:00';

/** Three updates, oldest first as the build finds them: the last on the next day; one links a relative path. */
export const UPDATES = [
  { id: 'update-0930', time: '2025-11-20T09:30:00+02:00', title: 'وصول أول الوفود', text: 'وصل **وفد** الجامعة.' },
  {
    id: 'update-1405',
    time: '2025-11-20T14:05:00+02:00',
    title: 'مسودة البيان',
    text: 'حصلت «الجريدة» على [المسودة](وثيقة-البيان).',
  },
  {
    id: 'update-20251121-0845',
    time: '2025-11-21T08:45:00+02:00',
    title: 'استئناف المشاورات',
    text: 'استؤنفت المشاورات و"الخلاف" ضاق & لم يُحسم.',
  },
];

/** FEATURES as a live article (its body is just the intro here: the updates come in `live`). */
export function liveArticle(ended = false): Article {
  const last = UPDATES.at(-1)?.time ?? LIVE_START;
  return {
    ...FEATURES,
    slug: 'live-summit',
    title: 'القمة العربية الطارئة في القاهرة',
    body: 'يتابع هذا **التغطية المباشرة** للقمة.',
    publishedAt: LIVE_START,
    updatedAt: last,
    live: { start: LIVE_START, end: ended ? LIVE_END : null, lastUpdate: last },
    liveUpdates: UPDATES.map((u, i) => ({ id: u.id, time: u.time, title: u.title, line: i * 4 + 2 })),
    version: ended ? 'live-ended' : 'live-open',
  };
}

/** The coverage as the page shows it: newest first, each update's text rendered for the page's flavor. */
export function liveView(flavor: 'html' | 'amp', { active = true, ended = false } = {}): LiveView {
  return {
    active,
    start: LIVE_START,
    end: ended ? LIVE_END : null,
    lastUpdate: UPDATES.at(-1)?.time ?? null,
    updates: UPDATES.map((u) => ({
      id: u.id,
      time: u.time,
      title: u.title,
      html: renderMarkdown(u.text, flavor),
    })).reverse(),
  };
}

export const CORRECTION: CorrectionView = {
  date: '2025-11-21T18:20:00+02:00',
  html: 'ورد أن الخطة تمتد <strong>سنة</strong>، والصحيح ستة أشهر.',
};

export type PageExtra = Partial<ArticlePageData>;

/** An article page's data: no writers, no live coverage, no corrections, unless `extra` says so. */
export function articlePage(article: Article, flavor: 'html' | 'amp', extra: PageExtra = {}): ArticlePageData {
  return {
    chrome: chrome(),
    article,
    bodyHtml: renderMarkdown(article.body, flavor, article.bodyImages),
    urls: articleUrls(SITE, article),
    kicker: { section: null, tag: null },
    related: [],
    authors: [],
    live: null,
    corrections: [],
    defaultAuthor: false,
    ...extra,
  };
}

/** The live article's page data: open coverage unless `ended`. */
export function livePage(flavor: 'html' | 'amp', { ended = false, ...extra }: PageExtra & { ended?: boolean } = {}) {
  return articlePage(liveArticle(ended), flavor, {
    live: liveView(flavor, { active: !ended, ended }),
    authors: [RANA],
    defaultAuthor: true,
    ...extra,
  });
}
