/**
 * Node-only: the media half of a publish run. Checks the media-folder images of built articles by content, puts
 * their variants and the share cards of recent ones into R2 (only what is missing: keys are content-hashed), and
 * names them in the articles. Several articles, and the variants of an image, go up at once: over the network each
 * R2 call is a round trip. (What no article uses any more is deleted after the D1 writes: unused-media.ts.)
 */
import type { Article, Author } from '../../content/types.ts';
import { hash64 } from '../../lib/hash.ts';
import { mapLimited } from '../../lib/map-limited.ts';
import { cardKey, mediaPath } from '../../media/keys.ts';
import type { ImageSize, MediaImage } from '../../media/types.ts';
import { SITE_NAME } from '../../site.ts';
import { isMediaSrc } from './measure-image.ts';
import { renderShareCard } from './media/card.ts';
import { checkImage } from './media/check.ts';
import { contentHash, sourceHash } from './media/hash.ts';
import { processImage } from './media/process.ts';
import { imagePrefix } from './unused-media.ts';

/** Reads the bytes of a media-folder image by its src (`/media/photo.jpg`); the content build found it. */
export type ReadMedia = (src: string) => Uint8Array;

/**
 * Told every object a step may put into R2 (a card's key, an image's `img/<hash>/` prefix) before it puts any:
 * the run notes them, so that if it stops before naming them the next run can delete them (unused-media.ts).
 */
export type BeforeUpload = (keys: string[]) => Promise<void>;

/** Articles (and writers) whose media go up at once; each image's variants go up together too. */
export const IN_FLIGHT = 8;

/** What a publish run did in R2. */
export interface MediaStats {
  /** Objects written (variants and cards). */
  uploaded: number;
  /** Images processed (their source hash was not in R2 yet). */
  processed: number;
  /** Share cards drawn (their key was not in R2 yet). */
  cards: number;
}

/** R2 key of the manifest of a processed source image: written last, so its presence means every variant is. */
const manifestKey = (hash: string) => `img/${hash}/manifest.json`;

/** The media-folder images an article uses, with the field that names each one. */
function mediaRefs(article: Article): { src: string; field: string }[] {
  const refs: { src: string; field: string }[] = [];
  if (article.image && isMediaSrc(article.image.src)) refs.push({ src: article.image.src, field: 'image.src' });
  for (const src of Object.keys(article.bodyImages)) if (isMediaSrc(src)) refs.push({ src, field: 'body' });
  return refs;
}

/**
 * The content check of media-folder images (type by content, byte size, megapixels): one `file: field: problem`
 * line per refused image, naming it as the article does (`media/photo.jpg`).
 */
export async function checkMedia(articles: readonly Article[], read: ReadMedia): Promise<string[]> {
  const problems: string[] = [];
  for (const article of articles) {
    for (const { src, field } of mediaRefs(article)) {
      const checked = await checkImage(read(src), src.slice(1));
      if ('problem' in checked) problems.push(`${article.file}: ${field}: ${checked.problem}`);
    }
  }
  return problems;
}

/**
 * Share cards are drawn with the articles built for those published in the last 30 days (before a publish run):
 * a card takes a noticeable fraction of a second of CPU (the bench's photos section measures it), so drawing one for
 * every article of an imported 100,000-article back catalogue in one run would take hours. Older articles get theirs a few hundred per run from the backlog (card-backlog.ts).
 */
export const CARD_WINDOW_MS = 30 * 86_400_000;

/** A share card's R2 key, known before drawing it (renderShareCard hashes the same inputs): a stored one is reused. */
export const shareCardKey = (title: string, lead: Uint8Array | undefined) =>
  cardKey(contentHash('card', SITE_NAME, title, lead ?? ''), lead ? 'jpg' : 'png');

/**
 * Puts the share card of a headline over its lead photo (media-folder bytes, or none: the branded card) into R2
 * unless R2 already holds it. Returns its key, and whether it was drawn.
 */
export async function putShareCard(
  bucket: R2Bucket,
  title: string,
  lead: Uint8Array | undefined,
): Promise<{ key: string; drawn: boolean }> {
  const key = shareCardKey(title, lead);
  if (await bucket.head(key)) return { key, drawn: false };
  const card = await renderShareCard({ title, ...(lead ? { image: lead } : {}) });
  if (card.key !== key) throw new Error(`share card key ${card.key} differs from the expected ${key}`);
  await bucket.put(key, card.bytes, { httpMetadata: { contentType: card.contentType } });
  return { key, drawn: true };
}

/**
 * Processes a source image into R2 once (its variants, then its manifest, whose presence means every variant is
 * there) and answers its manifest; images whose source hash R2 already holds are not processed again.
 */
function imageUploader(bucket: R2Bucket, stats: MediaStats): (bytes: Uint8Array, name: string) => Promise<MediaImage> {
  const images = new Map<string, Promise<MediaImage>>();
  const putIfMissing = async (key: string, bytes: Uint8Array | string, contentType: string) => {
    if (await bucket.head(key)) return;
    await bucket.put(key, bytes, { httpMetadata: { contentType } });
    stats.uploaded++;
  };
  // Only once every variant is in R2 does the manifest go up.
  return (bytes, name) => {
    const hash = sourceHash(bytes);
    let image = images.get(hash);
    if (!image) {
      image = (async () => {
        const stored = await bucket.get(manifestKey(hash));
        if (stored) return JSON.parse(await stored.text()) as MediaImage;
        const processed = await processImage(bytes, name);
        if ('problem' in processed) throw new Error(processed.problem);
        stats.processed++;
        await mapLimited(processed.files, IN_FLIGHT, (file) => putIfMissing(file.key, file.bytes, file.contentType));
        await bucket.put(manifestKey(hash), JSON.stringify(processed.image), {
          httpMetadata: { contentType: 'application/json' },
        });
        return processed.image;
      })();
      images.set(hash, image);
    }
    return image;
  };
}

