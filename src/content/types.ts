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
}
