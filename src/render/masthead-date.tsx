/**
 * The masthead's date line: today in Beirut in the Levantine Gregorian calendar and the Hijri (Umm al-Qura) one,
 * with Latin digits, e.g. `الأربعاء، 2 كانون الأول 2026 · 22 جمادى الآخرة 1448 هـ`. A slot filled per request
 * (src/site/slots.ts), so cached templates stay valid across midnight.
 */

/** One Beirut day as the masthead shows it. */
export interface BeirutDay {
  /** YYYY-MM-DD in Beirut: the key of the day, and the `datetime` of the line. */
  iso: string;
  gregorian: string;
  hijri: string;
}

const TIME_ZONE = 'Asia/Beirut';
let formats: { iso: Intl.DateTimeFormat; gregorian: Intl.DateTimeFormat; hijri: Intl.DateTimeFormat } | undefined;

// Made on first use: an isolate that serves only JSON never builds them.
const dayFormats = () =>
  (formats ??= {
    iso: new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE }),
    gregorian: new Intl.DateTimeFormat('ar-LB-u-nu-latn', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: TIME_ZONE,
    }),
    hijri: new Intl.DateTimeFormat('ar-u-ca-islamic-umalqura-nu-latn', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: TIME_ZONE,
    }),
  });

/** The Beirut day key (YYYY-MM-DD) of an instant: cheap enough to compute per request. */
export const beirutDayKey = (ms: number) => dayFormats().iso.format(ms);

/** The day an instant falls on in Beirut, in both calendars. */
export function beirutDay(ms: number): BeirutDay {
  const { gregorian, hijri } = dayFormats();
  return { iso: beirutDayKey(ms), gregorian: gregorian.format(ms), hijri: hijri.format(ms) };
}

export function MastheadDate({ day }: { day: BeirutDay }) {
  return (
    <p class="dateline">
      <time datetime={day.iso}>{day.gregorian}</time>
      <span aria-hidden="true"> · </span>
      <span>{day.hijri}</span>
    </p>
  );
}
