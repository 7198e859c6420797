import { describe, expect, it } from 'vitest';
import { sha256, sha256Base64 } from '../../src/lib/sha256.ts';
import { SITE_CSS } from '../../src/render/styles.ts';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const utf8 = (text: string) => new TextEncoder().encode(text);

async function subtleBase64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text)));
  return btoa(String.fromCharCode(...digest));
}

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    // 56 bytes: the padding spills into a second block.
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-2 test vector for "%s"', (text, digest) => {
    expect(hex(sha256(utf8(text)))).toBe(digest);
  });

  it('agrees with crypto.subtle on the stylesheet and on Arabic text of every padding length', async () => {
    expect(sha256Base64(SITE_CSS)).toBe(await subtleBase64(SITE_CSS));
    for (let length = 0; length < 140; length += 1) {
      const text = 'بيروت'.repeat(30).slice(0, length) + 'x'.repeat(length % 7);
      expect(sha256Base64(text), `length ${length}`).toBe(await subtleBase64(text));
    }
  });
});
