/**
 * Publication times as readers see them: `الخميس، 14 أيلول 2023 في 12:00 م بتوقيت بيروت` on an article, the
 * shorter `14 أيلول 2023، 12:00 م` in lists, with the Levantine month names and Latin digits the paper uses. Read from the wall-clock fields of the article's
 * ISO time (which carries the Beirut offset), so no time-zone data has to load in the Worker.
 */

const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
const MONTHS = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

type WallClock = [year: number, month: number, day: number, hour: number, minute: number];

const wallClock = (iso: string) => WALL_CLOCK.exec(iso)?.slice(1).map(Number) as WallClock | undefined;

/** `12:00 م`: the 12-hour clock with the Arabic morning/evening mark. */
const clock = (hour: number, minute: number) =>
  `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'ص' : 'م'}`;

/** Formats an ISO 8601 time written with the Beirut offset (as the content build emits every time). */
export function formatReaderDate(iso: string): string {
  const parts = wallClock(iso);
  if (!parts) return iso;
  const [year, month, day, hour, minute] = parts;
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday}، ${day} ${MONTHS[month - 1]} ${year} في ${clock(hour, minute)} بتوقيت بيروت`;
}

/** The list form, without weekday or time zone: `14 أيلول 2023، 12:00 م`. */
export function formatShortDate(iso: string): string {
  const parts = wallClock(iso);
  if (!parts) return iso;
  const [year, month, day, hour, minute] = parts;
  return `${day} ${MONTHS[month - 1]} ${year}، ${clock(hour, minute)}`;
}

/** The time of day alone, for the breaking bar: `9:05 ص`. */
export function formatClock(iso: string): string {
  const parts = wallClock(iso);
  return parts ? clock(parts[3], parts[4]) : iso;
}

/** The date alone, for corrections: `14 أيلول 2023`. */
export function formatDate(iso: string): string {
  const parts = wallClock(iso);
  return parts ? `${parts[2]} ${MONTHS[parts[1] - 1]} ${parts[0]}` : iso;
}

/**
 * A live update's time as the editors write it, on the 24-hour clock: `14:05`; with the day (`3 كانون الأول 09:30`)
 * when it is not on `startDay` (`YYYY-MM-DD`, the coverage's first day in Beirut).
 */
export function formatUpdateTime(iso: string, startDay: string): string {
  const parts = wallClock(iso);
  if (!parts) return iso;
  const [, month, day, hour, minute] = parts;
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return iso.slice(0, 10) === startDay ? time : `${day} ${MONTHS[month - 1]} ${time}`;
}
