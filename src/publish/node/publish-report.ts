/** Node-only: what a publish run did, as runPublish returns it and as the publish script prints it. */
import { describePlan, isEmptyPlan, type PublishPlan } from '../plan.ts';
import type { MediaStats } from './media-publish.ts';

export interface PublishReport {
  /** `local D1 and R2` or `remote D1 and R2`. */
  where: string;
  plan: PublishPlan;
  /** Files built that are drafts, held back. */
  drafts: number;
  /** What went into R2, and how many objects no article uses any more were deleted. */
  media: Omit<MediaStats, 'cards'> & { deleted: number };
  /**
   * Share cards made (drawn for the articles built, or given to older articles from the backlog), and how many
   * articles still have none: later runs make theirs.
   */
  cards: { made: number; backlog: number };
  /** Article files read, and those skipped as unchanged since they were published. */
  files: { read: number; skipped: number };
  /** Cache tags purged after the writes (null: no purge configured, nothing to purge, or the purge failed). */
  purged: number | null;
  seconds: number;
  /** What the run warned about as it went (a lock taken over, stamps not saved). */
  warnings: string[];
}

/** Counts with thousands separators: a back catalogue's backlog reads `99,788`. */
const count = (n: number) => n.toLocaleString('en-US');

/** The one line the publish script prints for a run. */
export function describeReport({ where, plan, drafts, media, cards, files, purged, seconds }: PublishReport): string {
  const mediaLine = `; media: ${media.processed} image(s) processed, ${media.uploaded} file(s) uploaded, ${media.deleted} deleted`;
  const cardsLine = `; cards: made ${count(cards.made)}, backlog ${count(cards.backlog)}`;
  const held = drafts ? `; ${drafts} draft(s) held back` : '';
  const read = `; ${files.read} of ${files.read + files.skipped} file(s) read (${files.skipped} unchanged since published)`;
  const purgedLine = purged === null ? '' : `; purged ${count(purged)} cache tag(s)`;
  const time = seconds.toFixed(1);
  return isEmptyPlan(plan) && cards.made === 0
    ? `Nothing to publish: ${where} is up to date (${describePlan(plan)}${held}${mediaLine}${cardsLine}${read}), in ${time} s`
    : `Published to ${where}: ${describePlan(plan)}${held}${mediaLine}${cardsLine}${read}${purgedLine}, in ${time} s`;
}
