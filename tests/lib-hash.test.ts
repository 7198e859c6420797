import { describe, expect, it } from 'vitest';
import { hash64, hashBytes } from '../src/lib/hash.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('hashes behind ETags', () => {
  it('are 16 hex digits and change with any byte', () => {
    const page = 'قلق أميركا '.repeat(500);
    expect(hash64(page)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashBytes(bytes(page))).toMatch(/^[0-9a-f]{16}$/);
    for (const i of [0, 1, 2, 3, 4, 777, page.length - 1]) {
      const changed = page.slice(0, i) + (page[i] === 'x' ? 'y' : 'x') + page.slice(i + 1);
      expect(hash64(changed), `char ${i}`).not.toBe(hash64(page));
      expect(hashBytes(bytes(changed)), `char ${i}`).not.toBe(hashBytes(bytes(page)));
    }
  });

  it('hash parts as their concatenation (strings) and tell apart where bytes sit (byte parts)', () => {
    expect(hash64('ab', 'cd')).toBe(hash64('abcd'));
    expect(hashBytes(bytes('ab'), bytes('cd'))).not.toBe(hashBytes(bytes('abc'), bytes('d')));
    // Unaligned views hash their own bytes, not their neighbours'.
    const buffer = bytes('xxabcdefghijk');
    expect(hashBytes(buffer.subarray(2, 9))).toBe(hashBytes(bytes('abcdefg')));
  });
});

describe('hash values', () => {
  it('stay the same across releases, so validators clients hold stay valid', () => {
    // Fixed values: a change to the mixing (or to how odd-length tails are read) changes every ETag.
    expect(hash64('')).toBe('811c9dc59747b28c');
    expect(hash64('بيروت')).toBe('1acba6dc38c2deb3');
    expect(hashBytes(bytes(''))).toBe('050c5d1f9747b28c');
    expect(hashBytes(bytes('abcdefg'))).toBe('a4b0501508b35a28');
    expect(hashBytes(bytes('ab'), bytes('cdefghij'))).toBe('4924780e963870e4');
  });
});
