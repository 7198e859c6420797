/**
 * The one codec of opaque cursors (lists, search): base64url of a JSON value's UTF-8 bytes. Clients pass them back
 * unchanged; anything else decodes to undefined.
 */
import { fromBase64Url, toBase64Url } from './base64url.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The cursor for a JSON value. */
export function encodeCursor(value: unknown): string {
  return toBase64Url(String.fromCharCode(...encoder.encode(JSON.stringify(value))));
}

/** The value a cursor stands for, or undefined when it is not one (bad characters, too long, not JSON). */
export function decodeCursor(cursor: string, maxLength = 600): unknown {
  if (cursor.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    return JSON.parse(decoder.decode(Uint8Array.from(fromBase64Url(cursor), (ch) => ch.charCodeAt(0))));
  } catch {
    return undefined;
  }
}
