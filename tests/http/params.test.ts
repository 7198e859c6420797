/** The query parameter rules every route shares (src/http/params.ts): one page rule, one limit rule, one value each. */
import { describe, expect, it } from 'vitest';
import { parseLimit, parsePage, quoted, repeatedParam, single } from '../../src/http/params.ts';

describe('a page number', () => {
  it('is a whole number from 1, up to six digits', () => {
    expect(parsePage('1')).toBe(1);
    expect(parsePage('42')).toBe(42);
    expect(parsePage('999999')).toBe(999_999);
  });

  it('is refused with a leading zero, a sign, a fraction, spaces, letters, or seven digits', () => {
    for (const raw of ['0', '007', '-1', '+1', '1.5', ' 1', '1 ', '1a', 'a1', '١', '1e3', '1000000', '']) {
      expect(parsePage(raw), raw).toBeNull();
    }
  });
});

describe('a page size', () => {
  it('is a page number no larger than the route allows', () => {
    expect(parseLimit('1', 50)).toBe(1);
    expect(parseLimit('50', 50)).toBe(50);
    expect(parseLimit('51', 50)).toBeNull();
    expect(parseLimit('0', 50)).toBeNull();
    expect(parseLimit('05', 50)).toBeNull();
    expect(parseLimit('x', 50)).toBeNull();
  });
});

describe('repeated parameters', () => {
  it('names the first of the given names that came more than once', () => {
    expect(repeatedParam({ page: ['1', '2'], tag: 'x' }, ['tag', 'page'])).toBe('page');
    expect(repeatedParam({ page: ['1', '2'], tag: ['a', 'b'] }, ['tag', 'page'])).toBe('tag');
  });

  it('is null when every name came at most once, whatever else repeats', () => {
    expect(repeatedParam({ page: '2', other: ['a', 'b'] }, ['page', 'limit'])).toBeNull();
    expect(repeatedParam({}, ['page'])).toBeNull();
  });
});

describe('a single value', () => {
  it('is the value given, null when absent, and the first of several', () => {
    expect(single({ q: 'بيروت' }, 'q')).toBe('بيروت');
    expect(single({}, 'q')).toBeNull();
    expect(single({ q: ['أ', 'ب'] }, 'q')).toBe('أ');
    expect(single({ q: [] }, 'q')).toBeNull();
    expect(single({ q: '' }, 'q')).toBe('');
  });
});

describe('a value quoted in an error message', () => {
  it('is in double quotes and cut to 40 characters', () => {
    expect(quoted('abc')).toBe('"abc"');
    expect(quoted('x'.repeat(100))).toBe(`"${'x'.repeat(40)}"`);
  });
});
