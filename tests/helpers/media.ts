/** A published-looking image manifest and share card for workerd tests, and the R2 objects they name. */

import type { Article } from '../../src/content/types.ts';
import { cardKey, EXTENSIONS, mediaPath, VARIANT_WIDTHS, variantKey } from '../../src/media/keys.ts';
import type { ImageVariant, MediaImage } from '../../src/media/types.ts';

const HASH = '0a1b2c3d4e5f6a7b';

/** A 1600 × 900 photo as the publisher stores it: AVIF, JPEG and WebP at every standard width. */
const variants = (['image/avif', 'image/jpeg', 'image/webp'] as const).flatMap((contentType) =>
  VARIANT_WIDTHS.map((width) => {
    const key = variantKey(HASH, width, EXTENSIONS[contentType]);
    return { key, width, height: (width * 9) / 16, contentType, bytes: width * 10 };
  }),
);
const fallback = variants.find((v) => v.contentType === 'image/jpeg' && v.width === 1200) as ImageVariant;
export const FIXTURE_MEDIA: MediaImage = { v: 1, hash: HASH, width: 1600, height: 900, variants, fallback };

export const FIXTURE_CARD = cardKey('9f8e7d6c5b4a3f2e', 'jpg');

/** The body photo withFixtureMedia adds: a media-folder image, titled, published with FIXTURE_MEDIA. */
export const BODY_PHOTO = { src: '/media/photo.jpg', alt: 'صورة في النص', title: 'من الأرشيف' };

/** `article` as the Node publisher leaves it: FIXTURE_MEDIA for its lead image and BODY_PHOTO, and FIXTURE_CARD. */
export function withFixtureMedia(article: Article): Article {
  if (!article.image) throw new Error('withFixtureMedia: the article needs a lead image');
  const { src, alt, title } = BODY_PHOTO;
  const size = { width: 1600, height: 900 };
  return {
    ...article,
    image: { ...article.image, ...size, media: FIXTURE_MEDIA },
    body: `${article.body}\n\n![${alt}](${src} "${title}")\n`,
    bodyImages: {
      ...article.bodyImages,
      [src]: { ...size, hash: HASH, src: mediaPath(fallback.key), media: FIXTURE_MEDIA },
    },
    card: FIXTURE_CARD,
    version: `${article.version}-media`,
  };
}

/** Puts a small object of the right type under every key the fixture names. */
export async function putFixtureMedia(bucket: R2Bucket): Promise<void> {
  for (const { key, contentType } of [...variants, { key: FIXTURE_CARD, contentType: 'image/jpeg' }]) {
    await bucket.put(key, new Uint8Array(16), { httpMetadata: { contentType } });
  }
}
