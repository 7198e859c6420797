// Snippets from the original text, with the matched words marked.
import { describe, expect, it } from 'vitest';
import { parseQuery, type TermMatcher } from '../../src/search/query.ts';
import { SNIPPET_CHARS, snippet } from '../../src/search/snippet.ts';

function matcher(input: string): TermMatcher {
  const q = parseQuery(input);
  if (!q.ok) throw new Error(q.message);
  return q.matcher;
}
const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text);
const joined = (segments: { text: string; mark: boolean }[]) => segments.map((s) => s.text).join('');

describe('snippet', () => {
  it('marks the words as written in the article (hamza, diacritics), not their normalized form', () => {
    const text = 'كَتَبَ أحمدُ روايته في بيروت، وقال إنّه كتبها لأبناء جيله.';
    const s = snippet(text, matcher('احمد كتب'));
    expect(marked(s)).toEqual(['كَتَبَ', 'أحمدُ', 'كتبها']);
    expect(joined(s)).toBe(text.slice(0, text.indexOf('جيله') + 4));
  });

  it('marks words matched through a prefix or an attached prefix', () => {
    expect(marked(snippet('فالانتخابات المقبلة قريبة، وللانتخابات قانون.', matcher('انتخا')))).toEqual([
      'فالانتخابات',
      'وللانتخابات',
    ]);
  });

  it('cuts about 200 characters around the first match at word boundaries, with ellipses where it cut', () => {
    const before = 'كلام '.repeat(100);
    const after = ' حديث'.repeat(100);
    const text = `${before}مرفأ بيروت${after}`;
    const s = snippet(text, matcher('بيروت'));
    const out = joined(s);
    expect(out.startsWith('… كلام')).toBe(true);
    expect(out.endsWith('حديث …')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(SNIPPET_CHARS + 4);
    expect(out.length).toBeGreaterThan(SNIPPET_CHARS - 10);
    expect(marked(s)).toEqual(['بيروت']);
    expect(out.indexOf('بيروت')).toBeLessThan(80);
  });

  it('collapses line breaks and starts at the beginning when nothing matches', () => {
    const s = snippet('الفقرة الأولى.\n\nالفقرة الثانية.', matcher('طرابلس'));
    expect(s).toEqual([{ text: 'الفقرة الأولى. الفقرة الثانية', mark: false }]);
  });

  it('takes more text before a match near the end', () => {
    const text = `${'كلام '.repeat(100)}بيروت`;
    const out = joined(snippet(text, matcher('بيروت')));
    expect(out.endsWith('بيروت')).toBe(true);
    expect(out.length).toBeGreaterThan(SNIPPET_CHARS - 10);
  });

  it('returns nothing for an empty text', () => {
    expect(snippet('', matcher('بيروت'))).toEqual([]);
  });
});
