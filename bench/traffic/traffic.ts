/**
 * The readers: a deterministic stream of requests (arrival time, colo, path) from a seed. Baseline traffic is a
 * Poisson process over the site's routes with Zipf-like popularity; during the spike the rate is `spikeFactor`
 * times the baseline, the extra all on one new article (and the front page that leads to it).
 */
import { COLOS } from './colos.ts';
import { exponentialGapMs, seeded, weighted, zipf } from './random.ts';

/** What a request asks for, for the report (the path says exactly which page). */
export const ROUTE_KINDS = [
  'article',
  'amp',
  'article api',
  'front',
  'front api',
  'section',
  'tag',
  'archive page',
  'list api',
  'search',
  'feed',
  'sitemap',
  'missing article',
] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export interface SimRequest {
  /** Arrival, ms since the start of the run. */
  t: number;
  /** Index into COLOS. */
  colo: number;
  path: string;
  kind: RouteKind;
  /** Part of the spike's extra traffic. */
  spike: boolean;
}

export interface TrafficPlan {
  seed: number;
  durationMs: number;
  /** Requests a second over the whole world outside the spike. */
  baselineRps: number;
  spike: { startMs: number; durationMs: number; factor: number; slug: string };
  /** Slugs readers pick articles from, newest first (the newest 5,000 of the archive). */
  recent: readonly string[];
  sections: readonly string[];
  /** Tags, most used first. */
  tags: readonly string[];
  /** Search queries, most asked first. */
  queries: readonly string[];
  /** Archive pages readers reach (`/page/2` …). */
  archivePages: number;
}

/** Share of baseline requests per kind (percent). Bots and old links make the missing articles. */
const BASELINE_MIX: readonly { weight: number; value: RouteKind }[] = [
  { weight: 52.5, value: 'article' },
  { weight: 4, value: 'amp' },
  { weight: 3, value: 'article api' },
  { weight: 15, value: 'front' },
  { weight: 3, value: 'front api' },
  { weight: 7, value: 'section' },
  { weight: 4, value: 'tag' },
  { weight: 1.5, value: 'archive page' },
  { weight: 3, value: 'list api' },
  { weight: 1, value: 'search' },
  { weight: 3.5, value: 'feed' },
  { weight: 1, value: 'sitemap' },
  { weight: 1.5, value: 'missing article' },
];

/** Share of the spike's extra requests per kind (percent): the story, and the front page that leads to it. */
const SPIKE_MIX: readonly { weight: number; value: RouteKind }[] = [
  { weight: 80, value: 'article' },
  { weight: 5, value: 'amp' },
  { weight: 3, value: 'article api' },
  { weight: 10, value: 'front' },
  { weight: 2, value: 'front api' },
];

/** Every request of the run, in arrival order. The same plan always gives the same stream. */
export function* requests(plan: TrafficPlan): Generator<SimRequest> {
  const rnd = seeded(plan.seed);
  const colo = weighted(COLOS.map((c, i) => ({ weight: c.weight, value: i })));
  const baselineKind = weighted(BASELINE_MIX);
  const spikeKind = weighted(SPIKE_MIX);
  const article = zipf(plan.recent.length, 1.0);
  const section = zipf(plan.sections.length, 0.8);
  const tag = zipf(plan.tags.length, 1.0);
  const query = zipf(plan.queries.length, 1.0);
  const archivePage = zipf(Math.max(1, plan.archivePages - 1), 1.2);
  // A fixed pool of dead links, popular like articles are.
  const missing = zipf(2_000, 1.0);
  const spikeEnd = plan.spike.startMs + plan.spike.durationMs;
  const segments = [
    { from: 0, to: plan.spike.startMs, rps: plan.baselineRps },
    { from: plan.spike.startMs, to: spikeEnd, rps: plan.baselineRps * plan.spike.factor },
    { from: spikeEnd, to: plan.durationMs, rps: plan.baselineRps },
  ];
  const extraShare = 1 - 1 / plan.spike.factor;
  const pathOf = (kind: RouteKind, spike: boolean): string => {
    const slug = spike ? plan.spike.slug : (plan.recent[article(rnd)] as string);
    switch (kind) {
      case 'article':
        return `/articles/${slug}`;
      case 'amp':
        return `/articles/${slug}/amp`;
      case 'article api':
        return `/api/articles/${slug}`;
      case 'front':
        return '/';
      case 'front api':
        return '/api/front';
      case 'section': {
        const name = plan.sections[section(rnd)] as string;
        return rnd() < 0.15 ? `/sections/${name}/page/2` : `/sections/${name}`;
      }
      case 'tag':
        return `/tags/${encodeURIComponent(plan.tags[tag(rnd)] as string)}`;
      case 'archive page':
        return `/page/${2 + archivePage(rnd)}`;
      case 'list api':
        return rnd() < 0.6 ? '/api/articles' : `/api/articles?tag=${encodeURIComponent(plan.tags[tag(rnd)] as string)}`;
      case 'search':
        return `/search?q=${encodeURIComponent(plan.queries[query(rnd)] as string)}`;
      case 'feed':
        return rnd() < 0.8 ? '/feed.xml' : '/feed.json';
      case 'sitemap':
        return rnd() < 0.5 ? '/news-sitemap.xml' : '/sitemap.xml';
      case 'missing article':
        return `/articles/old-link-${missing(rnd)}`;
    }
  };
  for (const { from, to, rps } of segments) {
    if (to <= from) continue;
    let t = from;
    for (;;) {
      t += exponentialGapMs(rnd, rps);
      if (t >= to) break;
      const spike = from === plan.spike.startMs && rnd() < extraShare;
      const kind = spike ? spikeKind(rnd) : baselineKind(rnd);
      yield { t, colo: colo(rnd), path: pathOf(kind, spike), kind, spike };
    }
  }
}
