/**
 * Publishing over a simulated network (bench/network-publish.ts): one edit in the largest archive, already
 * published locally, and a full publish of one archive into a fresh database.
 */
import { join } from 'node:path';
import { networkFullPublish, networkOneEdit } from '../network-publish.ts';
import type { PublishedArchive } from './archive-scale.ts';
import { ROOT, type Row, TMP } from './context.ts';

/** One edit in `archive`: it changes the archive's files and D1, so it runs after every step that reads them. */
export async function networkEditStep(archive: PublishedArchive): Promise<Row[]> {
  process.stderr.write(`bench: network: one edit in ${archive.size.toLocaleString('en-US')} articles\n`);
  return networkOneEdit(ROOT, archive.content, archive.persist, archive.size);
}

/** A full publish of `archive`'s files into a database of its own (the archive's D1 is left as it is). */
export async function networkFullStep(archive: PublishedArchive): Promise<Row[]> {
  process.stderr.write(`bench: network: full publish of ${archive.size.toLocaleString('en-US')} articles\n`);
  return networkFullPublish(ROOT, archive.content, join(TMP, `net-d1-${archive.size}`), archive.size);
}
