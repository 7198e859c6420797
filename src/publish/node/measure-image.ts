/**
 * Node-only: finds and measures local images so pages can reserve their space: `/media/…` in the content's media
 * folder (published to R2), anything else under public/.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { imageSize } from 'image-size';
import type { MeasureImage } from '../../content/build.ts';
import { sniffImage } from './media/check.ts';
import { sourceHash } from './media/hash.ts';

/** The folder inside content/ that holds photos, and the path prefix articles reference them with. */
export const MEDIA_FOLDER = 'media';

/** True for a src that names a file of the media folder (`/media/photo.jpg`). */
export const isMediaSrc = (src: string) => src.startsWith(`/${MEDIA_FOLDER}/`);

/** Where local images live: public/ and the content's media folder. */
export interface ImageFolders {
  root: string;
  publicDir: string;
  /** content/media; without it, every local image is looked up under public/. */
  mediaDir?: string;
}

/** The file a local image src names, or the problem with it. */
export function localImageFile({ root, publicDir, mediaDir }: ImageFolders, src: string): string | { problem: string } {
  const inMedia = mediaDir !== undefined && isMediaSrc(src);
  const base = inMedia ? mediaDir : publicDir;
  const rest = inMedia ? src.slice(MEDIA_FOLDER.length + 1) : src;
  const folder = `${basename(base)}/`;
  let parts: string[];
  try {
    parts = rest.split('/').map((part) => decodeURIComponent(part));
  } catch {
    return { problem: `expected a valid percent-encoded path, got "${src}"` };
  }
  const full = join(base, ...parts);
  const inside = relative(base, full);
  if (parts.some((part) => part === '..' || part.includes('/') || part.includes('\\')) || inside.startsWith('..')) {
    return { problem: `expected a path inside ${folder}, got "${src}"` };
  }
  if (!existsSync(full)) return { problem: `file not found: expected ${relative(root, full)} to exist` };
  const stat = lstatSync(full);
  // A link could publish a file from anywhere on the machine.
  if (stat.isSymbolicLink()) return { problem: `${relative(root, full)} is a symbolic link; expected a regular file` };
  if (!stat.isFile()) return { problem: `file not found: expected ${relative(root, full)} to exist` };
  return full;
}

/** A MeasureImage over public/ and the media folder; media images also carry their source hash. */
export function measureFrom(root: string, publicDir: string, mediaDir?: string): MeasureImage {
  const folders: ImageFolders = mediaDir === undefined ? { root, publicDir } : { root, publicDir, mediaDir };
  return (src) => {
    const full = localImageFile(folders, src);
    if (typeof full !== 'string') return full.problem;
    try {
      const bytes = readFileSync(full);
      const media = mediaDir !== undefined && isMediaSrc(src);
      // What can be told without a decoder is told here, worded as the content check words it.
      const sniffed = media ? sniffImage(bytes, src.slice(1)) : null;
      if (sniffed !== null && typeof sniffed !== 'string') return sniffed.problem;
      const { width, height } = imageSize(bytes);
      if (!width || !height) return `could not read the image size of ${relative(root, full)}`;
      return media ? { width, height, hash: sourceHash(bytes) } : { width, height };
    } catch (error) {
      return `could not read the image size of ${relative(root, full)}: ${(error as Error).message}`;
    }
  };
}
