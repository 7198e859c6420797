/**
 * The front page: the lead story with a large photo, the other top stories, a block per section, then the latest
 * articles and the pager to /page/2. One column on a phone; from 64rem a two-thirds / one-third grid (`.front`).
 */
import { SITE_NAME } from '../site.ts';
import { Layout } from './layout.tsx';
import type { FrontPageData, SectionBlock } from './page-data.ts';
import { Pager } from './pager.tsx';
import { FIT, TeaserItem, TeaserList } from './teaser.tsx';

export function FrontPage(data: FrontPageData) {
  const empty = !data.lead && data.top.length === 0 && data.sections.length === 0 && data.latest.length === 0;
  return (
    <Layout
      title={SITE_NAME}
      description={`${SITE_NAME}: آخر الأخبار من لبنان والعالم.`}
      canonical={data.canonicalUrl}
      chrome={data.chrome}
      home
    >
      <h1 class="vh">{SITE_NAME}: الصفحة الرئيسية</h1>
      {empty ? <p>لا توجد مقالات منشورة بعد.</p> : null}
      <div class="front">
        {data.lead ? <TeaserItem teaser={data.lead} look="lead" level={2} fit={FIT.lead} eager summary kicker /> : null}
        {data.top.length > 0 ? (
          <section class="top" aria-labelledby="top-title">
            <h2 id="top-title" class="bar">
              أبرز العناوين
            </h2>
            <TeaserList teasers={data.top} level={3} fit={FIT.thumb} kicker />
          </section>
        ) : null}
        {data.sections.length > 0 ? (
          <div class="secs">
            {data.sections.map((block, i) => (
              <SectionBlockView block={block} id={`sec-${i + 1}`} />
            ))}
          </div>
        ) : null}
        {data.latest.length > 0 || data.hasOlder ? (
          <section class="latest" aria-labelledby="latest-title">
            <h2 id="latest-title" class="bar">
              آخر الأخبار
            </h2>
            <TeaserList teasers={data.latest} level={3} fit={FIT.thumb} />
            <Pager list={{ kind: 'archive' }} page={1} hasOlder={data.hasOlder} />
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

/** A section's block: its name linking to its page, its newest story as a card with its photo, then headlines. */
function SectionBlockView({ block, id }: { block: SectionBlock; id: string }) {
  const [first, ...rest] = block.teasers;
  if (!first) return null;
  return (
    <section class="sec" aria-labelledby={id}>
      <h2 id={id} class="bar">
        <a href={block.section.url}>{block.section.name}</a>
      </h2>
      <ol class="rows">
        <TeaserItem teaser={first} look="card" level={3} fit={FIT.card} summary />
        {rest.map((teaser) => (
          <TeaserItem teaser={teaser} look="row" level={3} />
        ))}
      </ol>
    </section>
  );
}
