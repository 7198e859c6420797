/**
 * Node-only: what each content file's metadata said when its text last had a known hash, so that a publish into a
 * 100,000-article archive reads the one edited file instead of all of them. A file is skipped only when its stamp
 * (size, modification and change times, inode) is the one recorded here *and* the recorded hash is the one D1
 * holds for it (incremental.ts): a lost, stale or foreign stamps file costs a full read, never a missed edit.
 * Saving a file rewrites it (new modification time); replacing it (rename) changes its inode; restoring an old
 * modification time (`touch -d`, `cp -p`) changes its change time.
 */
import type { Stats } from 'node:fs';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PUBLISH_FORMAT } from '../../content/build.ts';

/**
 * A file changed this close to being read may change again within the same timestamp tick (milliseconds here, 2 s
 * on FAT) without its stamp changing: it gets no stamp and is read again next time.
 */
const FRESH_MS = 2_000;

/** The stamp of a file read at `readAt` (ms since the epoch), or null while it is too fresh to vouch for its text. */
export function stampOf(stat: Stats, readAt: number): string | null {
  if (Math.max(stat.mtimeMs, stat.ctimeMs) > readAt - FRESH_MS) return null;
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** By file path (as content files name it): its stamp, and the hash of its text when it had that stamp. */
export type Stamps = Map<string, { stamp: string; hash: string }>;

/** Stamps saved under another publish format vouch for hashes D1 will no longer match: they are dropped. */
const FORMAT = `2/${PUBLISH_FORMAT}`;

/** The stamps saved by the last publish to this database; none when the file is missing or unreadable. */
export function loadStamps(file: string): Stamps {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { v: unknown; files: Record<string, [string, string]> };
    if (saved.v !== FORMAT) return new Map();
    return new Map(Object.entries(saved.files).map(([path, [stamp, hash]]) => [path, { stamp, hash }]));
  } catch {
    return new Map();
  }
}

/**
 * Replaces the saved stamps with `stamps` in one step (write, then rename: a crash leaves the old file or the new
 * one), unless they equal `loaded`, what the file held.
 */
export function saveStamps(file: string, stamps: Stamps, loaded: Stamps): void {
  const same =
    stamps.size === loaded.size &&
    [...stamps].every(
      ([path, { stamp, hash }]) => loaded.get(path)?.stamp === stamp && loaded.get(path)?.hash === hash,
    );
  if (same) return;
  const files: Record<string, [string, string]> = {};
  for (const [path, { stamp, hash }] of stamps) files[path] = [stamp, hash];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ v: FORMAT, files }));
  renameSync(`${file}.tmp`, file);
}
