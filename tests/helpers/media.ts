/** A published-looking image manifest and share card for workerd tests, and the R2 objects they name. */

import type { Article } from '../../src/content/types.ts';
import { cardKey, variantKey } from '../../src/media/keys.ts';
import type { ImageVariant, MediaImage, RasterType } from '../../src/media/types.ts';

const HASH = '0a1b2c3d4e5f6a7b';
const TYPES: [RasterType, string][] = [
  ['image/avif', 'avif'],
  ['image/jpeg', 'jpg'],
  ['image/webp', 'webp'],
];

/** A 1600 × 900 photo as the publisher stores it: AVIF, WebP and JPEG at 480, 800, 1200 and 1600 px. */
const variants: ImageVariant[] = TYPES.flatMap(([contentType, ext]) =>
  [480, 800, 1200, 1600].map((width) => ({
    key: variantKey(HASH, width, ext),
    width,
    height: Math.round((width * 9) / 16),
    contentType,
    bytes: width * 10,
  })),
);

export const FIXTURE_MEDIA: MediaImage = {
  v: 1,
  hash: HASH,
  width: 1600,
  height: 900,
  variants,
  fallback: variants.find((v) => v.contentType === 'image/jpeg' && v.width === 1200) as ImageVariant,
};

export const FIXTURE_CARD = cardKey('9f8e7d6c5b4a3f2e', 'jpg');

/** The body photo withFixtureMedia adds: a media-folder image, titled, published with FIXTURE_MEDIA. */
export const BODY_PHOTO = { src: '/media/photo.jpg', alt: 'صورة في النص', title: 'من الأرشيف' };

/**
 * `article` as the Node publisher leaves it: its lead image with FIXTURE_MEDIA, a body photo (BODY_PHOTO) with
 * the same variants, and FIXTURE_CARD.
 */
export function withFixtureMedia(article: Article): Article {
  if (!article.image) throw new Error('withFixtureMedia: the article needs a lead image');
  const { src, alt, title } = BODY_PHOTO;
  return {
    ...article,
    image: { ...article.image, width: 1600, height: 900, media: FIXTURE_MEDIA },
    body: `${article.body}\n\n![${alt}](${src} "${title}")\n`,
    bodyImages: {
      ...article.bodyImages,
      [src]: {
        width: 1600,
        height: 900,
        hash: HASH,
        src: `/media/${FIXTURE_MEDIA.fallback.key}`,
        media: FIXTURE_MEDIA,
      },
    },
    card: FIXTURE_CARD,
    version: `${article.version}-media`,
  };
}

/** Puts a small object of the right type under every key the fixture names. */
export async function putFixtureMedia(bucket: R2Bucket): Promise<void> {
  for (const v of FIXTURE_MEDIA.variants) {
    await bucket.put(v.key, new Uint8Array(16), { httpMetadata: { contentType: v.contentType } });
  }
  await bucket.put(FIXTURE_CARD, new Uint8Array(16), { httpMetadata: { contentType: 'image/jpeg' } });
}
