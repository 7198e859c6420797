/**
 * One publish run against a D1 database: read what it holds, plan the difference with the built articles, write
 * only that. Runs unchanged in Node (the publish script) and in workerd (the tests seed their D1 with it).
 */
import type { SiteConfig } from '../content/sections.ts';
import type { Article } from '../content/types.ts';
import { isEmptyPlan, type PublishedState, type PublishPlan, planPublish } from './plan.ts';
import { publishSections, type SectionsWritten } from './sections.ts';
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
  /** At most this many articles per D1 batch (default 200). */
  perBatch?: number;
  /** content/site.yaml: its sections are written too, and articles join their lists. Without it, sections stay. */
  site?: SiteConfig;
}

/** What a run wrote: the plan, and the sections it changed (null without a site config). */
export interface PublishResult extends PublishPlan {
  sections: SectionsWritten | null;
}

/**
 * Publishes the whole of content/ (built and validated `articles`, plus `kept` slugs): adds, updates and takes
 * down what changed.
 */
export async function publishArticles(
  db: D1Database,
  articles: readonly Article[],
  { now, state, kept, sourceHashes, onProgress, perBatch, site }: PublishOptions,
): Promise<PublishResult> {
  const published = state ?? (await readPublishedState(db));
  const plan = planPublish(articles, published, kept);
  // A file edited without changing the article (a YAML comment, spacing) leaves it unchanged; its new text hash is
  // still recorded, or the next run would read and build that file again.
  const rehashed = articles.flatMap((article) => {
    const hash = sourceHashes?.get(article.file);
    const row = published.rows.get(article.slug);
    return hash && row?.version === article.version && row.sourceHash !== hash ? [{ slug: article.slug, hash }] : [];
  });
  for (let i = 0; i < rehashed.length; i += 500) {
    await db.batch(
      rehashed
        .slice(i, i + 500)
        .map(({ slug, hash }) => db.prepare('UPDATE articles SET source_hash = ?1 WHERE slug = ?2').bind(hash, slug)),
    );
  }
  if (!isEmptyPlan(plan)) {
    await writePlan(db, plan, {
      removedAt: now.toISOString(),
      ...(sourceHashes ? { sourceHashes } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(perBatch ? { perBatch } : {}),
      ...(site ? { sections: site.sections } : {}),
    });
  }
  // Also after an empty plan: repairs the numbering a run from before in-batch numbering left (a read when fine).
  await renumberLists(db);
  // After the articles, whose new and moved entries already joined their sections' lists: a section that is new
  // or gathers other tags is rebuilt from its tags' lists.
  const sections = site ? await publishSections(db, site.sections) : null;
  return { ...plan, sections };
}
