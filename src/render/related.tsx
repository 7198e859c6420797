/** "مقالات ذات صلة": up to three other articles at the end of an article page (HTML and AMP). */
import type { ArticleMeta } from '../content/types.ts';
import { articlePath } from '../paths.ts';
import { formatReaderDate } from './reader-date.ts';

/** How many related articles an article page shows (the store also reads no more than this). */
const SHOWN = 3;

/** The related articles as given (the caller picks them: shared tag, newest first); nothing when there are none. */
export function RelatedArticles({ articles }: { articles: ArticleMeta[] }) {
  const shown = articles.slice(0, SHOWN);
  if (shown.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 id="related-title">مقالات ذات صلة</h2>
      <ul>
        {shown.map((article) => (
          <li>
            <a href={articlePath(article.slug)}>{article.title}</a>{' '}
            <time datetime={article.publishedAt}>{formatReaderDate(article.publishedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
