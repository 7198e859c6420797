/** The front page: the latest articles, newest first. */
import type { Child } from 'hono/jsx';
import type { ArticleMeta } from '../content/types.ts';
import { SITE_NAME } from '../site.ts';
import { Layout, type NewsLink } from './layout.tsx';
import { formatReaderDate } from './reader-date.ts';

export interface HomePageData {
  latest: { article: ArticleMeta; url: string }[];
  canonicalUrl: string;
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
      {data.latest.length === 0 ? (
        <p>لا توجد مقالات منشورة بعد.</p>
      ) : (
        <ol class="list">
          {data.latest.map(({ article, url }) => (
            <li>
              <h2>
                <a href={url}>{article.title}</a>
              </h2>
              <p>
                <time datetime={article.publishedAt}>{formatReaderDate(article.publishedAt)}</time>
              </p>
              <p>{article.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
