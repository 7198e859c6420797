/**
 * A page of a list: the archive (/page/N), a tag's pages (/tags/<tag>…) or a section's (/sections/<slug>…). A
 * section's first page opens with its newest story large; then teasers with thumbnails, two columns when wide.
 * (A writer's pages have their own view, author-page.tsx, with the writer's photo and bio.)
 */
import { SITE_NAME } from '../site.ts';
import { authorFeeds, SITE_FEEDS, sectionFeeds, tagFeeds } from './feed-links.tsx';
import { Layout } from './layout.tsx';
import type { ListKind, ListPageData } from './page-data.ts';
import { Pager } from './pager.tsx';
import { FIT, TeaserItem, TeaserList } from './teaser.tsx';

/** The list's name: the tag, the section's or the writer's name, or "آخر الأخبار" for the archive. */
function listName(list: ListKind): string {
  if (list.kind === 'tag') return list.tag;
  if (list.kind === 'section') return list.section.name;
  if (list.kind === 'author') return list.author.name;
  return 'آخر الأخبار';
}

function descriptionOf(list: ListKind): string {
  if (list.kind === 'tag') return `آخر الأخبار في وسم «${list.tag}» من ${SITE_NAME}.`;
  if (list.kind === 'section') return `آخر أخبار قسم «${list.section.name}» من ${SITE_NAME}.`;
  if (list.kind === 'author') return `مقالات ${list.author.name} في ${SITE_NAME}.`;
  return `${SITE_NAME}: آخر الأخبار من لبنان والعالم.`;
}

function feedsOf(list: ListKind) {
  if (list.kind === 'tag') return tagFeeds(list.tag);
  if (list.kind === 'section') return sectionFeeds(list.section);
  if (list.kind === 'author') return authorFeeds(list.author);
  return SITE_FEEDS;
}

/** Page N of a list, with its own canonical URL, feed links and pager. */
export function ListPage(data: ListPageData) {
  const { list, page } = data;
  const name = listName(list);
  const suffix = page > 1 ? ` (الصفحة ${page})` : '';
  const empty = !data.lead && data.teasers.length === 0;
  return (
    <Layout
      title={list.kind === 'archive' && page === 1 ? SITE_NAME : `${name}${suffix}`}
      description={`${descriptionOf(list)}${suffix}`}
      canonical={data.canonicalUrl}
      feeds={feedsOf(list)}
      chrome={data.chrome}
    >
      <header class="list-head">
        <h1>
          {list.kind === 'tag' ? (
            <>
              <span class="kicker">وسم:</span> {name}
            </>
          ) : (
            name
          )}
        </h1>
        {page > 1 ? <p>الصفحة {page}</p> : null}
      </header>
      {data.lead ? (
        <div class="hero">
          <TeaserItem teaser={data.lead} look="lead" level={2} fit={FIT.lead} eager summary kicker />
        </div>
      ) : null}
      {empty ? <p>لا توجد مقالات منشورة بعد.</p> : null}
      <TeaserList
        teasers={data.teasers}
        level={2}
        fit={FIT.listThumb}
        summary
        kicker={list.kind !== 'tag'}
        class="two"
      />
      <Pager list={list} page={page} hasOlder={data.hasOlder} />
    </Layout>
  );
}
