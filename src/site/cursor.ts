/** What the API's cursors stand for: a position in a list (after this article), or an offset in search results. */
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import type { ListPosition } from '../store/lists.ts';

/** The deepest search offset a page number or cursor may ask for: past it there is nothing to rank anyway. */
export const MAX_SEARCH_OFFSET = 100_000;

/** The cursor that continues a list after `position`. */
export const listCursor = (position: ListPosition): string => encodeCursor([position.publishedAt, position.slug]);

/** The list position a cursor stands for, or null when it is not one of ours. */
export function listPosition(cursor: string): ListPosition | null {
  const value = decodeCursor(cursor);
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [publishedAt, slug] = value as unknown[];
  if (typeof publishedAt !== 'string' || typeof slug !== 'string' || !Number.isFinite(Date.parse(publishedAt)))
    return null;
  return { publishedAt, slug };
}

/** The cursor that continues search results at `offset`. */
export const searchCursor = (offset: number): string => encodeCursor(offset);

/** The search offset a cursor stands for, or null when it is not one of ours. */
export function searchOffset(cursor: string): number | null {
  const value = decodeCursor(cursor, 12);
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_SEARCH_OFFSET
    ? (value as number)
    : null;
}
