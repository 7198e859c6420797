/** Node-only: measures local images under public/ so pages can reserve their space. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { imageSize } from 'image-size';
import type { MeasureImage } from '../../content/build.ts';

/** A MeasureImage over the files of `publicDir` (paths in messages relative to `root`). */
export function measureFrom(root: string, publicDir: string): MeasureImage {
  return (src) => {
    let parts: string[];
    try {
      parts = src.split('/').map((part) => decodeURIComponent(part));
    } catch {
      return `expected a valid percent-encoded path, got "${src}"`;
    }
    const full = join(publicDir, ...parts);
    const inside = relative(publicDir, full);
    if (parts.some((part) => part === '..' || part.includes('/') || part.includes('\\')) || inside.startsWith('..')) {
      return `expected a path inside public/, got "${src}"`;
    }
    if (!existsSync(full) || !statSync(full).isFile()) {
      return `file not found: expected ${relative(root, full)} to exist`;
    }
    try {
      const { width, height } = imageSize(readFileSync(full));
      if (!width || !height) return `could not read the image size of ${relative(root, full)}`;
      return { width, height };
    } catch (error) {
      return `could not read the image size of ${relative(root, full)}: ${(error as Error).message}`;
    }
  };
}
