/** Article data shared by the content build (Node) and the Worker. */
import type { ImageSize, MediaImage } from '../media/types.ts';

/** The lead image of an article. `width`/`height` are null for remote images of unknown size. */
export interface LeadImage {
  src: string;
  alt: string;
  caption: string | null;
  width: number | null;
  height: number | null;
  /** Variants in R2, when the image is in the media folder and has been published (set by the publish step). */
  media?: MediaImage;
}

/** A writer named by an article (`authors: [slug]`), as its byline shows them. */
export interface ArticleAuthor {
  slug: string;
  name: string;
  role: string | null;
}

/** A writer's file (content/authors/<slug>.md): what their page shows. */
export interface Author extends ArticleAuthor {
  /** Source file, relative to the project root. */
  file: string;
  /** Their photo (a media-folder or public/ image), measured; `media` once published to R2. */
  photo: { src: string; width: number; height: number; hash?: string; media?: MediaImage } | null;
  /** https URLs of their other pages (X, Facebook…), shown with rel="me". */
  links: string[];
  /** The bio, markdown. */
  bio: string;
}

/** A live article's coverage: when it started, when it ends (null: open), its newest update's time. */
export interface LiveCoverage {
  /** ISO 8601 with the Beirut offset: the article's date. */
  start: string;
  /** When the coverage ended or ends (`live_end`), or null while open. */
  end: string | null;
  /** The time of the newest update, or null before the first. */
  lastUpdate: string | null;
}

/** One update of a live article, found by the build: its anchor, time, heading and where it starts in the body. */
export interface LiveUpdate {
  /** Stable anchor: `update-1405`, or `update-20261203-0930` on a later day than the article's. */
  id: string;
  /** ISO 8601 with the Beirut offset. */
  time: string;
  title: string;
  /** 0-based line of its heading in the body. */
  line: number;
}

/** A correction an editor added: when, and what was corrected (inline markdown). */
export interface Correction {
  /** ISO 8601 with the Beirut offset. */
  date: string;
  text: string;
}

/** An article without its body: what lists, feeds of summaries and JSON lists need. */
export interface ArticleMeta {
  slug: string;
  /** Source file, relative to the project root (for error messages and debugging). */
  file: string;
  title: string;
  /** ISO 8601 with the Asia/Beirut offset, e.g. 2023-09-14T12:00:00+03:00. */
  publishedAt: string;
  /** ISO 8601 with offset; equals publishedAt when the article was never updated. */
  updatedAt: string;
  summary: string;
  author: string;
  source: string | null;
  image: LeadImage | null;
  tags: string[];
  top: boolean;
  /** Breaking news: leads the "عاجل" bar of every page for 6 hours after `publishedAt`. */
  breaking: boolean;
  /** Named writers (the free-text `author` stays for desk and wire bylines). */
  authors: ArticleAuthor[];
  /** Live coverage, or null for an ordinary article. */
  live: LiveCoverage | null;
  /** Estimated reading time for the body. */
  readingTimeMinutes: number;
  /** R2 key of the share card (og:image), set by the publish step; absent for articles published without it. */
  card?: string;
  /** Short hash of the article as built from its file and measured images: changes whenever its output can change. */
  version: string;
}

/** One published article, as the build emits it and the store serves it. */
export interface Article extends ArticleMeta {
  /** Markdown body, without front matter. */
  body: string;
  /** Measured sizes of local images used in the body, keyed by their `src`. */
  bodyImages: Record<string, ImageSize>;
  /** A live article's updates, in body order (empty otherwise). */
  liveUpdates: LiveUpdate[];
  /** Corrections, oldest first. */
  corrections: Correction[];
}
