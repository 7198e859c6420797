import { describe, expect, it } from 'vitest';
import { parseRange } from '../../src/http/range.ts';

describe('parseRange: which bytes a Range header asks for', () => {
  it('reads a single range, with spaces around it, and a one-byte range', () => {
    expect(parseRange(' bytes=10-19 ', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=5-5', 100)).toEqual({ start: 5, end: 5 });
  });

  it('sends the whole file (null) for no header, another unit, several ranges or nonsense', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=0-1,5-6', 'bytes=-', 'bytes=9-3', 'bytes=a-b', '']) {
      expect(parseRange(header, 100), String(header)).toBeNull();
    }
  });

  it('clamps open and overlong ends to the last byte, and takes suffix ranges from the end', () => {
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('is unsatisfiable (416) past the end, for an empty suffix, and for any range of an empty file', () => {
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-5', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});
