/** Turns one source image into its published variants: checked, oriented, sRGB, metadata-free, right-sized. */
import sharp, { type OutputInfo } from 'sharp';
import { EXTENSIONS, variantKey } from '../../../media/keys.ts';
import type { ImageVariant, MediaImage, RasterType } from '../../../media/types.ts';
import { checkImage, type ImageProblem } from './check.ts';
import { encodeAs } from './encode.ts';
import { sourceHash } from './hash.ts';
import { MAX_SOURCE_PIXELS } from './limits.ts';
import { variantWidths } from './widths.ts';

/** One file to upload to R2. */
export interface MediaFile {
  key: string;
  contentType: RasterType;
  bytes: Uint8Array;
}

/** The manifest of a processed image and the files it names. */
export interface ProcessedImage {
  image: MediaImage;
  files: MediaFile[];
}

/** Decoded pixels, 8 bits per channel, sRGB. */
interface Pixels {
  data: Buffer;
  info: OutputInfo;
}

/** The fallback `<img src>` width: the largest variant a desktop column needs. */
const FALLBACK_WIDTH = 1200;

/** Decodes a checked image once: EXIF orientation applied, ICC converted to sRGB, first frame of an animation. */
async function decode(bytes: Uint8Array, density: number | undefined): Promise<Pixels> {
  const input = sharp(bytes, {
    limitInputPixels: MAX_SOURCE_PIXELS,
    ...(density === undefined ? {} : { density }),
  });
  return input.autoOrient().toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
}

/** True when every pixel's alpha is 255, so the image can be a JPEG. */
function isOpaque({ data, info }: Pixels): boolean {
  if (info.channels !== 4) return true;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false;
  return true;
}

const fromRaw = ({ data, info }: Pixels) =>
  sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });

/**
 * Checks and processes a source image: AVIF, WebP and a JPEG (PNG when it has transparency) at every width of
 * {@link variantWidths}. Returns a problem, worded for the content check, when the file is refused.
 */
export async function processImage(bytes: Uint8Array, name: string): Promise<ProcessedImage | ImageProblem> {
  const checked = await checkImage(bytes, name);
  if ('problem' in checked) return checked;
  let pixels: Pixels;
  try {
    pixels = await decode(bytes, checked.density);
  } catch (error) {
    return { problem: `"${name}" cannot be decoded: ${(error as Error).message}` };
  }
  const opaque = isOpaque(pixels);
  const fallbackType: RasterType = opaque ? 'image/jpeg' : 'image/png';
  const types: RasterType[] = ['image/avif', 'image/webp', fallbackType];
  const hash = sourceHash(bytes);
  const source = opaque && pixels.info.channels === 4 ? fromRaw(pixels).removeAlpha() : fromRaw(pixels);

  const files: MediaFile[] = [];
  const variants: ImageVariant[] = [];
  for (const width of variantWidths(pixels.info.width)) {
    const resized: Pixels = await source
      .clone()
      .resize({ width, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    // The three encoders of one width run side by side on sharp's thread pool.
    const encoded = await Promise.all(
      types.map((type) => encodeAs(fromRaw(resized), type).toBuffer({ resolveWithObject: true })),
    );
    encoded.forEach(({ data, info }, i) => {
      const contentType = types[i] as RasterType;
      const key = variantKey(hash, info.width, EXTENSIONS[contentType]);
      files.push({ key, contentType, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
      variants.push({ key, width: info.width, height: info.height, contentType, bytes: data.byteLength });
    });
  }
  variants.sort((a, b) => a.contentType.localeCompare(b.contentType) || a.width - b.width);
  const fallbacks = variants.filter((v) => v.contentType === fallbackType);
  const fallback = fallbacks.filter((v) => v.width <= FALLBACK_WIDTH).at(-1) ?? (fallbacks[0] as ImageVariant);
  return {
    image: { v: 1, hash, width: pixels.info.width, height: pixels.info.height, variants, fallback },
    files,
  };
}
