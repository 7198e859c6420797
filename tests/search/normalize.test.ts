// The normalizer and tokenizer shared by indexing and querying.
import { describe, expect, it } from 'vitest';
import { normalize, terms, words } from '../../src/search/normalize.ts';

describe('normalize', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إسرائيل', 'اسراءيل'],
    ['آسيا', 'اسيا'],
    ['ٱلرحمن', 'الرحمن'],
    ['مسؤول', 'مسءول'],
    ['مسئول', 'مسءول'],
    ['الحكومة', 'الحكومه'],
    ['مستشفى', 'مستشفي'],
    ['كَتَبَ', 'كتب'],
    ['عكّار', 'عكار'],
    ['هٰذا', 'هذا'],
    ['رمضـــان', 'رمضان'],
    ['٢٠٢٥', '2025'],
    ['۲۰۲۶', '2026'],
    ['ﻻ', 'لا'],
    ['ﺑﻴﺮﻭﺕ', 'بيروت'],
    ['NASA', 'nasa'],
    ['Café', 'cafe'],
    ['کتاب فارسی', 'كتاب فارسي'],
  ])('%s → %s', (input, output) => {
    expect(normalize(input)).toBe(output);
  });

  it('turns punctuation, symbols, emoji and control characters into word breaks', () => {
    expect(normalize('«قمة» G7، في روما؛ (غدًا)! 🙂\u0000x"y*z')).toBe('قمه g7 في روما غدا x y z');
    expect(terms('٣٫٥٪')).toEqual(['3', '5']);
    expect(normalize('  \n\t ')).toBe('');
  });

  it('gives the same terms for a decomposed spelling (alef + combining hamza)', () => {
    expect(normalize('\u0627\u0654حمد')).toBe(normalize('أحمد'));
  });
});

describe('words', () => {
  it('keeps each word as written with its offsets in the original text', () => {
    const text = 'كَتَبَ أحمدُ، في ٢٠٢٤: «G7».';
    const list = words(text);
    expect(list.map((w) => w.text)).toEqual(['كَتَبَ', 'أحمدُ', 'في', '٢٠٢٤', 'G7']);
    expect(list.map((w) => w.terms)).toEqual([['كتب'], ['احمد'], ['في'], ['2024'], ['g7']]);
    for (const w of list) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it('skips runs that normalize to nothing (a lone tatweel or mark)', () => {
    expect(words('ـ \u064e كلمة').map((w) => w.text)).toEqual(['كلمة']);
  });
});
