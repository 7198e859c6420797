/** R2 key shapes for published media and their URL paths; shared by the publisher and the Worker. */

/** Bump when processing changes (widths, encoders, quality): every image then gets new keys. */
export const MEDIA_SETTINGS_VERSION = 'media-v1';

/** Widths made for every raster image, never above the source's own width. */
export const VARIANT_WIDTHS = [480, 800, 1200, 1600] as const;

/** File extension for each content type we store. */
export const EXTENSIONS = {
  'image/avif': 'avif',
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;

/** Key of one variant: `img/<hash>/<width>.<ext>`. */
export const variantKey = (hash: string, width: number, ext: string) => `img/${hash}/${width}.${ext}`;

/** Key of a share card: `card/<hash>.<ext>`. */
export const cardKey = (hash: string, ext: string) => `card/${hash}.${ext}`;

/** Keys the publisher names after their content: their bytes never change, so they can be cached forever. */
const CONTENT_HASHED = /^(?:img\/[0-9a-f]{16}\/\d{1,5}|card\/[0-9a-f]{16})\.(?:avif|webp|jpg|png)$/;

/** True for a key made by {@link variantKey} or {@link cardKey}. */
export function isContentHashedKey(key: string): boolean {
  return CONTENT_HASHED.test(key);
}

/** Site-relative URL path of a stored file. */
export const mediaPath = (key: string) => `/media/${key}`;
