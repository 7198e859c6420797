/** The preview's pages: the fixture day rendered by the real views, as HTML documents by file name. */
import { renderMarkdown } from '../../src/markdown/render.ts';
import { articleUrls, tagPath } from '../../src/paths.ts';
import { ArticlePage } from '../../src/render/article-page.tsx';
import { renderDocument } from '../../src/render/document.ts';
import { ErrorPage } from '../../src/render/error-page.tsx';
import { FrontPage } from '../../src/render/front-page.tsx';
import { ListPage } from '../../src/render/list-page.tsx';
import { beirutDay, MastheadDate } from '../../src/render/masthead-date.tsx';
import type { Chrome, SectionBlock, Teaser } from '../../src/render/page-data.ts';
import { SearchPage } from '../../src/render/search-page.tsx';
import { Temperature } from '../../src/render/temperature.tsx';
import { ARTICLES, type FixtureArticle, fullArticle, SECTIONS } from './fixtures.ts';

const SITE = 'https://al-ayyam.example';
const NOW = Date.parse('2025-11-21T13:00:00Z');

function chrome(currentSection: string | null, shown: Teaser[] = []): Chrome {
  const breaking = ARTICLES.find((a) => a.article.breaking) as FixtureArticle;
  return {
    sections: SECTIONS,
    currentSection,
    breaking: { title: breaking.article.title, url: breaking.url, publishedAt: breaking.article.publishedAt },
    topNews: ARTICLES.filter((a) => a.article.top && !shown.some((s) => s.url === a.url))
      .slice(0, 5)
      .map((a) => ({ title: a.article.title, url: a.url })),
    slots: {
      date: <MastheadDate day={beirutDay(NOW)} />,
      temperature: <Temperature reading={{ tempC: 18.5 }} />,
    },
  };
}

const teaser = ({ article, url }: FixtureArticle): Teaser => ({ article, url });

function front(): string {
  const tops = ARTICLES.filter((a) => a.article.top);
  const lead = tops[0] as FixtureArticle;
  const top = tops.slice(1, 5);
  const shown = new Set([lead, ...top].map((a) => a.url));
  const sections: SectionBlock[] = SECTIONS.map((section) => {
    const teasers = ARTICLES.filter((a) => a.section.slug === section.slug && !shown.has(a.url)).slice(0, 4);
    for (const t of teasers) shown.add(t.url);
    return { section, teasers: teasers.map(teaser) };
  });
  const latest = ARTICLES.filter((a) => !shown.has(a.url)).slice(0, 15);
  return renderDocument(
    FrontPage({
      // The front page's band would repeat the lead and top stories: the data side leaves it empty there.
      chrome: { ...chrome(null), topNews: [] },
      canonicalUrl: `${SITE}/`,
      lead: teaser(lead),
      top: top.map(teaser),
      sections,
      latest: latest.length > 0 ? latest.map(teaser) : ARTICLES.slice(20).map(teaser),
      hasOlder: true,
    }),
  );
}

function section(): string {
  const list = ARTICLES.filter((a) => a.section.slug === 'lebanon').map(teaser);
  const s = SECTIONS[0] as (typeof SECTIONS)[number];
  return renderDocument(
    ListPage({
      chrome: chrome(s.slug),
      list: { kind: 'section', section: s },
      page: 1,
      lead: list[0] ?? null,
      teasers: list.slice(1),
      hasOlder: true,
      canonicalUrl: `${SITE}${s.url}`,
    }),
  );
}

function tag(): string {
  const list = ARTICLES.filter((a) => a.section.slug === 'world').map(teaser);
  return renderDocument(
    ListPage({
      chrome: chrome(null),
      list: { kind: 'tag', tag: 'عربي ودولي' },
      page: 2,
      lead: null,
      teasers: list,
      hasOlder: true,
      canonicalUrl: `${SITE}${tagPath('عربي ودولي')}/page/2`,
    }),
  );
}

function article(): string {
  const a = fullArticle();
  return renderDocument(
    ArticlePage({
      chrome: chrome('lebanon', [ARTICLES[0] as FixtureArticle]),
      article: a,
      bodyHtml: renderMarkdown(a.body, 'html', a.bodyImages),
      urls: articleUrls(SITE, a),
      kicker: { section: SECTIONS[0] ?? null, tag: a.tags[0] ?? null },
      related: [ARTICLES[6], ARTICLES[13], ARTICLES[8]].map((x) => teaser(x as FixtureArticle)),
    }),
  );
}

function search(): string {
  const hits = ARTICLES.filter((a) => a.article.title.includes('لبنان')).slice(0, 6);
  return renderDocument(
    SearchPage({
      chrome: chrome(null),
      query: 'لبنان',
      outcome: {
        kind: 'results',
        results: hits.map((a) => ({
          ...teaser(a),
          snippet: [
            { text: '… ', mark: false },
            { text: 'لبنان', mark: true },
            { text: ` ${a.article.summary.slice(0, 90)}…`, mark: false },
          ],
        })),
        total: hits.length,
        capped: false,
        page: 1,
        hasNext: false,
      },
    }),
  );
}

const notFound = () => renderDocument(ErrorPage({ status: 404, chrome: chrome(null) }));

/** Every preview page, by file name. */
export function renderPages(): Record<string, string> {
  return {
    'front.html': front(),
    'section.html': section(),
    'tag.html': tag(),
    'article.html': article(),
    'search.html': search(),
    '404.html': notFound(),
  };
}
