/**
 * Names of the lists the archive keeps in `listings`: every list the site serves is one of them, so every list
 * query is one index range. Shared by the publish step (which fills them) and the Worker (which reads them).
 */
import type { Section } from '../content/sections.ts';
import type { ArticleMeta } from '../content/types.ts';

/**
 * What a list shows: all articles, those with a tag, or a section's; optionally only top (or only not top) ones
 * (not for sections); or the breaking ones.
 */
export interface ListFilter {
  tag?: string | undefined;
  top?: boolean | undefined;
  /** A section's slug: the articles having any of its tags. */
  section?: string | undefined;
  /** The breaking articles (the "عاجل" bar reads the newest). */
  breaking?: true | undefined;
  /** A writer's slug: the articles naming them. */
  author?: string | undefined;
}

/** The list that answers a filter, e.g. `all`, `top`, `t:لبنان`, `t:لبنان|rest`, `s:lebanon`, `a:rana-haddad`, `breaking`. */
export function listName({ tag, top, section, breaking, author }: ListFilter): string {
  if (breaking) return 'breaking';
  if (section !== undefined) return `s:${section}`;
  if (author !== undefined) return `a:${author}`;
  const topPart = top === undefined ? '' : top ? 'top' : 'rest';
  if (tag === undefined) return topPart || 'all';
  return topPart ? `t:${tag}|${topPart}` : `t:${tag}`;
}

/** The prefix of every section list: `s:` then the slug. */
export const SECTION_LIST_PREFIX = 's:';
/** The prefix of every tag list: `t:` then the tag. */
export const TAG_LIST_PREFIX = 't:';

/**
 * Every list an article belongs to. Without `sections`, those its own fields decide (its place: when they change,
 * the article moves); with them, also the lists of the sections its tags put it in.
 */
export function listsOf(
  article: Pick<ArticleMeta, 'tags' | 'top' | 'breaking' | 'authors'>,
  sections: readonly Pick<Section, 'slug' | 'tags'>[] = [],
): string[] {
  const lists = [listName({}), listName({ top: article.top })];
  for (const tag of article.tags) lists.push(listName({ tag }), listName({ tag, top: article.top }));
  if (article.breaking) lists.push(listName({ breaking: true }));
  for (const author of article.authors) lists.push(listName({ author: author.slug }));
  for (const section of sections) {
    if (section.tags.some((tag) => article.tags.includes(tag))) lists.push(listName({ section: section.slug }));
  }
  return lists;
}
