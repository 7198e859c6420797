/**
 * The cacheable route families the harness drives, each with several URLs that no other family shares (different
 * slugs, tags, limits), so the first request of each URL finds nothing cached for it.
 */
import type { LoadSite } from './site.ts';

export interface RouteFamily {
  /** What a reader of the report recognizes, e.g. "article HTML /articles/<slug>". */
  name: string;
  /** The load run's row: families that share one run. */
  group: string;
  /** Paths (percent-encoded, with their query). */
  urls: string[];
}

/** Words every synthetic article draws from (bench/archive.ts): each finds results in any archive. */
const PAGE_WORDS = 'الحكومة البرلمان الاقتصاد الكهرباء المدرسة الجامعة المفاوضات الموازنة السياحة الزراعة'.split(' ');
const API_WORDS = 'المستشفى النقابة الضرائب المرفأ الشتاء مهرجان المنتخب لقاح تكنولوجيا الطاقة'.split(' ');

const range = (count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i);
const tagPath = (tag: string) => `/tags/${encodeURIComponent(tag)}`;
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** `count` items spread evenly over `list`. */
function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length < count) throw new Error(`the archive is too small: ${list.length} to choose ${count} from`);
  return range(count).map((i) => list[Math.floor((i * list.length) / count)] as T);
}

async function json(site: LoadSite, path: string): Promise<unknown> {
  const res = await site.get(path);
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  return res.json();
}

/** `/api/articles` cursor URLs: the `next` link of first pages of `count` limits (the pages, not the links, are read). */
async function cursorUrls(site: LoadSite, count: number, firstLimit: number): Promise<string[]> {
  const urls: string[] = [];
  for (const limit of range(count, firstLimit)) {
    const { next } = (await json(site, `/api/articles?${query({ limit: String(limit) })}`)) as { next: string | null };
    if (!next?.includes('cursor=')) throw new Error(`/api/articles?limit=${limit} has no cursor "next": ${next}`);
    const url = new URL(next);
    urls.push(`${url.pathname}${url.search}`);
  }
  return urls;
}

/** The seed article's files under /media/ (photo variants, share card), read from its JSON. */
async function mediaUrls(site: LoadSite, count: number): Promise<string[]> {
  const text = JSON.stringify(await json(site, `/api/articles/${encodeURIComponent(site.facts.seedSlug)}`));
  const keys = [...new Set(text.match(/\/media\/[\w./-]+/g) ?? [])].sort();
  return keys.slice(0, count);
}

/**
 * Every cacheable route family with `count` URLs each (one for the routes that have only one). Reads the site for the
 * cursor and media URLs only, never a URL it returns.
 */
export async function routeFamilies(site: LoadSite, count: number): Promise<RouteFamily[]> {
  const { size, tags, months } = site.facts;
  const slugs = (block: number) => range(count, block * count).map((i) => `a${size - 1 - i}`);
  const tagBlock = (block: number) => tags.slice(block * count, (block + 1) * count);
  const article = (slug: string) => `/articles/${slug}`;
  return [
    { name: 'article HTML /articles/<slug>', group: 'article HTML', urls: slugs(0).map(article) },
    { name: 'article AMP /articles/<slug>/amp', group: 'article AMP', urls: slugs(1).map((s) => `${article(s)}/amp`) },
    {
      name: 'article JSON /api/articles/<slug>',
      group: 'article JSON',
      urls: slugs(2).map((s) => `/api${article(s)}`),
    },
    {
      name: 'list JSON by page /api/articles?limit=9&page=N',
      group: 'list JSON',
      urls: range(count, 1).map((page) => `/api/articles?${query({ limit: '9', page: String(page) })}`),
    },
    { name: 'list JSON by cursor /api/articles?cursor=…', group: 'list JSON', urls: await cursorUrls(site, count, 11) },
    { name: 'tag page /tags/<tag>', group: 'tag lists', urls: tagBlock(0).map(tagPath) },
    {
      name: 'tag list JSON /api/articles?tag=…',
      group: 'tag lists',
      urls: tagBlock(1).map((tag) => `/api/articles?${query({ tag })}`),
    },
    { name: 'archive page /page/N', group: 'archive pages', urls: range(count, 2).map((n) => `/page/${n}`) },
    { name: 'RSS /feed.xml', group: 'feeds', urls: ['/feed.xml'] },
    { name: 'JSON Feed /feed.json', group: 'feeds', urls: ['/feed.json'] },
    { name: 'tag RSS /tags/<tag>/feed.xml', group: 'feeds', urls: tagBlock(2).map((t) => `${tagPath(t)}/feed.xml`) },
    { name: 'sitemap index /sitemap.xml', group: 'sitemaps', urls: ['/sitemap.xml'] },
    {
      name: 'monthly sitemap /sitemaps/YYYY-MM.xml',
      group: 'sitemaps',
      urls: spread(months, count).map((m) => `/sitemaps/${m}.xml`),
    },
    { name: 'media /media/<key>', group: 'media', urls: await mediaUrls(site, count) },
    {
      name: 'search page /search?q=…',
      group: 'search',
      urls: spread(PAGE_WORDS, count).map((q) => `/search?${query({ q })}`),
    },
    {
      name: 'search JSON /api/search?q=…',
      group: 'search',
      urls: spread(API_WORDS, count).map((q) => `/api/search?${query({ q })}`),
    },
  ];
}
