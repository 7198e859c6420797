/** Content hashes that name published files: same bytes and settings, same keys; any change, new keys. */
import { createHash } from 'node:crypto';
import { MEDIA_SETTINGS_VERSION } from '../../../media/keys.ts';

/** First 16 hex digits of SHA-256 over the processing settings version and the parts, in order. */
export function contentHash(...parts: (Uint8Array | string)[]): string {
  const h = createHash('sha256').update(MEDIA_SETTINGS_VERSION);
  for (const part of parts) h.update('\0').update(part);
  return h.digest('hex').slice(0, 16);
}

/**
 * The hash every key of a source image starts with (`img/<hash>/…`). Known before processing, so the
 * publisher can skip an image whose manifest it already has.
 */
export const sourceHash = (bytes: Uint8Array) => contentHash(bytes);
