/**
 * JSON for apps and partners: GET /api/articles (paginated by page number or cursor, filtered by tag, section or
 * top), GET /api/articles/:slug, GET /api/front (the front page's structure) and GET /api/sections.
 */
import { MAX_TAG_LENGTH } from '../content/fields.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { apiError } from '../http/errors.ts';
import { parseLimit, parsePage, type QueryValues, quoted, repeatedParam, single } from '../http/params.ts';
import { Hono } from '../lib/hono.ts';
import { type ApiListQuery, articleDocument, articleList, frontDocument, sectionsDocument } from '../site/api.ts';
import { listPosition } from '../site/cursor.ts';
import { tagFromUrl } from '../site/url-values.ts';
import { answerJson, siteOf } from './answer.ts';
import { apiQuery } from './api-query.ts';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;
const LIST_PARAMS = ['limit', 'cursor', 'page', 'tag', 'section', 'author', 'top'] as const;

/** Reads and checks the list query; a string is the 400 message. */
export function parseListQuery(query: QueryValues): ApiListQuery | string {
  const repeated = repeatedParam(query, LIST_PARAMS);
  if (repeated) return `"${repeated}" is given more than once`;
  const params: ApiListQuery = { limit: DEFAULT_LIMIT };
  const limit = single(query, 'limit');
  if (limit !== null) {
    const n = parseLimit(limit, MAX_LIMIT);
    if (n === null) return `"limit" must be a whole number from 1 to ${MAX_LIMIT}, got ${quoted(limit)}`;
    params.limit = n;
  }
  const cursor = single(query, 'cursor');
  const page = single(query, 'page');
  if (cursor !== null && page !== null) return 'use either "cursor" or "page", not both';
  if (cursor !== null) {
    const position = listPosition(cursor);
    if (!position) return '"cursor" is not valid: use the "next" link of a previous page';
    params.after = position;
  }
  if (page !== null) {
    const n = parsePage(page);
    if (n === null) return `"page" must be a whole number from 1 without leading zeros, got ${quoted(page)}`;
    params.page = n;
  }
  const rawTag = single(query, 'tag');
  const section = single(query, 'section');
  const author = single(query, 'author');
  if ([rawTag, section, author].filter((v) => v !== null).length > 1) {
    return 'use one of "tag", "section" and "author", not several';
  }
  if (rawTag !== null) {
    // Read as tag pages read theirs: trimmed, NFC, at most MAX_TAG_LENGTH.
    const tag = tagFromUrl(rawTag);
    if (tag === null) return `"tag" must be a non-empty tag of at most ${MAX_TAG_LENGTH} characters`;
    params.tag = tag;
  }
  const top = single(query, 'top');
  if (top !== null) {
    if (top !== 'true' && top !== 'false') return `"top" must be "true" or "false", got ${quoted(top)}`;
    if (section !== null || author !== null) return '"top" cannot be combined with "section" or "author"';
    params.top = top === 'true';
  }
  if (section !== null) params.section = section;
  if (author !== null) params.author = author;
  return params;
}

export function articleApiRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/api/articles', apiQuery(parseListQuery), async (c) => {
    const query = c.req.valid('query');
    const list = await articleList(siteOf(c, deps), query);
    if ('unknown' in list) {
      const [name, see] = list.unknown === 'section' ? ['section', '/api/sections'] : ['author', '/authors'];
      return apiError(
        c,
        400,
        'bad_request',
        `"${name}" names no ${name}: see ${see}, got ${quoted(query[list.unknown] ?? '')}`,
      );
    }
    return answerJson(c, deps, list);
  });

  app.get('/api/articles/:slug', async (c) => {
    const article = await articleDocument(siteOf(c, deps), c.req.param('slug'));
    if ('missing' in article && article.missing === 404) {
      return apiError(c, 404, 'not_found', 'No published article has this slug');
    }
    return answerJson(c, deps, article);
  });
  app.get('/api/front', async (c) => answerJson(c, deps, await frontDocument(siteOf(c, deps))));
  app.get('/api/sections', async (c) => answerJson(c, deps, await sectionsDocument(siteOf(c, deps))));

  return app;
}
