/**
 * The cache tags a publish run must purge (see site/tags.ts): every answer that showed what changed carries one of
 * them. An answer names the articles it shows and the lists it draws from, so:
 * - an edited or taken-down article purges its own tag (every page that showed it), and, when it moved or left,
 *   the lists it was in (their later pages shift);
 * - a new or moved article purges the lists it joins (pages that did not show it yet, and the articles whose
 *   related articles come from those lists);
 * - every article change purges the feeds and sitemaps; a correction, the corrections pages;
 * - a writer's change, their page and the writers' index; a section's change, every page's chrome.
 * Pure: the publish step calls it with what it read before writing and what it wrote.
 */
import { type Section, sectionsOf } from '../content/sections.ts';
import type { Article } from '../content/types.ts';
import {
  AUTHORS_TAG,
  articleTag,
  authorTag,
  CHROME_TAG,
  CORRECTIONS_TAG,
  FEEDS_TAG,
  HOME_TAG,
  SITEMAPS_TAG,
  sectionTag,
  tagsOfList,
} from '../site/tags.ts';
import { listName, listsOf, TAG_LIST_PREFIX } from '../store/list-names.ts';
import type { PublishedState } from './plan.ts';
import type { PublishResult } from './publish.ts';

export interface PublishedChange {
  /** What D1 held before the run. */
  before: PublishedState;
  /** What the run wrote. */
  result: PublishResult;
  /** The site's sections after the run (content/site.yaml). */
  sections: readonly Section[];
  /** Writers written (new or changed) and removed. */
  authors: { written: readonly string[]; removed: readonly string[] };
}

/** The tags to purge after a run, each once, sorted; none when nothing changed. */
export function purgeTagsOf({ before, result, sections, authors }: PublishedChange): string[] {
  const tags = new Set<string>();
  const add = (...more: string[]) => {
    for (const tag of more) tags.add(tag);
  };
  const listTags = (lists: readonly string[]) => add(...lists.flatMap(tagsOfList));
  /** The lists an article was in before, from its stored place (`<ms>|<list>|<list>…`), with its sections. */
  const listsBefore = (slug: string) => {
    const lists = before.rows.get(slug)?.place.split('|').slice(1) ?? [];
    const articleTags = lists.filter((l) => l.startsWith(TAG_LIST_PREFIX)).map((l) => l.slice(TAG_LIST_PREFIX.length));
    return [...lists, ...sectionsOf(sections, articleTags).map((s) => listName({ section: s.slug }))];
  };
  const corrected = (article: Article) => article.corrections.length > 0;

  for (const article of result.added) {
    add(articleTag(article.slug));
    listTags(listsOf(article, sections));
    if (corrected(article)) add(CORRECTIONS_TAG);
  }
  for (const article of result.updated) {
    add(articleTag(article.slug));
    if (result.moved.has(article.slug)) listTags([...listsBefore(article.slug), ...listsOf(article, sections)]);
    if (corrected(article)) add(CORRECTIONS_TAG);
  }
  for (const slug of result.removed) {
    add(articleTag(slug));
    listTags(listsBefore(slug));
  }
  if (result.added.length + result.updated.length + result.removed.length > 0) add(FEEDS_TAG, SITEMAPS_TAG);

  for (const slug of [...authors.written, ...authors.removed]) add(authorTag(slug), AUTHORS_TAG, SITEMAPS_TAG);

  const changedSections = result.sections;
  if (changedSections?.changed) {
    add(CHROME_TAG, HOME_TAG, FEEDS_TAG, SITEMAPS_TAG);
    for (const slug of [...changedSections.rebuilt, ...changedSections.removed]) add(sectionTag(slug));
  }
  return [...tags].sort();
}
