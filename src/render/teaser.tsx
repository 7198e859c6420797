/**
 * Articles as lists show them: the photo box every list uses, and teasers in three looks (the large lead, a card
 * with its photo on top, a row with a thumbnail at its side). An article without a photo becomes a text teaser,
 * never an empty box.
 */
import type { Child } from 'hono/jsx';
import type { LeadImage } from '../content/types.ts';
import { AmpPicture, Picture } from '../media/picture.ts';
import { LiveBadge } from './live.tsx';
import type { Teaser } from './page-data.ts';
import { formatShortDate } from './reader-date.ts';

/** How a photo is laid out where it is used: its `sizes` attribute, true to the CSS, and the widest file worth offering. */
export interface PhotoFit {
  sizes: string;
  upTo?: number;
}

/**
 * The photo boxes of styles.ts. Pages are one column (less 1rem padding each side) up to 64rem; from there a
 * 75rem grid of two thirds and one third (`.front`, `.hero`) or halves (`.sec`, `.rows.two`).
 */
export const FIT = {
  /** The front page's lead, a section's lead: the two-thirds column. */
  lead: { sizes: '(min-width: 75rem) 47rem, (min-width: 64rem) calc(66vw - 2.7rem), calc(100vw - 2rem)' },
  /** A section block's first story: half the two-thirds column from 40rem. */
  card: {
    sizes:
      '(min-width: 75rem) 23rem, (min-width: 64rem) calc(33vw - 2rem), (min-width: 40rem) calc(50vw - 1.75rem), calc(100vw - 2rem)',
    upTo: 800,
  },
  /** A related article: a thumbnail, a third of the article column from 40rem, the side rail's thumbnail from 64rem. */
  related: { sizes: '(min-width: 64rem) 7rem, (min-width: 40rem) 14rem, 7rem', upTo: 800 },
  /** A thumbnail at the side of a row. */
  thumb: { sizes: '7rem', upTo: 480 },
  /** A list page's thumbnail, larger from 40rem. */
  listThumb: { sizes: '(min-width: 40rem) 12rem, 7rem', upTo: 800 },
} as const satisfies Record<string, PhotoFit>;

/** The box an image of unknown size is drawn in (a remote lead image): 3:2, cropped by CSS like every other. */
const UNKNOWN_SIZE = { width: 1200, height: 800 };

export interface PhotoProps {
  image: LeadImage;
  fit: PhotoFit;
  /** The page's LCP image: fetched first, never lazily. */
  lead?: boolean;
  /** On an AMP page: `amp-img` filling the box (AMP loads it lazily itself). */
  amp?: boolean;
}

/**
 * A photo in a fixed-ratio box (`.ph`, cropped with object-fit so a grid stays even): `<picture>` from the R2
 * variants, or a plain `<img>` for an image that is not in R2. Lazy unless it is the page's `lead` (its LCP).
 */
export function Photo({ image, fit, lead = false, amp = false }: PhotoProps) {
  if (amp) return <div class="ph">{ampPhoto(image, fit)}</div>;
  return (
    <div class="ph">
      {image.media ? (
        <Picture image={{ ...image.media, alt: image.alt }} sizes={fit.sizes} upTo={fit.upTo} lead={lead} />
      ) : (
        <img
          src={image.src}
          alt={image.alt}
          width={image.width ?? UNKNOWN_SIZE.width}
          height={image.height ?? UNKNOWN_SIZE.height}
          decoding="async"
          fetchpriority={lead ? 'high' : undefined}
          loading={lead ? undefined : 'lazy'}
        />
      )}
    </div>
  );
}

/** The AMP form of a photo in its box: the R2 variants, or the image as it is, with a noscript `<img>`. */
function ampPhoto(image: LeadImage, fit: PhotoFit) {
  if (image.media)
    return <AmpPicture image={{ ...image.media, alt: image.alt }} sizes={fit.sizes} upTo={fit.upTo} fill />;
  return (
    <amp-img src={image.src} alt={image.alt} layout="fill" object-fit="cover">
      <noscript>
        <img src={image.src} alt={image.alt} loading="lazy" decoding="async" />
      </noscript>
    </amp-img>
  );
}

export interface TeaserProps {
  teaser: Teaser;
  /** `lead`: large, an `<article>` of its own; `card`: photo on top; `row`: thumbnail at the side. */
  look: 'lead' | 'card' | 'row';
  /** The headline's level under the section heading it sits in. */
  level: 2 | 3;
  /** Where the photo sits; none shows the article as text only. */
  fit?: PhotoFit | undefined;
  /** The page's LCP image: fetched first, never lazily. One per page. */
  eager?: boolean;
  summary?: boolean;
  /** The article's first tag above the headline. */
  kicker?: boolean;
  /** On an AMP page (amp-img photos). */
  amp?: boolean;
  /** Shown under the headline (a search result's snippet). */
  children?: Child;
}

/**
 * One article: photo, kicker, headline link (after the "مباشر" badge while its live coverage is open), summary,
 * time. The headline's link covers the whole teaser (CSS), so the photo is clickable without a second link to the
 * same page.
 */
export function TeaserItem({
  teaser,
  look,
  level,
  fit,
  eager = false,
  summary = false,
  kicker = false,
  amp = false,
  children,
}: TeaserProps) {
  const { article, url } = teaser;
  const image = fit ? article.image : null;
  const Heading = level === 2 ? 'h2' : 'h3';
  const Item = look === 'lead' ? 'article' : 'li';
  const tag = kicker ? article.tags[0] : undefined;
  return (
    <Item class={image && fit ? look : `${look} np`}>
      {image && fit ? <Photo image={image} fit={fit} lead={eager} amp={amp} /> : null}
      <div class="tx">
        {tag ? <p class="kicker">{tag}</p> : null}
        <Heading>
          {teaser.live ? <LiveBadge /> : null}
          <a href={url}>{article.title}</a>
        </Heading>
        {summary ? <p class="sum">{article.summary}</p> : null}
        {children}
        <time datetime={article.publishedAt}>{formatShortDate(article.publishedAt)}</time>
      </div>
    </Item>
  );
}

export interface TeaserListProps extends Omit<TeaserProps, 'teaser' | 'look' | 'eager' | 'children'> {
  teasers: Teaser[];
  look?: 'card' | 'row';
  /** Extra classes of the list (`two`: two columns on wide screens; `cards`: a grid of cards). */
  class?: string;
}

/** Teasers as an ordered list, newest first; nothing when there are none. */
export function TeaserList({ teasers, look = 'row', class: extra, ...item }: TeaserListProps) {
  if (teasers.length === 0) return null;
  return (
    <ol class={extra ? `rows ${extra}` : 'rows'}>
      {teasers.map((teaser) => (
        <TeaserItem teaser={teaser} look={look} {...item} />
      ))}
    </ol>
  );
}
