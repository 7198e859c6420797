/**
 * Cache tags: what an answer shows, named so that one change can purge exactly the answers that show it (Workers
 * Cache purges by tag). Version-independent: an article is named by its slug, a list by what it gathers. Tags are
 * ASCII without commas or spaces; a variable part (slugs and tags are Arabic) is a short hash.
 */
import type { ArticleMeta } from '../content/types.ts';
import { hash64 } from '../lib/hash.ts';
import type { ChromeRead } from '../store/chrome.ts';
import { SECTION_LIST_PREFIX, TAG_LIST_PREFIX } from '../store/list-names.ts';

/** Every page's chrome (sections bar, top-news band, breaking bar): changes with top and breaking articles. */
export const CHROME_TAG = 'chrome';
/** The front page and the archive's pages (/page/N). */
export const HOME_TAG = 'l:home';
export const FEEDS_TAG = 'feeds';
export const SITEMAPS_TAG = 'sitemaps';
export const CORRECTIONS_TAG = 'l:corrections';
export const AUTHORS_TAG = 'l:authors';

/** An article, on every answer that shows it. */
export const articleTag = (slug: string) => `a:${hash64(slug)}`;
export const tagListTag = (tag: string) => `l:tag:${hash64(tag)}`;
export const sectionTag = (slug: string) => `l:section:${hash64(slug)}`;
export const authorTag = (slug: string) => `l:author:${hash64(slug)}`;

/** The tags of articles an answer shows. */
export const articleTags = (articles: readonly Pick<ArticleMeta, 'slug'>[]) => articles.map((a) => articleTag(a.slug));

/** The tags of what a page's chrome shows: the chrome itself, the top-news band's and the breaking bar's articles. */
export const chromeTags = (chrome: ChromeRead): string[] => [
  CHROME_TAG,
  ...articleTags(chrome.top.items),
  ...(chrome.breaking ? [articleTag(chrome.breaking.slug)] : []),
];

/**
 * The tags of the answers that show a list of `listings` (see list-names.ts), when it changes. A top-or-not
 * suffix (`t:لبنان|top`) narrows a list without naming another: it may come as a name of its own (`top`, `rest`).
 */
export function tagsOfList(list: string): string[] {
  if (list === 'all' || list === 'rest') return [HOME_TAG];
  // The front page's lead and top stories, and the top-news band of every page.
  if (list === 'top') return [HOME_TAG, CHROME_TAG];
  if (list === 'breaking') return [CHROME_TAG];
  if (list.startsWith(SECTION_LIST_PREFIX)) return [sectionTag(list.slice(SECTION_LIST_PREFIX.length))];
  if (list.startsWith('a:')) return [authorTag(list.slice(2))];
  if (list.startsWith(TAG_LIST_PREFIX))
    return [tagListTag(list.slice(TAG_LIST_PREFIX.length).replace(/\|(top|rest)$/, ''))];
  return [];
}

/** The most tags one purge request (POST /_purge) may name: the publish step sends more in several. */
export const MAX_PURGE_TAGS = 1_000;

/** The Cache-Tag header's value: each tag once. */
export const cacheTagHeader = (tags: readonly string[]) => [...new Set(tags)].join(',');
