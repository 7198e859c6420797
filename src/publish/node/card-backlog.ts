/**
 * Node-only: share cards for the back catalogue. A publish run draws the cards of the recent articles it builds
 * (media-publish.ts); this gives up to a limit of the other articles D1 holds without a card theirs, newest first,
 * so an imported archive catches up over a few runs and no single run draws thousands.
 */
import type { LeadImage } from '../../content/types.ts';
import { mapLimited } from '../../lib/map-limited.ts';
import { isMediaSrc } from './measure-image.ts';
import { sourceHash } from './media/hash.ts';
import {
  type BeforeUpload,
  IN_FLIGHT,
  putShareCard,
  type ReadMedia,
  shareCardKey,
  versionWithCard,
} from './media-publish.ts';

/** Back-catalogue cards made per run unless the publish script's `--cards N` says otherwise. */
export const CARD_BACKLOG_DEFAULT = 200;

/** Articles per D1 batch: each card is put into R2 before the batch that names it, and a killed run keeps its work. */
const PER_BATCH = 25;

/**
 * The newest articles without a card, newest first: a walk down list 'all' (its primary key is the archive's
 * newest-first order) joined to each article by slug, stopping after ?1. CROSS JOIN keeps `listings` the outer
 * loop, so SQLite never sorts the whole archive.
 */
export const CARD_BACKLOG_QUERY = `SELECT a.slug, a.title, a.image, a.version FROM listings AS l CROSS JOIN articles AS a
WHERE l.list = 'all' AND a.slug = l.slug AND a.card IS NULL
ORDER BY l.published_ms DESC, l.slug DESC LIMIT ?1`;

/** How many articles still have no card (read with the backlog: a run that makes none costs one call). */
export const CARD_BACKLOG_COUNT = 'SELECT count(*) AS n FROM articles WHERE card IS NULL';

/** Names the card and the version that goes with it, unless the row changed since it was read (then no row). */
const NAME_CARD =
  'UPDATE articles SET card = ?1, version = ?2 WHERE slug = ?3 AND version = ?4 AND card IS NULL RETURNING slug';

interface BacklogRow {
  slug: string;
  title: string;
  image: string | null;
  version: string;
}

export interface CardBacklogResult {
  /** Articles given a card (drawn now, or found in R2 from an interrupted run). */
  made: number;
  /** Of those, cards drawn and put into R2. */
  drawn: number;
  /** Articles still without a card after the run. */
  left: number;
}

/**
 * Gives up to `limit` of the newest card-less articles in `db` their share card: the headline over the lead photo
 * read from the media folder (as the row names it) or the branded card. Each card is in R2 before its row names
 * it, and the row's version changes with it ({@link versionWithCard}). Run after the articles are written, so the
 * rows match the content folder. A photo that no longer matches its row (replaced during the run) is left for the
 * next run, which rebuilds that article. `check` runs before each batch (the publish lock); `beforeUpload` is told
 * every card key first. The cards of a batch are drawn and put several at once.
 */
export async function makeBacklogCards(
  db: D1Database,
  bucket: R2Bucket,
  read: ReadMedia,
  {
    limit,
    check = () => {},
    onProgress,
    beforeUpload = async () => {},
  }: {
    limit: number;
    check?: () => void;
    onProgress?: (made: number, total: number) => void;
    beforeUpload?: BeforeUpload;
  },
): Promise<CardBacklogResult> {
  const result: CardBacklogResult = { made: 0, drawn: 0, left: 0 };
  if (limit <= 0) {
    result.left = (await db.prepare(CARD_BACKLOG_COUNT).first<{ n: number }>())?.n ?? 0;
    return result;
  }
  const [listed, counted] = await db.batch<BacklogRow | { n: number }>([
    db.prepare(CARD_BACKLOG_QUERY).bind(limit),
    db.prepare(CARD_BACKLOG_COUNT),
  ]);
  const rows = (listed?.results ?? []) as BacklogRow[];
  // Each row's lead photo as the row names it; a photo that no longer matches its row is left for the next run.
  const cards = rows.flatMap((row) => {
    const lead = row.image === null ? null : (JSON.parse(row.image) as LeadImage);
    const bytes = lead && isMediaSrc(lead.src) ? read(lead.src) : undefined;
    if (bytes && lead?.media && sourceHash(bytes) !== lead.media.hash) return [];
    return [{ row, bytes }];
  });
  await beforeUpload(cards.map(({ row, bytes }) => shareCardKey(row.title, bytes)));
  for (let i = 0; i < cards.length; i += PER_BATCH) {
    check();
    const batch = cards.slice(i, i + PER_BATCH);
    const named = await mapLimited(batch, IN_FLIGHT, async ({ row, bytes }) => {
      const card = await putShareCard(bucket, row.title, bytes);
      if (card.drawn) result.drawn++;
      return db.prepare(NAME_CARD).bind(card.key, versionWithCard(row.version, card.key), row.slug, row.version);
    });
    // A row changed since it was read is not named (its card, unnamed, goes with the unused media).
    const written = await db.batch(named);
    result.made += written.reduce((n, r) => n + r.results.length, 0);
    onProgress?.(result.made, rows.length);
  }
  // Counted with the rows, before this run named any: only this run writes (it holds the publish lock).
  result.left = ((counted?.results[0] as { n: number } | undefined)?.n ?? 0) - result.made;
  return result;
}
