/** List cursors for the API: base64url of the last item's position, opaque to clients. */
import { fromBase64Url, toBase64Url } from '../lib/base64url.ts';
import type { ListPosition } from '../store/lists.ts';

const encoder = new TextEncoder();

/** The cursor that continues a list after `position`. */
export function encodeCursor(position: ListPosition): string {
  const bytes = encoder.encode(JSON.stringify([position.publishedAt, position.slug]));
  return toBase64Url(String.fromCharCode(...bytes));
}

export function decodeCursor(cursor: string): ListPosition | null {
  try {
    if (!/^[A-Za-z0-9_-]{1,600}$/.test(cursor)) return null;
    const binary = fromBase64Url(cursor);
    const value: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(
        Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
      ),
    );
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [publishedAt, slug] = value;
    if (typeof publishedAt !== 'string' || typeof slug !== 'string' || !Number.isFinite(Date.parse(publishedAt)))
      return null;
    return { publishedAt, slug };
  } catch {
    return null;
  }
}
