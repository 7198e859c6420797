/** One request as the site layer sees it: the archive through the isolate's caches, D1, the time and the site's URL. */
import type { IsolateCaches } from '../cache/isolate.ts';
import { type Archive, openArchive } from './archive.ts';

export interface SiteRequest {
  archive: Archive;
  /** For reads that do not go through the archive's caches (feeds, sitemaps, search). */
  db: D1Database;
  caches: IsolateCaches;
  /** The request's time, epoch ms. */
  now: number;
  /** SITE_URL: every absolute URL comes from it, never from the request's Host. */
  siteUrl: string;
}

export function siteRequest(db: D1Database, caches: IsolateCaches, siteUrl: string, now: number): SiteRequest {
  return { archive: openArchive(db, caches, now), db, caches, now, siteUrl };
}
