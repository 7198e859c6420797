/**
 * The story of the spike: one new article, built by the content code and written into the primary by the real
 * publish step (`publishArticles`, src/publish/publish.ts) at the spike's start, while every other article is
 * kept as it is.
 */
import { buildContent } from '../../src/content/build.ts';
import { parseSiteConfig } from '../../src/content/site-config.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { readPublishedState } from '../../src/publish/write.ts';
import { SITE_YAML, syntheticArticle } from '../archive.ts';

export const SPIKE_SLUG = 'breaking-port-explosion';

/** The article's file: a top story in the Lebanon section, dated at the publish time. */
export function spikeArticleText(publishedAt: Date): string {
  const body = syntheticArticle(7, 10).text.split('---\n').at(-1)?.trim() ?? '';
  return `---
title: "انفجار في مرفأ بيروت: ما نعرفه حتى الآن"
date: ${publishedAt.toISOString().slice(0, 19)}Z
slug: ${SPIKE_SLUG}
tags: ["لبنان", "بيروت", "مرفأ"]
top: true
---

${body}
`;
}

/**
 * Prepares the publish of the spike's article into `db` (reading what the archive holds now, which takes seconds
 * at 100,000 articles); the returned function writes it, as one publish run would.
 */
export async function preparePublish(db: D1Database, publishedAt: Date): Promise<() => Promise<string>> {
  const site = parseSiteConfig(SITE_YAML, 'content/site.yaml');
  if (!site.ok) throw new Error(site.errors.map(String).join('\n'));
  const built = buildContent(
    [{ path: `content/${SPIKE_SLUG}.md`, text: spikeArticleText(publishedAt) }],
    () => 'none',
    {
      now: publishedAt.getTime(),
    },
  );
  if (built.errors.length > 0) throw new Error(built.errors.map(String).join('\n'));
  const state = await readPublishedState(db);
  const kept = new Set(state.rows.keys());
  return async () => {
    const result = await publishArticles(db, built.articles, { now: publishedAt, state, kept, site: site.config });
    return `added ${result.added.length}, updated ${result.updated.length}, removed ${result.removed.length}`;
  };
}
