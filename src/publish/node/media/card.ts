/** Share cards (og:image, twitter:image): 1200 × 630, the headline and the paper's name over the lead photo. */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import sharp, { type Sharp } from 'sharp';
import { cardKey } from '../../../media/keys.ts';
import { SITE_NAME } from '../../../site.ts';
import { CARD_HEIGHT, CARD_MARGIN, CARD_WIDTH, type CardLayout, cardSvg } from './card-svg.ts';
import { checkImage } from './check.ts';
import { CARD_FONT_FAMILY, CARD_FONT_FILES } from './fonts.ts';
import { contentHash } from './hash.ts';
import { MAX_SOURCE_PIXELS } from './limits.ts';
import { type WrapResult, wrapWords } from './wrap.ts';

export interface ShareCard {
  key: string;
  bytes: Uint8Array;
  width: typeof CARD_WIDTH;
  height: typeof CARD_HEIGHT;
  /** JPEG over a photo (a PNG photo would be ten times larger), PNG for the branded card. */
  contentType: 'image/jpeg' | 'image/png';
}

const RESVG: ResvgRenderOptions = {
  font: { fontFiles: CARD_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CARD_FONT_FAMILY },
  logLevel: 'off',
};

/** Font sizes tried for the headline, largest first; the smallest one truncates with an ellipsis if needed. */
const HEADLINE_SIZES = [64, 56, 48] as const;
const MAX_LINES = 3;
const MEASURE_SIZE = 100;

/** Measures headline text with the real font: words are shaped on their own, so their widths add up. */
export function createMeasure(): (text: string, fontSize: number) => number {
  const cache = new Map<string, number>();
  const widthAt100 = (word: string): number => {
    let w = cache.get(word);
    if (w === undefined) {
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="300"><text x="10" y="200" ` +
        `font-family="${CARD_FONT_FAMILY}" font-size="${MEASURE_SIZE}" font-weight="700">${escapeText(word)}</text></svg>`;
      w = new Resvg(svg, RESVG).getBBox()?.width ?? 0;
      cache.set(word, w);
    }
    return w;
  };
  // A space has no ink, so it is measured as the gap it leaves between two letters.
  const space = () => widthAt100('ا ا') - 2 * widthAt100('ا');
  return (text, fontSize) => {
    const words = text.split(' ');
    const total = words.reduce((sum, word) => sum + widthAt100(word), 0) + (words.length - 1) * space();
    return (total * fontSize) / MEASURE_SIZE;
  };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The largest headline size at which the title fits in MAX_LINES lines, else the smallest, truncated. */
export function layoutHeadline(
  title: string,
  measure: (text: string, fontSize: number) => number,
): WrapResult & { fontSize: number } {
  const maxWidth = CARD_WIDTH - 2 * CARD_MARGIN;
  for (const fontSize of HEADLINE_SIZES) {
    const wrapped = wrapWords(title, (t) => measure(t, fontSize), maxWidth, MAX_LINES);
    const fits = wrapped.lines.every((line) => measure(line, fontSize) <= maxWidth);
    if (!wrapped.truncated && fits) return { ...wrapped, fontSize };
  }
  const fontSize = HEADLINE_SIZES[HEADLINE_SIZES.length - 1] as number;
  return { ...wrapWords(title, (t) => measure(t, fontSize), maxWidth, MAX_LINES), fontSize };
}

/** The lead image cropped to fill the card, keeping the most salient region. */
async function photoBackground(image: Uint8Array): Promise<Sharp> {
  const checked = await checkImage(image, 'lead image');
  if ('problem' in checked) throw new Error(checked.problem);
  const options = checked.density === undefined ? {} : { density: checked.density };
  const cropped = await sharp(image, { limitInputPixels: MAX_SOURCE_PIXELS, ...options })
    .autoOrient()
    .toColourspace('srgb')
    .resize(CARD_WIDTH, CARD_HEIGHT, { fit: 'cover', position: sharp.strategy.attention })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(cropped.data, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: cropped.info.channels } });
}

/**
 * Renders the share card of an article: the lead image (any accepted format, SVG rasterized) cropped to fill,
 * a dark gradient, then the headline (wrapped at word boundaries, at most three lines) and the paper's name,
 * right to left in Noto Naskh Arabic. Without an image, a branded card. Throws if `image` fails the content check.
 */
export async function renderShareCard({ title, image }: { title: string; image?: Uint8Array }): Promise<ShareCard> {
  const headline = layoutHeadline(title, createMeasure());
  const layout: CardLayout = {
    lines: headline.lines,
    fontSize: headline.fontSize,
    siteName: SITE_NAME,
    overPhoto: image !== undefined,
  };
  const drawing = new Resvg(cardSvg(layout), RESVG).render().asPng();
  const hash = contentHash('card', SITE_NAME, title, image ?? '');
  if (!image) {
    const bytes = await sharp(drawing).png({ compressionLevel: 9 }).toBuffer();
    return card(cardKey(hash, 'png'), bytes, 'image/png');
  }
  const bytes = await (await photoBackground(image))
    .composite([{ input: drawing }])
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  return card(cardKey(hash, 'jpg'), bytes, 'image/jpeg');
}

const card = (key: string, bytes: Buffer, contentType: ShareCard['contentType']): ShareCard => ({
  key,
  bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
  contentType,
});
