/**
 * What the HTML views are given: plain data shaped by src/site/ for each page. Views are pure functions of it; the
 * per-request parts (temperature, masthead date) arrive as slots, filled after the template is cached.
 */
import type { Child } from 'hono/jsx';
import type { Article, ArticleMeta } from '../content/types.ts';
import type { ImageManifest } from '../media/types.ts';
import type { ArticleUrls } from '../paths.ts';
import type { SnippetSegment } from '../search/snippet.ts';

/** A section in the navigation bar and in kickers: its Arabic name and its page (`/sections/<slug>`). */
export interface SectionLink {
  slug: string;
  name: string;
  url: string;
}

/** The "عاجل" bar: the newest breaking article, shown for 6 hours after its time. */
export interface BreakingNews {
  title: string;
  url: string;
  /** ISO time with the Beirut offset. */
  publishedAt: string;
  /** Its live coverage is open now: the bar says "مباشر" instead of "عاجل". */
  live?: boolean;
}

/** A link in the "أهم الأخبار" band (never the article being read). */
export interface NewsLink {
  title: string;
  url: string;
}

/** The per-request parts of a page, as slot markers when a template is rendered (document.ts). */
export interface PageSlots {
  /** The header's temperature line. */
  temperature: Child;
  /** The masthead's date line (Gregorian and Hijri, Beirut time). */
  date: Child;
}

/** What every HTML page's header and bands show, besides the slots. */
export interface Chrome {
  /** The sections bar, in nav order. */
  sections: SectionLink[];
  /** The slug of the section this page belongs to (marked `aria-current`), or null. */
  currentSection: string | null;
  breaking: BreakingNews | null;
  /** The top-news band: top articles, never the one being read; empty hides the band. */
  topNews: NewsLink[];
  slots: PageSlots;
}

/** An article as lists show it: its list fields and the URL its headline links to. */
export interface Teaser {
  article: ArticleMeta;
  url: string;
  /** Its live coverage is open now: lists show the "مباشر" badge. */
  live?: boolean;
}

/** A writer as bylines, author pages and the JSON link them. */
export interface AuthorLink {
  slug: string;
  name: string;
  role: string | null;
  /** Their page: `/authors/<slug>`. */
  url: string;
}

/** A writer's photo, as published to R2 (null when they have none, or it is not a media-folder photo). */
export type AuthorPhoto = ImageManifest | null;

/** A section block on the front page: the section and its newest articles not shown above. */
export interface SectionBlock {
  section: SectionLink;
  teasers: Teaser[];
}

/** The front page (`/`). */
export interface FrontPageData {
  chrome: Chrome;
  canonicalUrl: string;
  /** The newest top article, shown large with its photo; null when no article is top. */
  lead: Teaser | null;
  /** Up to four more top stories. */
  top: Teaser[];
  /** One block per section, in nav order (sections with nothing left to show are omitted). */
  sections: SectionBlock[];
  /** "آخر الأخبار": the newest articles not shown above. */
  latest: Teaser[];
  /** Whether /page/2 exists (the pager's "الأقدم" link). */
  hasOlder: boolean;
}

/** What a page of a list is: the archive (/page/N), a tag or a section. */
export type ListKind =
  | { kind: 'archive' }
  | { kind: 'tag'; tag: string }
  | { kind: 'section'; section: SectionLink }
  | { kind: 'author'; author: AuthorLink };

/** A page of a list: the archive, a tag's or a section's pages. */
export interface ListPageData {
  chrome: Chrome;
  list: ListKind;
  /** 1-based. */
  page: number;
  /** On a section's first page: its newest article, shown large with its photo. */
  lead: Teaser | null;
  /** The rest of the page, newest first (20 a page with the lead). */
  teasers: Teaser[];
  hasOlder: boolean;
  canonicalUrl: string;
}

/** A search result: the article, its URL and the snippet around the matched words. */
export interface SearchResult extends Teaser {
  snippet: SnippetSegment[];
}

/** Live coverage as the article page shows it. */
export interface LiveView {
  /** Open now: the "مباشر" badge, and AMP's live list polls for more. */
  active: boolean;
  /** ISO times with the Beirut offset: the coverage's start, its end (null while open), its newest update. */
  start: string;
  end: string | null;
  lastUpdate: string | null;
  /** Newest first: each with its stable anchor (`update-1405`), time, heading and sanitized HTML (AMP markup on AMP). */
  updates: { id: string; time: string; title: string; html: string }[];
}

/** A correction as the article page's "تصحيح" box shows it: its date and its text as sanitized inline HTML. */
export interface CorrectionView {
  date: string;
  html: string;
}

/** The article page and its AMP version. */
export interface ArticlePageData {
  chrome: Chrome;
  article: Article;
  /**
   * The body as sanitized HTML (or AMP markup for the AMP page), from markdown/render.ts: for a live article, its
   * intro only (the updates are in `live`).
   */
  bodyHtml: string;
  urls: ArticleUrls;
  /** Linked above the headline: the first section the article belongs to, and its first tag. */
  kicker: { section: SectionLink | null; tag: string | null };
  /** Up to 3 other articles sharing a tag, newest first. */
  related: Teaser[];
  /** The named writers, linked to their pages (the free-text `article.author` is the desk or wire byline). */
  authors: AuthorLink[];
  /** Live coverage, or null for an ordinary article. */
  live: LiveView | null;
  /** The "تصحيح" box, oldest first (empty: no box). */
  corrections: CorrectionView[];
  /**
   * `article.author` is the paper's default byline (the file names no `author`): beside named writers it is then
   * left out of the byline and of the JSON-LD, which name the writers alone.
   */
  defaultAuthor: boolean;
}

/** A writer's page (/authors/<slug>, /authors/<slug>/page/N). */
export interface AuthorPageData {
  chrome: Chrome;
  author: AuthorLink & {
    photo: AuthorPhoto;
    /** https URLs of their other pages: linked with rel="me noopener". */
    links: string[];
    /** The bio as sanitized HTML. */
    bioHtml: string;
  };
  /** 1-based. */
  page: number;
  /** Their articles, newest first, 20 a page. */
  teasers: Teaser[];
  hasOlder: boolean;
  canonicalUrl: string;
}

/** Every writer (/authors), by name. */
export interface AuthorsPageData {
  chrome: Chrome;
  authors: (AuthorLink & { photo: AuthorPhoto })[];
  canonicalUrl: string;
}

/** The latest corrections across the archive (/corrections, /corrections/page/N), newest first. */
export interface CorrectionsPageData {
  chrome: Chrome;
  page: number;
  items: (CorrectionView & { article: { title: string; url: string } })[];
  hasOlder: boolean;
  canonicalUrl: string;
}

/** What the search page shows under the form. */
export type SearchOutcome =
  /** No query yet: just the form. */
  | { kind: 'form' }
  /** A query that cannot be searched (too long, no letters): the Arabic message from `parseQuery`. */
  | { kind: 'problem'; message: string }
  /** A page of results (maybe none). `total` is a lower bound when `capped`. */
  | { kind: 'results'; results: SearchResult[]; total: number; capped: boolean; page: number; hasNext: boolean };

/** The search page (/search). */
export interface SearchPageData {
  chrome: Chrome;
  /** The query as the reader typed it, to refill the form. */
  query: string;
  outcome: SearchOutcome;
}
