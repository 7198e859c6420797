/** Parsing front-matter times (default zone Asia/Beirut) into instants and Beirut ISO strings. Used by the build. */

const SITE_TIME_ZONE = 'Asia/Beirut';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

// Created on first use: loading time-zone data costs milliseconds, and only the content build needs it.
let partsFormat: Intl.DateTimeFormat | undefined;

/** Offset of Asia/Beirut from UTC at the given instant, in minutes. */
function beirutOffsetMinutes(epochMs: number): number {
  partsFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: SITE_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p: Record<string, number> = {};
  for (const { type, value } of partsFormat.formatToParts(new Date(epochMs))) {
    if (type !== 'literal') p[type] = Number(value);
  }
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/**
 * Parses an ISO 8601 date or date-time. Without a zone the wall-clock time is read in Asia/Beirut.
 * Returns epoch milliseconds, or null when the text is not a real ISO 8601 time.
 */
export function parseIsoTime(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  if (zone) {
    if (zone === 'Z') return wall;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    if (Math.abs(offset) > 14 * 60) return null;
    return wall - offset * 60000;
  }
  // Wall-clock time in Beirut: guess with the offset at that instant, then correct once for DST edges.
  let guess = wall - beirutOffsetMinutes(wall) * 60000;
  guess = wall - beirutOffsetMinutes(guess) * 60000;
  return guess;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Formats an instant as ISO 8601 in Asia/Beirut time with its offset, e.g. 2023-09-14T12:00:00+03:00. */
export function toBeirutIso(epochMs: number): string {
  const offset = beirutOffsetMinutes(epochMs);
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}
