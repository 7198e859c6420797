/**
 * Publication times as readers see them: `الخميس، 14 أيلول 2023 في 12:00 م بتوقيت بيروت`, with the
 * Levantine month names and Latin digits the paper uses. Read from the wall-clock fields of the article's
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

/** Formats an ISO 8601 time written with the Beirut offset (as the content build emits every time). */
export function formatReaderDate(iso: string): string {
  const m = WALL_CLOCK.exec(iso);
  if (!m) return iso;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const period = hour < 12 ? 'ص' : 'م';
  return `${weekday}، ${day} ${MONTHS[month - 1]} ${year} في ${hour12}:${String(minute).padStart(2, '0')} ${period} بتوقيت بيروت`;
}
