/**
 * Author files: content/authors/<slug>.md, one per writer. Front matter `name` (required), `role`, `photo` (a
 * photo of the media folder or public/) and `links` (https URLs, e.g. X or Facebook); the markdown body is the
 * bio. Pure validation, with the `file: field: expectation` problems articles get.
 */
import { ContentError } from './content-error.ts';
import { controlCharacterMessage, findControlCharacter } from './controls.ts';
import { clean, describe, eachText, suggest } from './fields.ts';
import { splitFrontMatter } from './front-matter.ts';
import { imageSource } from './schema.ts';
import { normalizeSlug, slugProblem } from './slug.ts';
import type { Author } from './types.ts';

/** The folder of author files, inside the content folder. */
export const AUTHORS_FOLDER = 'authors';

const FIELDS = ['name', 'role', 'photo', 'links'];
/** The most links an author page lists, and the longest name, role and bio. */
const MAX_LINKS = 10;
const MAX_NAME = 80;
const MAX_ROLE = 120;
const MAX_BIO = 10_000;

/** Measures a photo by its src (as articles' images are measured); a string is the problem. */
export type MeasurePhoto = (src: string) => { width: number; height: number; hash?: string } | string;

/** One author file: its author, or its problems. The slug is the file's name. */
export function buildAuthor(file: { path: string; text: string }, measure: MeasurePhoto): Author | ContentError[] {
  const errors: ContentError[] = [];
  const fail = (field: string, message: string) => errors.push(new ContentError(file.path, field, message));
  const baseName = normalizeSlug(file.path.replace(/^.*\//, '').replace(/\.md$/i, ''));
  const slugIssue = slugProblem(baseName);
  if (slugIssue) fail('file', `the file name "${baseName}" is the author's slug: ${slugIssue}`);

  const split = splitFrontMatter(file.text);
  if (!split.ok) return [new ContentError(file.path, 'front matter', split.message)];
  const { data, body } = split;
  for (const key of Object.keys(data)) {
    if (!FIELDS.includes(key)) fail(key, `unknown field${suggest(key, FIELDS)}; allowed fields: ${FIELDS.join(', ')}`);
  }
  eachText(data, '', (field, value) => {
    const control = findControlCharacter(value);
    if (control) fail(field, controlCharacterMessage(control.name));
  });
  const control = findControlCharacter(body);
  if (control) fail('body', `line ${control.line}: ${controlCharacterMessage(control.name)}`);
  if (body.length > MAX_BIO) fail('body', `the bio is ${body.length} characters; expected at most ${MAX_BIO}`);

  const text = (field: string, max: number, required: boolean): string | null => {
    const value = data[field];
    if (value === undefined || value === null) {
      if (required) fail(field, 'required, expected a non-empty text');
      return null;
    }
    const cleaned = typeof value === 'string' ? clean(value) : '';
    if (!cleaned) fail(field, `expected a non-empty text, got ${describe(value)}`);
    else if (cleaned.length > max) fail(field, `expected at most ${max} characters (${cleaned.length} given)`);
    return cleaned || null;
  };
  const name = text('name', MAX_NAME, true);
  const role = text('role', MAX_ROLE, false);

  let photo: Author['photo'] = null;
  if (data.photo !== undefined && data.photo !== null) {
    const src = imageSource(data.photo);
    if (src === null || typeof src === 'object') {
      fail('photo', src ? src.problem : 'expected a path under content/media/ or public/');
    } else if (/^https:/i.test(src)) {
      fail('photo', `expected a photo of content/media/ or public/ (it is processed and served from R2), got "${src}"`);
    } else {
      const size = measure(src);
      if (typeof size === 'string') fail('photo', `"${src}": ${size}`);
      else photo = { src, width: size.width, height: size.height, ...(size.hash ? { hash: size.hash } : {}) };
    }
  }

  const links: string[] = [];
  if (data.links !== undefined && data.links !== null) {
    if (!Array.isArray(data.links)) fail('links', `expected a list of https URLs, got ${describe(data.links)}`);
    else if (data.links.length > MAX_LINKS)
      fail('links', `expected at most ${MAX_LINKS} links, got ${data.links.length}`);
    else {
      data.links.forEach((link: unknown, i) => {
        const problem = linkProblem(link);
        if (problem) fail(`links[${i}]`, problem);
        else links.push(new URL((link as string).trim()).href);
      });
    }
  }

  if (errors.length > 0 || name === null || slugIssue) return errors;
  return { slug: baseName, file: file.path, name, role, photo, links, bio: body.trim() };
}

/** Why a link cannot be published, or null: only https URLs with a host (no javascript:, no data:, no http). */
function linkProblem(link: unknown): string | null {
  if (typeof link !== 'string' || !link.trim()) return `expected an https URL, got ${describe(link)}`;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return `expected an https URL, got "${link}"`;
  }
  if (url.protocol !== 'https:' || !url.hostname) return `expected an https URL, got "${link}"`;
  if (url.username || url.password) return `expected an https URL without a user name or password, got "${link}"`;
  return null;
}

/** `authors[0]: no author "rana-hadad" in content/authors/ (did you mean "rana-haddad"?)`: the near miss. */
export function unknownAuthorMessage(slug: string, known: readonly string[]): string {
  return `no author "${slug}" in content/${AUTHORS_FOLDER}/${suggest(slug, [...known])}`;
}
