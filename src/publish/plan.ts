/** What a publish run must write: the difference between the built articles and what D1 holds. Pure. */
import type { Article, ArticleMeta } from '../content/types.ts';
import { listsOf } from '../store/list-names.ts';
import { publishedMs } from '../store/rows.ts';

/** Where an article sits in the lists: its time and every list it is in. Unchanged, its list entries stay. */
export const placeOf = (article: Pick<ArticleMeta, 'publishedAt' | 'tags' | 'top' | 'breaking' | 'authors'>) =>
  `${publishedMs(article)}|${listsOf(article).join('|')}`;

/** One published article as the publish step sees it in D1. */
export interface PublishedRow {
  slug: string;
  file: string;
  version: string;
  /** Hash of the source file's text when it was published. */
  sourceHash: string;
  /** Its place in the lists when it was published (see placeOf). */
  place: string;
  /** Its share card's key, when it has one. */
  card: string | null;
  /** The local images it uses (lead and body) with the sizes measured then. */
  images: Record<string, { width: number | null; height: number | null; hash?: string }>;
}

/** What D1 holds now: every published article, and the slugs taken down. */
export interface PublishedState {
  rows: Map<string, PublishedRow>;
  takedowns: Set<string>;
}

export interface PublishPlan {
  /** Articles D1 does not hold (new, or coming back after a takedown). */
  added: Article[];
  /** Articles whose version changed. */
  updated: Article[];
  /** Slugs of updated articles whose time, tags or top flag changed: only their list entries are rewritten. */
  moved: Set<string>;
  /** Slugs D1 holds that are no longer in content/ (file removed, renamed slug, or turned into a draft). */
  removed: string[];
  unchanged: number;
}

/**
 * Compares built articles (and the slugs of files known unchanged without building them) with the published
 * state. Unchanged articles are left alone; published slugs in neither set are taken down.
 */
export function planPublish(
  articles: readonly Article[],
  state: PublishedState,
  kept: ReadonlySet<string> = new Set(),
): PublishPlan {
  const plan: PublishPlan = { added: [], updated: [], moved: new Set(), removed: [], unchanged: kept.size };
  const present = new Set<string>(kept);
  for (const article of articles) {
    present.add(article.slug);
    const row = state.rows.get(article.slug);
    if (row === undefined) plan.added.push(article);
    else if (row.version !== article.version) {
      plan.updated.push(article);
      if (row.place !== placeOf(article)) plan.moved.add(article.slug);
    } else plan.unchanged++;
  }
  for (const slug of state.rows.keys()) if (!present.has(slug)) plan.removed.push(slug);
  plan.removed.sort();
  return plan;
}

/** True when the plan writes nothing. */
export const isEmptyPlan = (plan: PublishPlan) =>
  plan.added.length === 0 && plan.updated.length === 0 && plan.removed.length === 0;

/** One line for people: `added 1, updated 0, removed 2, unchanged 97`. */
export const describePlan = (plan: PublishPlan) =>
  `added ${plan.added.length}, updated ${plan.updated.length}, removed ${plan.removed.length}, unchanged ${plan.unchanged}`;
