// Global setup (Node): validates content/ like the publish step does and hands the articles to the tests, which
// publish them into their own local D1. A bad article fails the run, as it fails `npm run content:publish`.
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildContent } from '../../src/content/build.ts';
import type { SiteConfig } from '../../src/content/sections.ts';
import type { Article, Author } from '../../src/content/types.ts';
import { readAuthors } from '../../src/publish/node/author-files.ts';
import { authorsBySlug } from '../../src/publish/node/build-changed.ts';
import { MEDIA_FOLDER, measureFrom } from '../../src/publish/node/measure-image.ts';
import { readContentFolder } from '../../src/publish/node/read-content.ts';
import { readSiteFile } from '../../src/publish/node/site-file.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The articles of content/, built and validated. */
    contentArticles: Article[];
    /** content/site.yaml, validated. */
    contentSite: SiteConfig;
    /** The writers of content/authors/, validated. */
    contentAuthors: Author[];
  }
}

export default function setup(project: TestProject): void {
  const root = process.cwd();
  const measure = measureFrom(root, resolve(root, 'public'), resolve(root, 'content', MEDIA_FOLDER));
  const { files, problems } = readContentFolder(root, 'content');
  const writers = readAuthors(root, 'content', measure);
  const { articles, errors } = buildContent(files, measure, {
    authors: authorsBySlug(writers.authors),
    now: Date.now(),
  });
  const site = readSiteFile(root, 'content');
  const all = [...problems, ...writers.problems, ...errors.map(String), ...(site.ok ? [] : site.problems)];
  if (all.length > 0 || !site.ok) throw new Error(`Content check failed:\n${all.join('\n')}`);
  project.provide('contentArticles', articles);
  project.provide('contentAuthors', writers.authors);
  project.provide('contentSite', site.config);
}
