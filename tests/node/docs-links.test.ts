/**
 * The docs' links lead somewhere: every relative link and image in README.md, docs/*.md and bench/README.md names a
 * file (or folder) of the repository, and every `#anchor` (in the same file, or `other.md#anchor`) names a heading of
 * its target as GitHub makes heading anchors. External links (http:, https:, mailto:) are not fetched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A heading's anchor as GitHub writes it (github-slugger): lowercase; every character that is not a letter, mark,
 * number, connector (`_`), hyphen or space dropped; each space a hyphen. Arabic letters stay as they are.
 */
function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The text a heading shows: inline code, emphasis, links and images reduced to their words. */
function headingText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|~~)(?=\S)([^*_~]*?\S)\1/g, '$2')
    .trim();
}

/** The lines of a markdown file that are not inside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((line, i) => {
    const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (mark) {
      if (fence === null) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = null;
      return;
    }
    if (fence === null) lines.push({ line: i + 1, text: line });
  });
  return lines;
}

/** Every anchor a markdown file offers: its headings' slugs (repeats get -1, -2, … as on GitHub) and HTML ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (heading: string) => {
    const slug = githubSlug(headingText(heading));
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  };
  const lines = proseLines(markdown);
  lines.forEach(({ text }, i) => {
    const atx = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text);
    if (atx) add(atx[1] ?? '');
    // A setext heading: a line of text underlined with = or - (not a list item, table row or quote).
    const next = lines[i + 1];
    const current = lines[i];
    if (
      next &&
      current &&
      next.line === current.line + 1 &&
      /^ {0,3}(=+|-+)\s*$/.test(next.text) &&
      text.trim() !== '' &&
      !/^ {0,3}([-*+>|#]|\d+[.)]\s)/.test(text)
    ) {
      add(text.trim());
    }
    for (const match of text.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1] ?? '');
  });
  return anchors;
}

/** The link targets of a markdown file outside code: inline links and images, and reference definitions. */
function linksOf(markdown: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  for (const { line, text } of proseLines(markdown)) {
    const prose = text.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line, target: match[1] ?? '' });
    }
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/.exec(prose);
    if (definition) links.push({ line, target: definition[1] ?? '' });
    for (const match of prose.matchAll(/<(?:a|img)\s[^>]*\b(?:href|src)="([^"]+)"/g)) {
      links.push({ line, target: match[1] ?? '' });
    }
  }
  return links;
}

/** What is wrong with one link of `file` (a path relative to ROOT), or null when it resolves. */
function linkProblem(file: string, target: string, readText = (path: string) => readFileSync(path, 'utf8')) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null;
  const hash = target.indexOf('#');
  const rawPath = hash === -1 ? target : target.slice(0, hash);
  const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
  const path = decodeURIComponent(rawPath.split('?')[0] ?? '');
  const full = path === '' ? resolve(ROOT, file) : resolve(ROOT, dirname(file), path);
  if (!full.startsWith(ROOT)) return `${target}: points outside the repository`;
  if (!existsSync(full)) return `${target}: no file ${relative(ROOT, full)}`;
  if (anchor === null) return null;
  if (!full.endsWith('.md') || !statSync(full).isFile()) return null;
  const anchors = anchorsOf(readText(full));
  if (anchors.has(anchor)) return null;
  return `${target}: no heading with the anchor "#${anchor}" in ${relative(ROOT, full)}`;
}

/** The docs this test reads: the README, every docs/*.md, and the bench's README. */
function docFiles(): string[] {
  const docs = existsSync(join(ROOT, 'docs'))
    ? readdirSync(join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...docs, 'bench/README.md'].filter((file) => existsSync(join(ROOT, file)));
}

describe('githubSlug', () => {
  it('makes anchors as GitHub does: lowercase, punctuation dropped, spaces to hyphens, Arabic kept', () => {
    expect(githubSlug('Workers Cache and purge')).toBe('workers-cache-and-purge');
    expect(githubSlug('GET /api/articles/:slug')).toBe('get-apiarticlesslug');
    expect(githubSlug('Sitemaps and robots.txt')).toBe('sitemaps-and-robotstxt');
    expect(githubSlug('D1: the archive')).toBe('d1-the-archive');
    expect(githubSlug('snake_case & more')).toBe('snake_case--more');
    expect(githubSlug('الخلفية السياسية')).toBe('الخلفية-السياسية');
  });
});

describe('anchorsOf', () => {
  it('numbers repeated headings -1, -2 and ignores headings inside code blocks', () => {
    const anchors = anchorsOf('# Notes\n\n## Notes\n\n```\n# not a heading\n```\n\n### `npm test`\n\nSetext\n======\n');
    expect([...anchors]).toEqual(['notes', 'notes-1', 'npm-test', 'setext']);
  });
});

describe('linkProblem', () => {
  const text = () => '# Title\n\n## Deploy\n';
  it('accepts an existing file, an existing heading and external links', () => {
    expect(linkProblem('README.md', 'package.json')).toBeNull();
    expect(linkProblem('README.md', 'README.md#deploy', text)).toBeNull();
    expect(linkProblem('README.md', 'https://example.com/#anything')).toBeNull();
  });
  it('names a missing file and a missing anchor', () => {
    expect(linkProblem('README.md', 'docs/no-such-file.md')).toMatch(/no file docs\/no-such-file\.md/);
    expect(linkProblem('README.md', '#deploy-now', text)).toMatch(/no heading with the anchor "#deploy-now"/);
  });
});

describe('links in the docs', () => {
  const files = docFiles();

  it('reads the README and the guides', () => {
    expect(files).toContain('README.md');
  });

  it.each(files)('every relative link and anchor of %s resolves', (file) => {
    const problems = linksOf(readFileSync(join(ROOT, file), 'utf8')).flatMap(({ line, target }) => {
      const problem = linkProblem(file, target);
      return problem ? [`${file}:${line}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
