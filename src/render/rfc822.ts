/** RFC 822 dates (as RSS 2.0 wants them) from the ISO 8601 times articles carry, keeping their offset. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `2023-09-14T12:00:00+03:00` → `Thu, 14 Sep 2023 12:00:00 +0300`: the same wall-clock time and offset, so a
 * reader sees Beirut time. Throws on a time without an offset, which would be ambiguous.
 */
export function rfc822Date(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`rfc822Date: expected an ISO 8601 time with an offset, got "${iso}"`);
  const [, y, mo, d, h, mi, s = '00', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const weekday = DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const offset = zone === 'Z' ? '+0000' : zone.replace(':', '');
  return `${weekday}, ${pad(day)} ${MONTHS[month - 1]} ${year} ${h}:${mi}:${s} ${offset}`;
}

/** An instant as an RFC 822 date in GMT, e.g. `Thu, 14 Sep 2023 09:00:00 GMT`. */
export function rfc822FromEpoch(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}
