/** A page of search results as kept in the isolate's cache and shown: list fields and snippets, no bodies. */
import type { ArticleMeta } from '../content/types.ts';
import type { SnippetSegment } from './snippet.ts';

export interface FoundPage {
  items: { article: ArticleMeta; snippet: SnippetSegment[] }[];
  /** How many visible articles match among the ranked candidates. */
  total: number;
  /** True when `total` is a lower bound (more matches than were ranked). */
  capped: boolean;
  /** The offset of the next page, or null on the last one. */
  nextOffset: number | null;
}
