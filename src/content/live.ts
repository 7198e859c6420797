/**
 * Live coverage: an article with `live: true` is an intro, then updates, each opened by a level-2 heading whose
 * text starts with its Beirut time: `## 14:05 عنوان` (the same day as the update above it, or the article's day
 * for the first) or `## 2026-12-03 09:30 عنوان` when it crosses a day. Times go forward and are not later than the
 * publish run. Pure; used by the build, which stores what it finds with the article.
 */
import { parseIsoTime, toBeirutIso } from './dates.ts';
import type { LiveUpdate } from './types.ts';

/** The most updates one live article holds: past it, coverage continues in a new live article. */
export const MAX_LIVE_UPDATES = 500;

const HEADING = /^## (.*)$/;
const FENCE = /^(`{3,}|~{3,})/;
const STAMP = /^(?:(\d{4}-\d{2}-\d{2})\s+)?([01]\d|2[0-3]):([0-5]\d)(?:\s+(.*))?$/;

/** A problem with one line of the body (1-based). */
export interface LineProblem {
  line: number;
  message: string;
}

const EXAMPLE = 'e.g. "## 14:05 العنوان", or "## 2026-12-03 09:30 العنوان" for another day';

/**
 * The updates of a live article's body, in order, or every problem found. `startMs`: the article's date;
 * `nowMs`: the publish run's time.
 */
export function parseLiveUpdates(
  body: string,
  startMs: number,
  nowMs: number,
): { ok: true; updates: LiveUpdate[] } | { ok: false; problems: LineProblem[] } {
  const updates: LiveUpdate[] = [];
  const problems: LineProblem[] = [];
  const startDay = toBeirutIso(startMs).slice(0, 10);
  let day = startDay;
  let previous: { ms: number; shown: string } | null = null;
  let fence: string | null = null;
  const lines = body.split('\n');
  lines.forEach((line, index) => {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fenceMark) {
      if (fence === null) fence = fenceMark[0] as string;
      else if (fenceMark.startsWith(fence)) fence = null;
      return;
    }
    if (fence !== null) return;
    const heading = HEADING.exec(line);
    if (!heading) return;
    const at = index + 1;
    const stamp = STAMP.exec((heading[1] ?? '').trim());
    if (!stamp) {
      problems.push({ line: at, message: `a live update's heading starts with its time, ${EXAMPLE}` });
      return;
    }
    const [, date, hour, minute, title = ''] = stamp;
    if (!title.trim()) {
      problems.push({ line: at, message: `the update at ${hour}:${minute} has no title after its time, ${EXAMPLE}` });
      return;
    }
    const updateDay = date ?? day;
    const ms = parseIsoTime(`${updateDay}T${hour}:${minute}:00`);
    const shown = date ? `${date} ${hour}:${minute}` : `${hour}:${minute}`;
    if (ms === null) {
      problems.push({ line: at, message: `"${date}" is not a date, ${EXAMPLE}` });
      return;
    }
    if (ms < startMs) {
      problems.push({
        line: at,
        message: `update time ${shown} is before the article's date (${toBeirutIso(startMs).slice(0, 16).replace('T', ' ')})`,
      });
      return;
    }
    if (previous && ms <= previous.ms) {
      problems.push({
        line: at,
        message: `update time ${shown} is before the update above it (${previous.shown}), or the same; times go forward`,
      });
      return;
    }
    if (ms > nowMs) {
      problems.push({
        line: at,
        message: `update time ${shown} is later than now: publish an update once it has happened`,
      });
      return;
    }
    day = updateDay;
    previous = { ms, shown };
    const id =
      updateDay === startDay ? `update-${hour}${minute}` : `update-${updateDay.replaceAll('-', '')}-${hour}${minute}`;
    updates.push({ id, time: toBeirutIso(ms), title: title.trim(), line: index });
  });
  if (updates.length > MAX_LIVE_UPDATES) {
    problems.push({
      line: (updates[MAX_LIVE_UPDATES]?.line ?? 0) + 1,
      message: `${updates.length} updates; one live article holds at most ${MAX_LIVE_UPDATES}: continue the coverage in a new live article`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, updates };
}
