import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/lib/base64url.ts';

describe('base64url', () => {
  it('uses - and _ for + and /, drops the padding, and reads its own text back', () => {
    const binary = String.fromCharCode(0xfb, 0xff, 0xbf, 0x01);
    expect(btoa(binary)).toBe('+/+/AQ==');
    expect(toBase64Url(binary)).toBe('-_-_AQ');
    expect(fromBase64Url('-_-_AQ')).toBe(binary);
  });

  it('throws on text that is not base64url', () => {
    expect(() => fromBase64Url('a*b')).toThrow();
  });
});
