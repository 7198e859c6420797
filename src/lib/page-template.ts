/** A rendered page split around the temperature slot, as UTF-8 bytes, with a hash of its fixed parts. */
export interface PageTemplate {
  before: Uint8Array;
  after: Uint8Array;
  hash: string;
  /**
   * The page last sent from this template, with the temperature line it carried: the line changes every few
   * minutes, so most requests reuse these bytes instead of copying the page again.
   */
  filled?: { fragmentHash: string; bytes: Uint8Array<ArrayBuffer> };
}
