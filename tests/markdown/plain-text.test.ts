import { describe, expect, it } from 'vitest';
import { cutAtWord, decodeEntities, readingMinutes } from '../../src/markdown/plain-text.ts';

describe('cutAtWord (summaries)', () => {
  it('leaves text that fits alone, with its whitespace flattened', () => {
    expect(cutAtWord('  قمة  كيم\nبوتين  ', 200)).toBe('قمة كيم بوتين');
    expect(cutAtWord('a'.repeat(20), 20)).toBe('a'.repeat(20));
  });

  it('cuts a long text at the last word boundary and marks the cut with an ellipsis', () => {
    const text = 'كلمة '.repeat(60).trim(); // 299 characters
    const cut = cutAtWord(text, 200);
    expect(cut.endsWith('كلمة…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(201);
    expect(cut.length).toBeGreaterThan(190);
    expect(cut.slice(0, -1)).toBe(text.slice(0, cut.length - 1));
  });

  it('drops punctuation left before the ellipsis', () => {
    const kept = 'أولاً، ثانياً، ثالثاً،';
    expect(cutAtWord(`${kept} رابعاً`, kept.length)).toBe('أولاً، ثانياً، ثالثاً…');
  });

  it('cuts inside a word when no boundary is near the limit', () => {
    expect(cutAtWord(`قصير ${'ب'.repeat(50)}`, 20)).toBe(`قصير ${'ب'.repeat(15)}…`);
  });
});

describe('decodeEntities and readingMinutes', () => {
  it('decodes numeric and named references and keeps unknown ones', () => {
    expect(decodeEntities('&#1576;&#x628;&amp;&colon;&bogus;&#0;')).toBe('بب&:&bogus;&#0;');
  });

  it('reads about 180 Arabic words a minute, at least one', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('كلمة '.repeat(900))).toBe(5);
    expect(readingMinutes(`${'كلمة '.repeat(360)} — — —`)).toBe(2);
  });
});
