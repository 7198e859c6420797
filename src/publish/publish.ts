/**
 * One publish run against a D1 database: read what it holds, plan the difference with the built articles, write
 * only that. Runs unchanged in Node (the publish script) and in workerd (the tests seed their D1 with it).
 */
import type { Article } from '../content/types.ts';
import { isEmptyPlan, type PublishPlan, planPublish } from './plan.ts';
import { readPublishedState, renumberLists, type WriteProgress, writePlan } from './write.ts';

export interface PublishOptions {
  /** When removed articles are recorded as taken down. */
  now: Date;
  onProgress?: WriteProgress;
}

/** Publishes `articles` (the whole of content/, validated): adds, updates and takes down what changed. */
export async function publishArticles(
  db: D1Database,
  articles: readonly Article[],
  { now, onProgress }: PublishOptions,
): Promise<PublishPlan> {
  const plan = planPublish(articles, await readPublishedState(db));
  if (!isEmptyPlan(plan)) {
    await writePlan(db, plan, { removedAt: now.toISOString(), ...(onProgress ? { onProgress } : {}) });
  }
  // Also after an empty plan: repairs the numbering a previous, interrupted run left behind (a read when it is fine).
  await renumberLists(db);
  return plan;
}
