/** Validates an article's front matter field by field; every problem names the field and what was expected. */
import { controlCharacterMessage, findControlCharacter } from './controls.ts';
import { parseIsoTime } from './dates.ts';
import { clean, describe, eachText, suggest, tagProblem } from './fields.ts';
import { normalizeSlug, slugProblem } from './slug.ts';

/** One problem with one field of one file. */
export interface FieldError {
  field: string;
  message: string;
}

/** Front matter after validation, before defaults that need the body or the file system. */
export interface ValidFrontMatter {
  title: string;
  date: number;
  slug: string | null;
  updated: number | null;
  summary: string | null;
  author: string | null;
  source: string | null;
  image: { src: string; alt: string; caption: string | null } | null;
  tags: string[];
  top: boolean;
  /** Shown in the "عاجل" bar of every page for 6 hours after its date. */
  breaking: boolean;
  /** Slugs of the writers (content/authors/<slug>.md), checked against the author files by the build. */
  authors: string[];
  /** Live coverage, and when it ends (null: open). */
  live: boolean;
  liveEnd: number | null;
  /** Corrections, oldest first: when, and the corrected text (inline markdown). */
  corrections: { date: number; text: string }[];
  draft: boolean;
}

/** The longest correction text. */
const MAX_CORRECTION = 500;

const FIELDS = [
  'title',
  'date',
  'slug',
  'updated',
  'summary',
  'author',
  'source',
  'image',
  'tags',
  'top',
  'breaking',
  'authors',
  'live',
  'live_end',
  'corrections',
  'draft',
];
const IMAGE_FIELDS = ['src', 'alt', 'caption'];

