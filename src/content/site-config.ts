/**
 * content/site.yaml: what editors configure about the site besides articles. For now the sections, in nav order:
 * each has a shown Arabic `name`, a `slug` (its page is /sections/<slug>) and the article `tags` it gathers. Pure
 * validation, with the `file: field: expectation` problems articles get.
 */
import { ContentError } from './content-error.ts';
import { controlCharacterMessage, findControlCharacter } from './controls.ts';
import { clean, describe, eachText, suggest, tagProblem } from './fields.ts';
import { parseYamlMapping } from './front-matter.ts';
import { MAX_SECTIONS, type Section, type SiteConfig } from './sections.ts';
import { slugProblem } from './slug.ts';

/** Where the file is, relative to the project root. */
export const SITE_CONFIG_FILE = 'content/site.yaml';

/** The longest section name. */
const MAX_NAME_LENGTH = 40;

const TOP_FIELDS = ['sections'];
const SECTION_FIELDS = ['name', 'slug', 'tags'];

/** Parses and validates site.yaml's text: the config, or every problem found. */
export function parseSiteConfig(
  text: string,
  file = SITE_CONFIG_FILE,
): { ok: true; config: SiteConfig } | { ok: false; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const fail = (field: string, message: string) => errors.push(new ContentError(file, field, message));
  const parsed = parseYamlMapping(text, 'line', 'the file');
  if (!parsed.ok) return { ok: false, errors: [new ContentError(file, 'file', parsed.message)] };
  const { data } = parsed;
  for (const key of Object.keys(data)) {
    if (!TOP_FIELDS.includes(key))
      fail(key, `unknown field${suggest(key, TOP_FIELDS)}; allowed: ${TOP_FIELDS.join(', ')}`);
  }
  eachText(data, '', (field, value) => {
    const control = findControlCharacter(value);
    if (control) fail(field, controlCharacterMessage(control.name));
  });

  const sections: Section[] = [];
  const raw = data.sections;
  if (raw === undefined || raw === null) fail('sections', 'required, expected a list of sections (name, slug, tags)');
  else if (!Array.isArray(raw))
    fail('sections', `expected a list of sections (name, slug, tags), got ${describe(raw)}`);
  else if (raw.length > MAX_SECTIONS) fail('sections', `expected at most ${MAX_SECTIONS} sections, got ${raw.length}`);
  else {
    const slugs = new Map<string, number>();
    raw.forEach((entry: unknown, i) => {
      const at = `sections[${i}]`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        fail(at, `expected a mapping with name, slug and tags, got ${describe(entry)}`);
        return;
      }
      const fields = entry as Record<string, unknown>;
      for (const key of Object.keys(fields)) {
        if (!SECTION_FIELDS.includes(key)) {
          fail(`${at}.${key}`, `unknown field${suggest(key, SECTION_FIELDS)}; allowed: ${SECTION_FIELDS.join(', ')}`);
        }
      }
      const name = typeof fields.name === 'string' ? clean(fields.name) : '';
      if (fields.name === undefined || fields.name === null)
        fail(`${at}.name`, 'required, expected the Arabic name shown in the nav bar');
      else if (!name) fail(`${at}.name`, `expected a non-empty text, got ${describe(fields.name)}`);
      else if (name.length > MAX_NAME_LENGTH)
        fail(`${at}.name`, `expected at most ${MAX_NAME_LENGTH} characters (${name.length} given)`);

      let slug = '';
      if (fields.slug === undefined || fields.slug === null)
        fail(`${at}.slug`, 'required, expected the URL name, e.g. lebanon');
      else if (typeof fields.slug !== 'string') fail(`${at}.slug`, `expected text, got ${describe(fields.slug)}`);
      else {
        slug = clean(fields.slug);
        const problem = slugProblem(slug);
        if (problem) fail(`${at}.slug`, `${problem}, got "${fields.slug}"`);
        else {
          const first = slugs.get(slug);
          if (first !== undefined) fail(`${at}.slug`, `duplicate slug "${slug}": sections[${first}] already uses it`);
          else slugs.set(slug, i);
        }
      }

      const tags: string[] = [];
      if (!Array.isArray(fields.tags) || fields.tags.length === 0) {
        fail(`${at}.tags`, `required, expected a non-empty list of article tags, got ${describe(fields.tags ?? null)}`);
      } else {
        fields.tags.forEach((tag: unknown, k) => {
          const cleaned = typeof tag === 'string' ? clean(tag) : '';
          const problem = typeof tag === 'string' ? tagProblem(cleaned) : 'expected a non-empty text';
          if (problem) fail(`${at}.tags[${k}]`, `${problem}, got ${describe(tag)}`);
          else if (tags.includes(cleaned)) fail(`${at}.tags[${k}]`, `duplicate tag "${cleaned}"`);
          else tags.push(cleaned);
        });
      }
      if (name && slug) sections.push({ slug, name, tags });
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: { sections } };
}

/**
 * A warning, not an error: section tags no published article has yet gather nothing (a typo, or a tag still to
 * come). One line for the whole file, naming each such section and its tags; none when every tag is used.
 * `used` is every tag of the published articles.
 */
export function unusedSectionTags(config: SiteConfig, used: ReadonlySet<string>, file = SITE_CONFIG_FILE): string[] {
  const parts = config.sections.flatMap((section) => {
    const unused = section.tags.filter((tag) => !used.has(tag));
    return unused.length === 0 ? [] : [`${section.name} (${unused.join('، ')})`];
  });
  if (parts.length === 0) return [];
  return [
    `${file}: sections: no published article has these tags yet, so their sections gather nothing by them: ${parts.join('; ')}`,
  ];
}
