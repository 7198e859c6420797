// Light10 stemming and the proclitic readings indexing and querying share.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/search/normalize.ts';
import { light10, stems } from '../../src/search/stem.ts';

const stem = (word: string) => light10(normalize(word));
const meet = (a: string, b: string) => stems(normalize(a)).some((s) => stems(normalize(b)).includes(s));

describe('light10', () => {
  it.each([
    ['والحكومة', 'حكوم'],
    ['الحكومة', 'حكوم'],
    ['الحكومية', 'حكوم'],
    ['الانتخابات', 'انتخاب'],
    ['انتخابات', 'انتخاب'],
    ['المعلمون', 'معلم'],
    ['المعلمين', 'معلم'],
    ['الوزيران', 'وزير'],
    ['المستشفيات', 'مستشف'],
    ['مستشفى', 'مستشف'],
    ['كتبها', 'كتب'],
    ['بيروت', 'بيروت'],
    ['g7', 'g7'],
    ['2025', '2025'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('leaves at least two letters (three after و)', () => {
    expect(stem('وها')).toBe('وها');
    expect(stem('في')).toBe('في');
    expect(stem('ولد')).toBe('ولد');
    expect(stem('لها')).toBe('لها');
  });
});

describe('stems', () => {
  it.each([
    ['والحكومة', 'الحكومة'],
    ['الانتخابات', 'انتخابات'],
    ['للبنان', 'لبنان'],
    ['ببيروت', 'بيروت'],
    ['لإسرائيل', 'إسرائيل'],
    ['وللحكومة', 'حكومة'],
    ['فالانتخابات', 'انتخاب'],
    ['وزير', 'الوزير'],
    ['وزيرة', 'الوزيران'],
  ])('%s meets %s', (a, b) => {
    expect(meet(a, b)).toBe(true);
  });

  it('does not conflate unrelated words', () => {
    expect(meet('بيروت', 'طرابلس')).toBe(false);
    expect(meet('كتب', 'مكتب')).toBe(false);
    expect(meet('لبنان', 'بنان')).toBe(false);
  });

  it('puts the light10 stem first', () => {
    expect(stems('ببيروت')).toEqual(['ببيروت', 'بيروت']);
    expect(stems('للبنان')[0]).toBe('بن');
  });
});
