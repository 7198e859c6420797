/** A page of a list: the front page and its archive (/page/N), or a tag's page (/tags/<tag>, /tags/<tag>/page/N). */
import type { Child } from 'hono/jsx';
import type { ArticleMeta } from '../content/types.ts';
import { absoluteUrl, listPath } from '../paths.ts';
import { SITE_NAME } from '../site.ts';
import { ArticleList, listed, Pager } from './article-list.tsx';
import { SITE_FEEDS, tagFeeds } from './feed-links.tsx';
import { Layout, type NewsLink } from './layout.tsx';

export interface ListPageData {
  /** The tag of a tag page, or null for the front page and its archive. */
  tag: string | null;
  /** The page number, 1-based. */
  page: number;
  /** This page's articles, newest first (20 a page). */
  articles: ArticleMeta[];
  /** Whether a page of older articles follows (the "الأقدم" link). */
  hasOlder: boolean;
  /** SITE_URL, for the canonical URL. */
  siteUrl: string;
  topNews: NewsLink[];
  temperature: Child;
}

/** Page N of a list, with its own canonical URL (page 1 is `/` or `/tags/<tag>`), pager and feed links. */
export function ListPage(data: ListPageData) {
  const heading = data.tag ?? 'آخر الأخبار';
  const suffix = data.page > 1 ? ` (الصفحة ${data.page})` : '';
  const path = listPath(data.tag, data.page);
  return (
    <Layout
      title={data.tag === null && data.page === 1 ? SITE_NAME : `${heading}${suffix}`}
      description={
        data.tag === null
          ? `${SITE_NAME}: آخر الأخبار من لبنان والعالم.${suffix}`
          : `آخر الأخبار في وسم «${data.tag}» من ${SITE_NAME}.${suffix}`
      }
      canonical={absoluteUrl(data.siteUrl, path)}
      feeds={data.tag === null ? SITE_FEEDS : tagFeeds(data.tag)}
      topNews={data.topNews}
      temperature={data.temperature}
      currentPath={path}
    >
      <h1>{heading}</h1>
      <ArticleList items={listed(data.articles)} />
      <Pager tag={data.tag} page={data.page} hasOlder={data.hasOlder} />
    </Layout>
  );
}
