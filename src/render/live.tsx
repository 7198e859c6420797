/**
 * Live coverage in pages: the "مباشر" badge lists and the breaking bar show, the status line by an article's
 * headline, and its updates, newest first, each with a stable anchor (on AMP, inside `amp-live-list`, which polls
 * the page for new ones).
 */
import type { Child } from 'hono/jsx';
import { MAX_LIVE_UPDATES } from '../content/live.ts';
import type { LiveView } from './page-data.ts';
import { formatUpdateTime } from './reader-date.ts';

/** The id of the AMP page's live list, which its "new updates" button names. */
const LIVE_LIST_ID = 'live-updates';
/** How often AMP readers' pages ask for new updates: AMP's minimum. */
const POLL_MS = 15_000;

/** The small red "مباشر" badge. */
export const LiveBadge = () => <span class="live">مباشر</span>;

/** The Beirut day (`YYYY-MM-DD`) the coverage started: updates of other days show their date. */
const startDay = (live: LiveView) => live.start.slice(0, 10);

/**
 * Above the headline: the badge while the coverage is open, or that it has ended; then the time of the newest
 * update (`آخر تحديث 14:05`).
 */
export function LiveStatus({ live }: { live: LiveView }) {
  const ended = !live.active && live.end !== null;
  const last = live.lastUpdate ? (
    <>
      آخر تحديث <time datetime={live.lastUpdate}>{formatUpdateTime(live.lastUpdate, startDay(live))}</time>
    </>
  ) : null;
  if (!live.active && !ended && !last) return null;
  return (
    <p class="lv">
      {live.active ? <LiveBadge /> : null}
      {ended ? 'انتهت التغطية المباشرة' : null}
      {ended && last ? ' · ' : null}
      {last}
    </p>
  );
}

export interface LiveUpdatesProps {
  live: LiveView;
  /** The AMP page: the updates inside `amp-live-list`, polling while the coverage is open. */
  amp: boolean;
  /** Inserts an update's sanitized HTML (the article page's one way to insert markup). */
  markup: (html: string) => Child;
}

/**
 * The updates, newest first: each an `<article>` whose id is its anchor, its time linking to it (with the date
 * when not on the coverage's first day), its heading and its text. On AMP each also carries the times
 * `amp-live-list` sorts and replaces by (epoch ms); an ended coverage's list is `disabled`, so pages stop polling.
 */
export function LiveUpdates({ live, amp, markup }: LiveUpdatesProps) {
  const day = startDay(live);
  const items = live.updates.map((update) => {
    const ms = amp ? Date.parse(update.time) : undefined;
    return (
      <article class="upd" id={update.id} data-sort-time={ms} data-update-time={ms}>
        <a class="upd-t" href={`#${update.id}`}>
          <time datetime={update.time}>{formatUpdateTime(update.time, day)}</time>
        </a>
        <h2>{update.title}</h2>
        <div class="body">{markup(update.html)}</div>
      </article>
    );
  });
  if (!amp) {
    return items.length > 0 ? (
      <section class="updates" aria-label="التحديثات">
        {items}
      </section>
    ) : null;
  }
  return (
    <amp-live-list
      id={LIVE_LIST_ID}
      class="updates"
      data-poll-interval={POLL_MS}
      // The page holds every update: no older one leaves a reader's page when new ones arrive.
      data-max-items-per-page={MAX_LIVE_UPDATES}
      disabled={!live.active}
    >
      <button type="button" class="upd-new" update="" on={`tap:${LIVE_LIST_ID}.update`}>
        تحديثات جديدة
      </button>
      <div items="">{items}</div>
    </amp-live-list>
  );
}
