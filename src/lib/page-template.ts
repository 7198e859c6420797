/** A rendered page split around the temperature slot, as UTF-8 bytes, with a hash of its fixed parts. */
export interface PageTemplate {
  before: Uint8Array;
  after: Uint8Array;
  hash: string;
  /**
   * The page last sent from this template, for the temperature it showed (null: the placeholder), with its ETag:
   * the temperature changes every few minutes, so most requests reuse these bytes instead of copying the page.
   */
  filled?: { tempC: number | null; bytes: Uint8Array<ArrayBuffer>; etag: string };
}
