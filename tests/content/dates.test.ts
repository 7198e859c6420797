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

  it('reads positive zones and zones with minutes, with or without the colon', () => {
    const utc = (text: string) => new Date(parseIsoTime(text) ?? 0).toISOString();
    expect(utc('2024-03-10T12:00:00+03:00')).toBe('2024-03-10T09:00:00.000Z');
    expect(utc('2024-03-10T12:00:00+0300')).toBe('2024-03-10T09:00:00.000Z');
    // A correspondent in India (UTC+5:30) or Newfoundland (UTC-3:30).
    expect(utc('2024-03-10T12:00:00+05:30')).toBe('2024-03-10T06:30:00.000Z');
    expect(utc('2024-03-10T12:00:00-03:30')).toBe('2024-03-10T15:30:00.000Z');
    // The widest real offsets are UTC+14 and UTC-12; ±14:00 is the ISO limit.
    expect(utc('2024-03-10T12:00:00+14:00')).toBe('2024-03-09T22:00:00.000Z');
    expect(parseIsoTime('2024-03-10T12:00:00-15:00')).toBeNull();
  });

  it('accepts the last second of a day, a space instead of T, and spaces around the date', () => {
    expect(toBeirutIso(parseIsoTime('2024-01-01T23:59:59') ?? 0)).toBe('2024-01-01T23:59:59+02:00');
    expect(toBeirutIso(parseIsoTime('2024-01-01 12:30') ?? 0)).toBe('2024-01-01T12:30:00+02:00');
    expect(toBeirutIso(parseIsoTime(' 2024-01-01 ') ?? 0)).toBe('2024-01-01T00:00:00+02:00');
  });

  it('rejects minute 60, second 60 and years before 100 (a dropped digit), instead of moving the date', () => {
    for (const bad of ['2024-01-01T12:60', '2024-01-01T12:00:60', '0024-03-10', '2024-03-10x', 'x2024-03-10']) {
      expect(parseIsoTime(bad), bad).toBeNull();
    }
  });

  it('reads a Beirut wall-clock time right next to a DST change with the offset of that moment', () => {
    // Clocks go forward at midnight between 30 and 31 March 2024 and back at midnight between 26 and 27 October.
    expect(toBeirutIso(parseIsoTime('2024-03-30T23:30:00') ?? 0)).toBe('2024-03-30T23:30:00+02:00');
    expect(toBeirutIso(parseIsoTime('2024-03-31T01:00:00') ?? 0)).toBe('2024-03-31T01:00:00+03:00');
    expect(toBeirutIso(parseIsoTime('2024-10-26T22:30:00') ?? 0)).toBe('2024-10-26T22:30:00+03:00');
    expect(toBeirutIso(parseIsoTime('2024-10-27T00:30:00') ?? 0)).toBe('2024-10-27T00:30:00+02:00');
  });

  it('keeps the seconds and the offset right whatever the seconds of the instant', () => {
    expect(toBeirutIso(parseIsoTime('2023-09-14T12:00:45') ?? 0)).toBe('2023-09-14T12:00:45+03:00');
    expect(toBeirutIso(Date.UTC(2024, 0, 1, 9, 59, 59, 999))).toBe('2024-01-01T11:59:59+02:00');
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
