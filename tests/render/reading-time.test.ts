import { describe, expect, it } from 'vitest';
import { formatClock, formatShortDate } from '../../src/render/reader-date.ts';
import { minutesPhrase, readingTime } from '../../src/render/reading-time.ts';

describe('readingTime', () => {
  it.each([
    [1, 'قراءة في دقيقة واحدة'],
    [2, 'قراءة في دقيقتين'],
    [3, 'قراءة في 3 دقائق'],
    [10, 'قراءة في 10 دقائق'],
    [11, 'قراءة في 11 دقيقة'],
    [25, 'قراءة في 25 دقيقة'],
    [100, 'قراءة في 100 دقيقة'],
    [103, 'قراءة في 103 دقائق'],
    [111, 'قراءة في 111 دقيقة'],
  ])('%i minutes: %s', (minutes, text) => {
    expect(readingTime(minutes)).toBe(text);
  });

  it('never says less than a minute', () => {
    expect(minutesPhrase(0)).toBe('دقيقة واحدة');
    expect(minutesPhrase(1.4)).toBe('دقيقة واحدة');
  });
});

describe('list dates', () => {
  it('formats the short form lists show, and the clock the breaking bar shows', () => {
    expect(formatShortDate('2023-09-14T12:00:00+03:00')).toBe('14 أيلول 2023، 12:00 م');
    expect(formatShortDate('2025-01-03T00:05:00+02:00')).toBe('3 كانون الثاني 2025، 12:05 ص');
    expect(formatClock('2025-11-21T09:05:00+02:00')).toBe('9:05 ص');
    expect(formatClock('2025-11-21T23:59:00+02:00')).toBe('11:59 م');
    expect(formatShortDate('not a date')).toBe('not a date');
  });
});
