// Parsing a reader's query into a safe FTS5 expression, or a problem with an Arabic message.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/search/normalize.ts';
import { MAX_QUERY_CHARS, matchesTerm, parseQuery, type SearchQuery } from '../../src/search/query.ts';

function ok(input: string): SearchQuery {
  const q = parseQuery(input);
  if (!q.ok) throw new Error(`refused ${input}: ${q.message}`);
  return q;
}

describe('parseQuery: problems', () => {
  it.each(['', '   ', '\n\t'])('an empty query (%j) is "empty"', (input) => {
    expect(parseQuery(input)).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('a query of more than 200 characters is too long, with an Arabic message', () => {
    const q = parseQuery('ب'.repeat(MAX_QUERY_CHARS + 1));
    expect(q).toMatchObject({ ok: false, problem: 'too-long' });
    expect(!q.ok && q.message).toMatch(/طويلة/);
    expect(parseQuery('ب'.repeat(MAX_QUERY_CHARS)).ok).toBe(true);
  });

  it('a query of more than 12 words is too long', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `كلمة${i}`).join(' ');
    expect(parseQuery(twelve).ok).toBe(true);
    expect(parseQuery(`${twelve} أخرى`)).toMatchObject({ ok: false, problem: 'too-long' });
  });

  it.each(['🙂🙂', '"', '***', '( )', '\u0000\u0007'])('a query with nothing to search (%j) says so', (input) => {
    const q = parseQuery(input);
    expect(q).toMatchObject({ ok: false, problem: 'no-words' });
    expect(!q.ok && q.message).toMatch(/البحث/);
  });
});

describe('parseQuery: expressions', () => {
  it('matches each word exactly in the exact columns or through its stems in the stem columns', () => {
    expect(ok('والحكومة تقرر').match).toBe(
      '({title body} : ("والحكومه") OR {title_stem body_stem} : ("حكوم")) AND ' +
        '({title body} : ("تقرر" OR "تقرر"*) OR {title_stem body_stem} : ("تقرر" OR "تقرر"*))',
    );
  });

  it('gives each reading of an attached preposition its stem', () => {
    expect(ok('ببيروت').match).toBe(
      '({title body} : ("ببيروت" OR "ببيروت"*) OR {title_stem body_stem} : ("ببيروت" OR "بيروت" OR "ببيروت"* OR "بيروت"*))',
    );
  });

  it('also matches the last word as a prefix', () => {
    const q = ok('انتخا');
    expect(q.match).toContain('"انتخا"*');
    expect(matchesTerm(q.matcher, normalize('انتخابات'))).toBe(true);
  });

  it('does not use a prefix shorter than three letters', () => {
    expect(ok('في').match).not.toContain('*');
  });

  it('searches a quoted phrase as consecutive words (exact or light10 stems), without a prefix', () => {
    expect(ok('"مرفأ بيروت"').match).toBe('({title body} : "مرفا بيروت" OR {title_stem body_stem} : "مرفا بيروت")');
    expect(ok('«الطاقة الشمسية» السعودية').match).toMatch(/^\(\{title body\} : "الطاقه الشمسيه" OR .* AND /);
  });

  it('drops particles such as في unless they are all there is or inside quotes', () => {
    expect(ok('في بيروت').match).toBe(ok('بيروت').match);
    expect(ok('في').match).toContain('"في"');
    expect(ok('"في بيروت"').match).toContain('"في بيروت"');
    expect(ok('علي').match).toContain('"علي"');
  });

  it('treats an unbalanced quote as a space', () => {
    expect(ok('"مرفأ بيروت').match).toBe(ok('مرفأ بيروت').match);
  });

  it.each([
    ['title:x', ['"title"', '"x"']],
    ['NEAR(a b)', ['"near"', '"a"', '"b"']],
    ['a AND', ['"a"', '"and"']],
    ['OR', ['"or"']],
    ['NOT x', ['"not"', '"x"']],
    ['^x*', ['"x"']],
    ['{title}: x', ['"title"', '"x"']],
  ])('keeps FTS5 syntax in %j as quoted text', (input, quoted) => {
    const q = ok(input);
    for (const term of quoted) expect(q.match).toContain(term);
    // Outside quoted strings, only the parser's own syntax remains.
    const bare = q.match.replace(/"[^"]*"/g, '');
    expect(bare).toMatch(/^[\s(){}:*]*(?:(?:title|body|title_stem|body_stem|OR|AND)[\s(){}:*]*)*$/);
  });
});

describe('matchesTerm', () => {
  const q = ok('احمد كتب للبنان');
  it.each(['أحمد', 'كَتَبَ', 'كتبها', 'لبنان', 'للبنان', 'ولبنان'])('matches %s', (word) => {
    expect(matchesTerm(q.matcher, normalize(word))).toBe(true);
  });
  it.each(['محمد', 'مكتب', 'سوريا'])('does not match %s', (word) => {
    expect(matchesTerm(q.matcher, normalize(word))).toBe(false);
  });
});
