/** The corrections page (/corrections, /corrections/page/N): the latest corrections across the archive. */
import { raw } from 'hono/html';
import { correctionsListPath } from '../paths.ts';
import { SITE_NAME } from '../site.ts';
import { CORRECTIONS_FEEDS } from './feed-links.tsx';
import { Layout } from './layout.tsx';
import type { CorrectionsPageData } from './page-data.ts';
import { PagerLinks } from './pager.tsx';
import { formatDate } from './reader-date.ts';

/** Each correction, newest first: its date, what was corrected, and the article it corrects; then the pager. */
export function CorrectionsPage(data: CorrectionsPageData) {
  const { page } = data;
  const suffix = page > 1 ? ` (الصفحة ${page})` : '';
  return (
    <Layout
      title={`تصحيحات${suffix}`}
      description={`ما صحّحته ${SITE_NAME} في مقالاتها بعد نشرها، الأحدث أولًا.${suffix}`}
      canonical={data.canonicalUrl}
      feeds={CORRECTIONS_FEEDS}
      chrome={data.chrome}
    >
      <header class="list-head">
        <h1>تصحيحات</h1>
        <p>{page > 1 ? `الصفحة ${page}` : 'ما صحّحناه في مقالاتنا بعد نشرها، الأحدث أولًا.'}</p>
      </header>
      {data.items.length === 0 ? (
        <p>لا توجد تصحيحات منشورة.</p>
      ) : (
        <ol class="rows fixes">
          {data.items.map((item) => (
            <li>
              <time datetime={item.date}>{formatDate(item.date)}</time>
              {/* Sanitized inline HTML from the markdown renderer, as in the article's own box. */}
              <p>{raw(item.html)}</p>
              <p class="in">
                في مقال: <a href={item.article.url}>{item.article.title}</a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <PagerLinks
        label="صفحات التصحيحات"
        newer={page > 1 ? correctionsListPath(page - 1) : null}
        older={data.hasOlder ? correctionsListPath(page + 1) : null}
      />
    </Layout>
  );
}
