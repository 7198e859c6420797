/** Article data shared by the content build (Node) and the Worker. */

/** Pixel size of an image, measured from the file at build time. */
export interface ImageSize {
  width: number;
  height: number;
}

/** The lead image of an article. `width`/`height` are null for remote images of unknown size. */
export interface LeadImage {
  src: string;
  alt: string;
  caption: string | null;
  width: number | null;
  height: number | null;
}

/** One published article, as the build emits it and the store serves it. */
export interface Article {
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
  /** Markdown body, without front matter. */
  body: string;
  /** Measured sizes of local images used in the body, keyed by their `src`. */
  bodyImages: Record<string, ImageSize>;
  /** Estimated reading time for the body. */
  readingTimeMinutes: number;
  /** Short hash of everything above: changes whenever the article's output can change. */
  version: string;
}
