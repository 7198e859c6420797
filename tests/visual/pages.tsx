/** The preview's pages: the fixture day rendered by the real views, as HTML documents by file name. */
import { splitLiveBody } from '../../src/content/live-body.ts';
import type { Article } from '../../src/content/types.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { AUTHORS_PATH, articlePath, articleUrls, authorPath, CORRECTIONS_PATH, tagPath } from '../../src/paths.ts';
import { ArticlePage } from '../../src/render/article-page.tsx';
import { AuthorPage, AuthorsPage } from '../../src/render/author-page.tsx';
import { CorrectionsPage } from '../../src/render/corrections-page.tsx';
import { renderDocument } from '../../src/render/document.ts';
import { ErrorPage } from '../../src/render/error-page.tsx';
import { FrontPage } from '../../src/render/front-page.tsx';
import { ListPage } from '../../src/render/list-page.tsx';
import { beirutDay, MastheadDate } from '../../src/render/masthead-date.tsx';
import type {
  ArticlePageData,
  AuthorLink,
  Chrome,
  CorrectionView,
  LiveView,
  SectionBlock,
  Teaser,
} from '../../src/render/page-data.ts';
import { SearchPage } from '../../src/render/search-page.tsx';
import { Temperature } from '../../src/render/temperature.tsx';
import {
  ARTICLES,
  type FixtureArticle,
  fullArticle,
  liveArticle,
  media,
  SECTIONS,
  WRITERS,
  writerProfile,
} from './fixtures.ts';

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

const teaser = ({ article, url, live }: FixtureArticle): Teaser => ({ article, url, ...(live ? { live } : {}) });

const authorLink = (a: { slug: string; name: string; role: string | null }): AuthorLink => ({
  ...a,
  url: authorPath(a.slug),
});

/** Inline markdown as the site renders it for corrections: one paragraph's content. */
const inline = (markdown: string) => renderMarkdown(markdown, 'html').replace(/^<p>|<\/p>\s*$/g, '');

const correctionsOf = (a: Article): CorrectionView[] =>
  a.corrections.map((c) => ({ date: c.date, html: inline(c.text) }));

/** A live article's coverage as the site shapes it: the updates split from the body, newest first. */
function liveOf(a: Article, active: boolean): LiveView | null {
  if (!a.live) return null;
  const { texts } = splitLiveBody(a.body, a.liveUpdates);
  const updates = a.liveUpdates.map((u, i) => ({
    id: u.id,
    time: u.time,
    title: u.title,
    html: renderMarkdown(texts[i] ?? '', 'html', a.bodyImages),
  }));
  return { active, start: a.live.start, end: a.live.end, lastUpdate: a.live.lastUpdate, updates: updates.reverse() };
}

/** An article page's data, as src/site/ assembles it. */
function articleData(a: Article, chromeData: Chrome, related: Teaser[], active = true): ArticlePageData {
  const live = liveOf(a, active);
  return {
    chrome: chromeData,
    article: a,
    bodyHtml: renderMarkdown(live ? splitLiveBody(a.body, a.liveUpdates).intro : a.body, 'html', a.bodyImages),
    urls: articleUrls(SITE, a),
    kicker: { section: SECTIONS[0] ?? null, tag: a.tags[0] ?? null },
    related,
    authors: a.authors.map(authorLink),
    live,
    corrections: correctionsOf(a),
    defaultAuthor: a.author === 'تحرير جريدة الأيام الإلكترونية',
  };
}

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
  const related = [ARTICLES[6], ARTICLES[13], ARTICLES[8]].map((x) => teaser(x as FixtureArticle));
  return renderDocument(
    ArticlePage(articleData(fullArticle(), chrome('lebanon', [ARTICLES[0] as FixtureArticle]), related)),
  );
}

/** The live story: six updates (the newest on the next day), the breaking bar pointing at it as "مباشر". */
function live(): string {
  const a = liveArticle();
  const c = chrome('world');
  const related = [ARTICLES[9], ARTICLES[15]].map((x) => teaser(x as FixtureArticle));
  return renderDocument(
    ArticlePage(
      articleData(
        a,
        { ...c, breaking: { title: a.title, url: articlePath(a.slug), publishedAt: a.publishedAt, live: true } },
        related,
      ),
    ),
  );
}

function author(): string {
  const { bio, ...profile } = writerProfile();
  const theirs = ARTICLES.filter((a) => a.article.authors.some((w) => w.slug === profile.slug)).map(teaser);
  return renderDocument(
    AuthorPage({
      chrome: chrome(null),
      author: { ...profile, bioHtml: renderMarkdown(bio, 'html') },
      page: 1,
      teasers: theirs,
      hasOlder: true,
      canonicalUrl: `${SITE}${profile.url}`,
    }),
  );
}

function authors(): string {
  return renderDocument(
    AuthorsPage({
      chrome: chrome(null),
      authors: WRITERS.map((w, i) => ({
        ...authorLink(w),
        photo: i % 2 === 0 ? { ...media(3 + i), alt: w.name } : null,
      })),
      canonicalUrl: `${SITE}${AUTHORS_PATH}`,
    }),
  );
}

function corrections(): string {
  const a = fullArticle();
  const items = [
    ...correctionsOf(a),
    { date: '2025-11-19T10:05:00+02:00', html: inline('سقط اسم **وزير المالية** من قائمة الحاضرين في نسخة سابقة.') },
    {
      date: '2025-11-17T16:40:00+02:00',
      html: inline('كان الرقم الصحيح لاحتياط المصرف 400 مليون دولار لا 4 مليارات.'),
    },
  ].map((c, i) => ({
    ...c,
    article: { title: (ARTICLES[i * 2] as FixtureArticle).article.title, url: articlePath(`news-${i * 2 + 1}`) },
  }));
  return renderDocument(
    CorrectionsPage({
      chrome: chrome(null),
      page: 1,
      items,
      hasOlder: true,
      canonicalUrl: `${SITE}${CORRECTIONS_PATH}`,
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
    'live.html': live(),
    'author.html': author(),
    'authors.html': authors(),
    'corrections.html': corrections(),
    'search.html': search(),
    '404.html': notFound(),
  };
}
