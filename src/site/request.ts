/** One request as the site layer sees it: the archive through the isolate's caches, D1, the time and the site's URL. */

import type { ColoCache } from '../cache/colo.ts';
import type { IsolateCaches } from '../cache/isolate.ts';
import type { D1Reader, RequestReads } from '../store/session.ts';
import { type Archive, openArchive } from './archive.ts';

export interface SiteRequest {
  archive: Archive;
  /** For reads that do not go through the archive's caches (feeds, sitemaps, search). */
  db: D1Reader;
  caches: IsolateCaches;
  /** The request's time, epoch ms. */
  now: number;
  /** SITE_URL: every absolute URL comes from it, never from the request's Host. */
  siteUrl: string;
  /** The colo's shared cache of templates, the deployed version that keys it, and how to write it after the response. */
  colo: ColoCache;
  version: string;
  waitUntil: (promise: Promise<unknown>) => void;
}

/** What a request brings besides its database: the isolate's caches and the colo's, the site and the version. */
export interface RequestContext {
  caches: IsolateCaches;
  colo: ColoCache;
  siteUrl: string;
  version: string;
  now: number;
  waitUntil: (promise: Promise<unknown>) => void;
}

export function siteRequest(reads: RequestReads, context: RequestContext): SiteRequest {
  return { ...context, archive: openArchive(reads, context.caches, context.now), db: reads.session };
}
