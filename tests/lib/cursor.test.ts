/** The one cursor codec (src/lib/cursor.ts): what it encodes comes back, anything else is not a cursor. */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/lib/base64url.ts';
import { decodeCursor, encodeCursor } from '../../src/lib/cursor.ts';

const bytesOf = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

describe('cursors', () => {
  it('give back the value they were made from, Arabic text included, in URL-safe characters only', () => {
    for (const value of [['2026-12-03T09:30:00.000Z', 'بلدية-بيروت'], 40, 'a?b/c+d', { n: 1 }]) {
      const cursor = encodeCursor(value);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toEqual(value);
    }
  });

  it('are refused past their length limit, and accepted up to it', () => {
    const cursor = encodeCursor('x'.repeat(30));
    expect(decodeCursor(cursor, cursor.length)).toBe('x'.repeat(30));
    expect(decodeCursor(cursor, cursor.length - 1)).toBeUndefined();
    expect(decodeCursor(encodeCursor('x'.repeat(600)))).toBeUndefined();
  });

  it('are refused with characters outside base64url, even around a good cursor', () => {
    const cursor = encodeCursor([1, 2]);
    for (const bad of ['', `${cursor}=`, `=${cursor}`, `${cursor} `, cursor.replace(/./, '+'), `${cursor}/`]) {
      expect(decodeCursor(bad), bad).toBeUndefined();
    }
  });

  it('are refused when they decode to something that is not JSON, or not UTF-8', () => {
    expect(decodeCursor(toBase64Url(bytesOf('{not json')))).toBeUndefined();
    expect(decodeCursor(toBase64Url('\xff\xfe"x"'))).toBeUndefined();
    // base64url of a length no base64 text has.
    expect(decodeCursor('A')).toBeUndefined();
  });
});