/** Validates front matter. Returns the typed value, or every error found (never just the first). */
export function validateFrontMatter(
  data: Record<string, unknown>,
): { ok: true; value: ValidFrontMatter } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => {
    errors.push({ field, message });
    return null;
  };

  for (const key of Object.keys(data)) {
    if (!FIELDS.includes(key)) fail(key, `unknown field${suggest(key, FIELDS)}; allowed fields: ${FIELDS.join(', ')}`);
  }
  eachText(data, '', (field, value) => {
    const control = findControlCharacter(value);
    if (control) fail(field, controlCharacterMessage(control.name));
  });

  const text = (field: string, required: boolean): string | null => {
    const v = data[field];
    if (v === undefined || v === null) return required ? fail(field, 'required, expected a non-empty text') : null;
    if (typeof v !== 'string') return fail(field, `expected text, got ${describe(v)}`);
    const trimmed = clean(v);
    if (!trimmed)
      return required ? fail(field, 'required, expected a non-empty text') : fail(field, 'expected a non-empty text');
    return trimmed;
  };
  const time = (field: string, required: boolean): number | null => {
    const v = data[field];
    if (v === undefined || v === null)
      return required ? fail(field, 'required, expected an ISO 8601 date such as 2023-09-14T12:00:00') : null;
    if (typeof v !== 'string')
      return fail(field, `expected an ISO 8601 date such as 2023-09-14T12:00:00, got ${describe(v)}`);
    const t = parseIsoTime(v);
    return t === null ? fail(field, `expected an ISO 8601 date such as 2023-09-14T12:00:00, got "${v}"`) : t;
  };
  const flag = (field: string): boolean => {
    const v = data[field];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') {
      fail(field, `expected true or false, got ${describe(v)}`);
      return false;
    }
    return v;
  };

  const title = text('title', true);
  const date = time('date', true);
  const updated = time('updated', false);
  if (date !== null && updated !== null && updated < date) fail('updated', 'expected a time not before `date`');
  const summary = text('summary', false);
  const author = text('author', false);
  const source = text('source', false);

  let slug: string | null = null;
  if (data.slug !== undefined && data.slug !== null) {
    if (typeof data.slug !== 'string') fail('slug', `expected text, got ${describe(data.slug)}`);
    else {
      const normalized = normalizeSlug(data.slug);
      const problem = slugProblem(normalized);
      if (problem) fail('slug', `${problem}, got "${data.slug}"`);
      else slug = normalized;
    }
  }

  let tags: string[] = [];
  if (data.tags !== undefined && data.tags !== null) {
    if (!Array.isArray(data.tags)) fail('tags', `expected a list of texts, got ${describe(data.tags)}`);
    else {
      tags = [];
      data.tags.forEach((tag: unknown, i) => {
        const problem = typeof tag === 'string' ? tagProblem(clean(tag)) : 'expected a non-empty text';
        if (problem) fail(`tags[${i}]`, `${problem}, got ${describe(tag)}`);
        else if (tags.includes(clean(tag as string))) fail(`tags[${i}]`, `duplicate tag "${clean(tag as string)}"`);
        else tags.push(clean(tag as string));
      });
    }
  }

  let image: ValidFrontMatter['image'] = null;
  const img = data.image;
  if (img !== undefined && img !== null) {
    if (typeof img !== 'object' || Array.isArray(img))
      fail('image', `expected a mapping with src, alt and optional caption, got ${describe(img)}`);
    else {
      const fields = img as Record<string, unknown>;
      for (const key of Object.keys(fields)) {
        if (!IMAGE_FIELDS.includes(key))
          fail(`image.${key}`, `unknown field${suggest(key, IMAGE_FIELDS)}; allowed: ${IMAGE_FIELDS.join(', ')}`);
      }
      const src = imageSource(fields.src);
      if (typeof src !== 'string' || !src)
        fail(
          'image.src',
          src && typeof src === 'object' ? src.problem : 'required, expected a path under public/ or an https URL',
        );
      const alt = typeof fields.alt === 'string' ? clean(fields.alt) : '';
      if (!alt) fail('image.alt', 'required when there is an image: expected a non-empty description of the image');
      let caption: string | null = null;
      if (fields.caption !== undefined && fields.caption !== null) {
        if (typeof fields.caption !== 'string' || !clean(fields.caption))
          fail('image.caption', `expected a non-empty text, got ${describe(fields.caption)}`);
        else caption = clean(fields.caption);
      }
      if (typeof src === 'string' && src && alt) image = { src, alt, caption };
    }
  }

  const top = flag('top');
  const breaking = flag('breaking');
  const draft = flag('draft');
  const live = flag('live');
  const liveEnd = time('live_end', false);
  if (liveEnd !== null && !live) fail('live_end', 'only for a live article: add `live: true`, or remove live_end');
  if (liveEnd !== null && date !== null && liveEnd < date) fail('live_end', 'expected a time not before `date`');

  const authors: string[] = [];
  if (data.authors !== undefined && data.authors !== null) {
    if (!Array.isArray(data.authors)) fail('authors', `expected a list of author slugs, got ${describe(data.authors)}`);
    else {
      data.authors.forEach((value: unknown, i) => {
        const slug = typeof value === 'string' ? normalizeSlug(value.trim()) : '';
        if (!slug)
          fail(
            `authors[${i}]`,
            `expected an author's slug (the name of their file in content/authors/), got ${describe(value)}`,
          );
        else if (authors.includes(slug)) fail(`authors[${i}]`, `"${slug}" is named twice`);
        else authors.push(slug);
      });
    }
  }

  const corrections: ValidFrontMatter['corrections'] = [];
  if (data.corrections !== undefined && data.corrections !== null) {
    if (!Array.isArray(data.corrections)) {
      fail('corrections', `expected a list of corrections (date, text), got ${describe(data.corrections)}`);
    } else {
      data.corrections.forEach((value: unknown, i) => {
        const at = `corrections[${i}]`;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          fail(at, `expected a mapping with date and text, got ${describe(value)}`);
          return;
        }
        const entry = value as Record<string, unknown>;
        for (const key of Object.keys(entry)) {
          if (key !== 'date' && key !== 'text')
            fail(`${at}.${key}`, `unknown field${suggest(key, ['date', 'text'])}; allowed: date, text`);
        }
        const when = typeof entry.date === 'string' ? parseIsoTime(entry.date) : null;
        if (when === null)
          fail(
            `${at}.date`,
            `expected an ISO 8601 date such as 2023-09-14T12:00:00, got ${describe(entry.date ?? null)}`,
          );
        else if (date !== null && when < date) fail(`${at}.date`, "expected a time not before the article's `date`");
        const text = typeof entry.text === 'string' ? clean(entry.text) : '';
        if (!text) fail(`${at}.text`, `required, expected what was corrected, got ${describe(entry.text ?? null)}`);
        else if (text.length > MAX_CORRECTION)
          fail(`${at}.text`, `expected at most ${MAX_CORRECTION} characters (${text.length} given)`);
        else if (/\n/.test(text)) fail(`${at}.text`, 'expected one paragraph (inline markdown), got several lines');
        if (when !== null && text) corrections.push({ date: when, text });
      });
      corrections.sort((a, b) => a.date - b.date);
    }
  }

  if (errors.length > 0 || title === null || date === null) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      date,
      slug,
      updated,
      summary,
      author,
      source,
      image,
      tags,
      top,
      breaking,
      authors,
      live,
      liveEnd,
      corrections,
      draft,
    },
  };
}

/**
 * Checks an image reference: an https URL, or a path under public/ (written `/images/x.svg` or `images/x.svg`).
 * Returns the normalized src, null when absent, or a problem.
 */
export function imageSource(value: unknown): string | null | { problem: string } {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !value.trim())
    return { problem: `expected a path under public/ or an https URL, got ${describe(value)}` };
  const src = value.trim();
  if (/^https:\/\/[^/\s]+/i.test(src)) return src;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return { problem: `expected a path under public/ or an https URL, got "${src}"` };
  }
  const path = src.startsWith('/') ? src : `/${src}`;
  if (path.split('/').some((part) => part === '..' || part === '.') || path.includes('\\') || /[?#\s]/.test(path)) {
    return { problem: `expected a plain path under public/ (no "..", "\\", spaces, query or fragment), got "${src}"` };
  }
  return path;
}
