/**
 * A rendered page split around its per-request slots (the temperature and the masthead date), as UTF-8 bytes, with
 * a hash of its fixed parts. Data only: a template is shared by every request of the isolate.
 */
export interface PageTemplate {
  /** The fixed parts: one more than the slots. */
  parts: Uint8Array[];
  /** Which slot goes after each part but the last, in page order. */
  slots: SlotName[];
  hash: string;
  /** What the page shows, as cache tags (site/tags.ts): the Cache-Tag header of every answer sent from it. */
  tags?: string[];
  /**
   * The page last sent from this template, for the slot values it showed, with its ETag: the slots change every
   * few minutes (the temperature) or once a day (the date), so most requests reuse these bytes.
   */
  filled?: { key: string; bytes: Uint8Array<ArrayBuffer>; etag: string };
}

/** The per-request parts of a page. */
export type SlotName = 'temperature' | 'date';
