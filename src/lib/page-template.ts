/** A rendered page split around the temperature slot, as UTF-8 bytes, with a hash of its fixed parts. */
export interface PageTemplate {
  before: Uint8Array;
  after: Uint8Array;
  hash: string;
}