/** Puts the photos of writers (media-folder ones) into R2 and returns the writers naming their variants. */
export async function publishAuthorPhotos(
  bucket: R2Bucket,
  authors: readonly Author[],
  read: ReadMedia,
  { beforeUpload = async () => {} }: { beforeUpload?: BeforeUpload } = {},
): Promise<{ authors: Author[]; stats: MediaStats }> {
  const stats: MediaStats = { uploaded: 0, processed: 0, cards: 0 };
  const ensureImage = imageUploader(bucket, stats);
  const photos = authors.map((author) =>
    author.photo && isMediaSrc(author.photo.src) ? { src: author.photo.src, bytes: read(author.photo.src) } : null,
  );
  await beforeUpload(photos.flatMap((photo) => (photo ? [imagePrefix(sourceHash(photo.bytes))] : [])));
  const published = await mapLimited(authors, IN_FLIGHT, async (author, i) => {
    const photo = photos[i];
    if (!author.photo || !photo) return author;
    const media = await ensureImage(photo.bytes, photo.src.slice(1));
    return { ...author, photo: { ...author.photo, hash: media.hash, media } };
  });
  return { authors: published, stats };
}

/**
 * The version of an article that names share card `card`, from its version without one: the article's version
 * changes with its og:image, so a page cached before the card is not served after it. The back catalogue's
 * cards (card-backlog.ts) change versions in D1 the same way, so rebuilding such an article later leaves it
 * unchanged.
 */
export const versionWithCard = (version: string, card: string) => hash64(JSON.stringify([version, card]));

/**
 * Puts the media of checked articles into R2 and returns the articles naming them: the lead image's manifest in
 * `image.media`, body images' manifest in `bodyImages[src].media` and their default variant in `.src`, the share
 * card's key in `card`, and a version that changes with any of them. Images whose source hash R2 already holds
 * are not processed again.
 * Throws if an image fails the check (run {@link checkMedia} first).
 */
export async function publishMedia(
  bucket: R2Bucket,
  articles: readonly Article[],
  read: ReadMedia,
  {
    cardsSince = Number.NEGATIVE_INFINITY,
    keepCards = new Set(),
    beforeUpload = async () => {},
  }: {
    cardsSince?: number;
    /**
     * Cards published articles already name: an older article rebuilt (an edit, a --full run, a new publish
     * format) keeps its card while its headline and lead photo, hence the card's key, are the same.
     */
    keepCards?: ReadonlySet<string>;
    beforeUpload?: BeforeUpload;
  } = {},
): Promise<{ articles: Article[]; stats: MediaStats }> {
  const stats: MediaStats = { uploaded: 0, processed: 0, cards: 0 };
  const ensureImage = imageUploader(bucket, stats);
  // Everything that may go up, known from the bytes before any upload (read again below, one article at a time).
  const lead = (article: Article) =>
    article.image && isMediaSrc(article.image.src) ? read(article.image.src) : undefined;
  const wantsCard = (article: Article) => Date.parse(article.publishedAt) >= cardsSince;
  await beforeUpload([
    ...new Set(
      articles.flatMap((article) => [
        ...mediaRefs(article).map(({ src }) => imagePrefix(sourceHash(read(src)))),
        ...(wantsCard(article) ? [shareCardKey(article.title, lead(article))] : []),
      ]),
    ),
  ]);

  const published = await mapLimited(articles, IN_FLIGHT, async (article) => {
    const leadBytes = lead(article);
    const media = leadBytes && article.image ? await ensureImage(leadBytes, article.image.src.slice(1)) : undefined;
    const bodyImages: Record<string, ImageSize> = {};
    for (const [src, size] of Object.entries(article.bodyImages)) {
      if (!isMediaSrc(src)) {
        bodyImages[src] = size;
        continue;
      }
      const image = await ensureImage(read(src), src.slice(1));
      bodyImages[src] = { ...size, hash: image.hash, src: mediaPath(image.fallback.key), media: image };
    }
    const cardOf = shareCardKey(article.title, leadBytes);
    const key = wantsCard(article) || keepCards.has(cardOf) ? cardOf : null;
    if (wantsCard(article) && (await putShareCard(bucket, article.title, leadBytes)).drawn) {
      stats.uploaded++;
      stats.cards++;
    }
    const image = article.image && media ? { ...article.image, media } : article.image;
    // Computed as before the backlog (card-backlog.ts) existed, so articles published without a card keep theirs.
    const version = hash64(JSON.stringify([article.version, media?.hash ?? null, bodyImages, null]));
    return {
      ...article,
      image,
      bodyImages,
      ...(key ? { card: key } : {}),
      version: key ? versionWithCard(version, key) : version,
    };
  });
  return { articles: published, stats };
}
