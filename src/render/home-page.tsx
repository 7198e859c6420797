/** The front page: the latest articles, newest first; the same page as ListPage's page 1 of the front page. */
import type { Child } from 'hono/jsx';
import { SITE_NAME } from '../site.ts';
import { ArticleList, type ListedArticle, Pager } from './article-list.tsx';
import { Layout, type NewsLink } from './layout.tsx';

export interface HomePageData {
  latest: ListedArticle[];
  canonicalUrl: string;
  /** Whether older articles continue at /page/2 (the "الأقدم" link); default false. */
  hasOlder?: boolean;
  topNews: NewsLink[];
  temperature: Child;
}

export function HomePage(data: HomePageData) {
  return (
    <Layout
      title={SITE_NAME}
      description={`${SITE_NAME}: آخر الأخبار من لبنان والعالم.`}
      canonical={data.canonicalUrl}
      topNews={data.topNews}
      temperature={data.temperature}
      currentPath="/"
    >
      <h1>آخر الأخبار</h1>
      <ArticleList items={data.latest} />
      <Pager tag={null} page={1} hasOlder={data.hasOlder ?? false} />
    </Layout>
  );
}
