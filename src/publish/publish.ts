/**
 * One publish run against a D1 database: read what it holds, plan the difference with the built articles, write
 * only that. Runs unchanged in Node (the publish script) and in workerd (the tests seed their D1 with it).
 */
import type { Article } from '../content/types.ts';
import { isEmptyPlan, type PublishedState, type PublishPlan, planPublish } from './plan.ts';
import { readPublishedState, renumberLists, type WriteProgress, writePlan } from './write.ts';

export interface PublishOptions {
  /** When removed articles are recorded as taken down. */
  now: Date;
  /** What D1 holds, when the caller has already read it. */
  state?: PublishedState;
  /** Slugs of files known unchanged without building them (same text and images as when published). */
  kept?: ReadonlySet<string>;
  /** Hash of each source file's text, by path, stored so the next run can skip unchanged files. */
  sourceHashes?: ReadonlyMap<string, string>;
  onProgress?: WriteProgress;
}

/**
 * Publishes the whole of content/ (built and validated `articles`, plus `kept` slugs): adds, updates and takes
 * down what changed.
 */
export async function publishArticles(
  db: D1Database,
  articles: readonly Article[],
  { now, state, kept, sourceHashes, onProgress }: PublishOptions,
): Promise<PublishPlan> {
  const plan = planPublish(articles, state ?? (await readPublishedState(db)), kept);
  if (!isEmptyPlan(plan)) {
    await writePlan(db, plan, {
      removedAt: now.toISOString(),
      ...(sourceHashes ? { sourceHashes } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
  }
  // Also after an empty plan: repairs the numbering a previous, interrupted run left behind (a read when it is fine).
  await renumberLists(db);
  return plan;
}
