import { describe, expect, it } from 'vitest';
import { deflateText, inflateText } from '../../src/lib/deflate.ts';

describe('deflateText / inflateText', () => {
  it('reads back Arabic text with diacritics, emoji and markdown, in about a third of its UTF-8 bytes', async () => {
    const text = `## عنوان\n\nكَتَبَ المحرّر عن مرفأ بيروت 🙂 **بالخط العريض**.\n\n${'أعلنت الحكومة اللبنانية خطة جديدة للكهرباء. '.repeat(40)}`;
    const packed = await deflateText(text);
    expect(await inflateText(new Uint8Array(packed))).toBe(text);
    expect(packed.byteLength).toBeLessThan(new TextEncoder().encode(text).byteLength / 3);
  });

  it('reads back empty text', async () => {
    expect(await inflateText(new Uint8Array(await deflateText('')))).toBe('');
  });

  it('refuses bytes that are not raw DEFLATE', async () => {
    await expect(inflateText(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).rejects.toThrow();
  });
});
