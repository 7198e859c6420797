/**
 * Node-only: reads the content folder for the content check and the publish step: which files count, and how
 * their bytes become text. Every file is either read or a problem naming it; nothing here throws for one bad file.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { AUTHORS_FOLDER } from '../../content/authors.ts';
import type { SourceFile } from '../../content/build.ts';
import { stampOf } from './file-stamps.ts';

/** Files tools leave behind that are nobody's article. Any other file is either an article or an error. */
const IGNORED_FILES: ReadonlySet<string> = new Set(['.DS_Store', '.gitkeep', 'Thumbs.db']);

/** The one folder allowed among the articles: the photos they use (see measure-image.ts). */
const MEDIA_FOLDER = 'media';
/** The site's own settings (content/site.yaml, read by site-file.ts), beside the articles. */
export const SITE_FILE = 'site.yaml';

/** The article files read, and one `file: field: problem` line for every file that could not be. */
export interface ContentFiles {
  files: SourceFile[];
  problems: string[];
  /** Paths of the article files `skip` said need no reading. */
  skipped: string[];
  /** The stamp (file-stamps.ts) of every article file read or skipped, unless it was too fresh to have one. */
  stamps: Map<string, string>;
}

/** Whether the file at `path` (relative to root) is known by its stamp, so that its text need not be read. */
export type SkipFile = (path: string, stamp: string) => boolean;

/**
 * Reads every file of `dir` (relative to `root`, or absolute); paths in files and problems are relative to `root`.
 * Symbolic links are refused, not followed (a link could publish a file from anywhere on the machine), as are
 * folders (but `media/`, photos read by the image checks, and `authors/`, read by author-files.ts), non-`*.md` files
 * (but site.yaml) and hidden files. Text must be UTF-8; see decodeArticle.
 * An article file `skip` accepts by its stamp is listed in `skipped` instead of being read; `now` is the clock.
 */
export function readContentFolder(
  root: string,
  dir: string,
  skip: SkipFile = () => false,
  now: () => number = Date.now,
): ContentFiles {
  const contentDir = resolve(root, dir);
  const files: SourceFile[] = [];
  const problems: string[] = [];
  const skipped: string[] = [];
  const stamps = new Map<string, string>();
  const folder = basename(contentDir);
  let names: string[];
  try {
    names = readdirSync(contentDir).sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'folder not found' : String(error);
    return { files, problems: [`${relative(root, contentDir) || contentDir}: ${reason}`], skipped, stamps };
  }
  for (const name of names) {
    if (IGNORED_FILES.has(name)) continue;
    const full = join(contentDir, name);
    const path = relative(root, full) || name;
    try {
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        problems.push(
          `${path}: file: symbolic link; expected a regular file inside ${folder}/ (links are not followed)`,
        );
        continue;
      }
      if (name === MEDIA_FOLDER && stat.isDirectory()) continue;
      if (name === SITE_FILE && stat.isFile()) continue;
      if (name === AUTHORS_FOLDER && stat.isDirectory()) continue;
      if (!name.toLowerCase().endsWith('.md') || !stat.isFile()) {
        problems.push(`${path}: file: expected only markdown article files (*.md) in ${folder}/`);
        continue;
      }
      if (name.startsWith('.')) {
        problems.push(
          `${path}: file: hidden article file; expected a name without a leading dot (use draft: true to hold an article back)`,
        );
        continue;
      }
      const stamp = stampOf(stat, now());
      if (stamp !== null) stamps.set(path, stamp);
      if (stamp !== null && skip(path, stamp)) {
        skipped.push(path);
        continue;
      }
      const text = decodeArticle(readFileSync(full));
      if (typeof text === 'string') files.push({ path, text });
      else problems.push(`${path}: encoding: ${text.problem}`);
    } catch (error) {
      problems.push(`${path}: file: could not be read (${(error as Error).message})`);
    }
  }
  return { files, problems, skipped, stamps };
}

/**
 * Turns a file's bytes into text: UTF-8 (a leading byte order mark is dropped), with CRLF and CR-only line
 * endings read as LF. UTF-16, with or without a byte order mark, and invalid UTF-8 are problems that say so
 * (with the byte offset of the first invalid sequence), never text with U+FFFD in it.
 */
export function decodeArticle(bytes: Uint8Array): string | { problem: string } {
  const utf16 = utf16Kind(bytes);
  if (utf16) return { problem: `the file is encoded as UTF-16 (${utf16}); expected UTF-8: save it again as UTF-8` };
  let text: string;
  try {
    // The native decoder checks validity; the byte-by-byte scan below only runs to name the offset.
    text = strictUtf8.decode(bytes);
  } catch {
    const offset = invalidUtf8Offset(bytes) ?? 0;
    return {
      problem: `invalid UTF-8 at byte offset ${offset} (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}); expected a UTF-8 text file: save it again as UTF-8`,
    };
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Refuses invalid UTF-8 instead of replacing it with U+FFFD; drops a leading byte order mark. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** "little-endian, with byte order mark" and the like when the bytes look like UTF-16, else null. */
function utf16Kind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, with byte order mark';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, with byte order mark';
  // Without a mark: ASCII in UTF-16 has a zero byte in every pair. A UTF-8 article has none at all.
  const sample = Math.min(bytes.length, 512) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (pairs >= 2 && oddZeros >= pairs / 4 && evenZeros === 0) return 'little-endian, without byte order mark';
  if (pairs >= 2 && evenZeros >= pairs / 4 && oddZeros === 0) return 'big-endian, without byte order mark';
  return null;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or null. */
export function invalidUtf8Offset(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += length;
  }
  return null;
}
