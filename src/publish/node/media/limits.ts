/** What the newsroom may upload: the limits the content check enforces before any pixel is decoded. */

/** Largest source file accepted: a full-resolution camera JPEG is well under this. */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

/** Most pixels a source may have (a 61-megapixel camera fits; a 20,000 × 20,000 bomb does not). */
export const MAX_SOURCE_PIXELS = 70_000_000;

/** Width an SVG is rasterized at: as wide as the largest variant. */
export const SVG_RASTER_WIDTH = 1600;

const MB = 1024 * 1024;

/** "25 MB", "3.4 MB" or "12 KB": sizes as an editor reads them. */
export function formatBytes(n: number): string {
  if (n >= MB) return `${Number.isInteger(n / MB) ? n / MB : (n / MB).toFixed(1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

/** "400" or "61.2": megapixels with at most one decimal. */
export function formatMegapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  return Number.isInteger(mp) ? String(mp) : mp.toFixed(1);
}
