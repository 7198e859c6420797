/**
 * Names of the lists the archive keeps in `listings`: every list the site serves is one of them, so every list
 * query is one index range. Shared by the publish step (which fills them) and the Worker (which reads them).
 */
import type { ArticleMeta } from '../content/types.ts';

/** What a list shows: all articles, or those with a tag, optionally only top (or only not top) ones. */
export interface ListFilter {
  tag?: string | undefined;
  top?: boolean | undefined;
}

/** The list that answers a filter, e.g. `all`, `top`, `t:لبنان`, `t:لبنان|rest`. */
export function listName({ tag, top }: ListFilter): string {
  const topPart = top === undefined ? '' : top ? 'top' : 'rest';
  if (tag === undefined) return topPart || 'all';
  return topPart ? `t:${tag}|${topPart}` : `t:${tag}`;
}

/** Every list an article belongs to. */
export function listsOf(article: Pick<ArticleMeta, 'tags' | 'top'>): string[] {
  const lists = [listName({}), listName({ top: article.top })];
  for (const tag of article.tags) lists.push(listName({ tag }), listName({ tag, top: article.top }));
  return lists;
}
