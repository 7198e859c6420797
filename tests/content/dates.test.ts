import { describe, expect, it } from 'vitest';
import { parseIsoTime, toBeirutIso } from '../../src/content/dates.ts';
import { formatReaderDate } from '../../src/render/reader-date.ts';

describe('dates', () => {
  it('reads times without a zone as Beirut time, across DST', () => {
    // Summer (UTC+3) and winter (UTC+2).
    expect(toBeirutIso(parseIsoTime('2023-09-14T12:00:00') ?? 0)).toBe('2023-09-14T12:00:00+03:00');
    expect(new Date(parseIsoTime('2023-09-14T12:00:00') ?? 0).toISOString()).toBe('2023-09-14T09:00:00.000Z');
    expect(new Date(parseIsoTime('2024-01-05') ?? 0).toISOString()).toBe('2024-01-04T22:00:00.000Z');
  });

  it('respects explicit zones', () => {
    expect(new Date(parseIsoTime('2023-09-14T12:00:00Z') ?? 0).toISOString()).toBe('2023-09-14T12:00:00.000Z');
    expect(new Date(parseIsoTime('2023-09-14T12:00:00-05:00') ?? 0).toISOString()).toBe('2023-09-14T17:00:00.000Z');
  });

  it('rejects impossible dates and non-ISO text', () => {
    for (const bad of [
      '2023-02-29',
      '2023-13-01',
      '2023-09-14T25:00',
      '14/09/2023',
      'Sept 14',
      '2023-09-14T12:00:00+99:00',
    ]) {
      expect(parseIsoTime(bad), bad).toBeNull();
    }
  });

  it('formats for readers in Arabic with Beirut time', () => {
    expect(formatReaderDate('2023-09-14T12:00:00+03:00')).toBe('الخميس، 14 أيلول 2023 في 12:00 م بتوقيت بيروت');
    expect(formatReaderDate('2024-01-02T00:05:00+02:00')).toBe('الثلاثاء، 2 كانون الثاني 2024 في 12:05 ص بتوقيت بيروت');
  });

  it('formats exactly as Intl does for Asia/Beirut, across a year of hours and both DST changes', () => {
    const intl = new Intl.DateTimeFormat('ar-LB-u-nu-latn', {
      timeZone: 'Asia/Beirut',
      dateStyle: 'full',
      timeStyle: 'short',
    });
    const start = Date.UTC(2024, 0, 1);
    for (let t = start; t < start + 366 * 86_400_000; t += 7 * 3_600_000 + 13 * 60_000) {
      expect(formatReaderDate(toBeirutIso(t))).toBe(`${intl.format(new Date(t))} بتوقيت بيروت`);
    }
  });
});
