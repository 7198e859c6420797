/**
 * Writers in a publish run: their rows and photos, and the articles that name them. An article's byline carries
 * its writer's name, so renaming a writer rebuilds their articles even though those files did not change; a
 * writer removed while articles still name them is a content problem.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublishOutcome } from '../../src/publish/node/run-publish.ts';
import { memoryR2 } from './support/memory-r2.ts';
import { localOpener, type PublishProject, publishProject } from './support/publish-project.ts';

const projects: PublishProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.close();
});

const byRana = (slug: string) =>
  `---\ntitle: خبر ${slug}\nslug: ${slug}\ndate: 2025-02-28T10:00:00\nauthors: [rana-haddad]\n---\n\nنص.\n`;

function newsroom() {
  const p = publishProject([]);
  projects.push(p);
  mkdirSync(join(p.root, 'content/authors'));
  mkdirSync(join(p.root, 'content/media'));
  const writer = (name: string, photo = '') =>
    writeFileSync(
      join(p.root, 'content/authors/rana-haddad.md'),
      `---\nname: ${name}\nrole: مراسلة\n${photo}---\n\nسيرة.\n`,
    );
  return { p, writer };
}

const sql = (p: PublishProject, query: string) => {
  const db = new DatabaseSync(p.dbFile, { readOnly: true });
  try {
    return db.prepare(query).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

const published = (outcome: PublishOutcome) => {
  if (outcome.kind !== 'published') throw new Error(`expected a report, got ${JSON.stringify(outcome)}`);
  return outcome.report;
};

describe('publishing writers', () => {
  it('writes their rows before the articles that name them, and the articles join their lists', async () => {
    const { p, writer } = newsroom();
    writer('رنا حداد');
    p.write('a', byRana('a'));
    const media = memoryR2();
    published(await p.publish({ openBindings: localOpener(media.bucket) }));
    expect(sql(p, 'SELECT slug, name, role FROM authors')).toEqual([
      { slug: 'rana-haddad', name: 'رنا حداد', role: 'مراسلة' },
    ]);
    expect(sql(p, "SELECT slug FROM listings WHERE list = 'a:rana-haddad'")).toEqual([{ slug: 'a' }]);
    expect(JSON.parse(String(sql(p, "SELECT authors FROM articles WHERE slug = 'a'")[0]?.authors))).toEqual([
      { slug: 'rana-haddad', name: 'رنا حداد', role: 'مراسلة' },
    ]);
  });

  it('rebuilds the articles of a renamed writer, though their files did not change', async () => {
    const { p, writer } = newsroom();
    writer('رنا حداد');
    p.write('a', byRana('a'));
    p.write('b', '---\ntitle: خبر آخر\nslug: b\ndate: 2025-02-28T11:00:00\n---\n\nنص.\n');
    const media = memoryR2();
    published(await p.publish({ openBindings: localOpener(media.bucket) }));
    writer('رنا الحداد');
    const report = published(await p.publish({ openBindings: localOpener(media.bucket) }));
    expect(report.plan.updated.map((a) => a.slug)).toEqual(['a']);
    expect(report.plan.unchanged).toBe(1);
    expect(JSON.parse(String(sql(p, "SELECT authors FROM articles WHERE slug = 'a'")[0]?.authors))[0].name).toBe(
      'رنا الحداد',
    );
  });

  it('stops with the article that still names a removed writer, writing nothing', async () => {
    const { p, writer } = newsroom();
    writer('رنا حداد');
    p.write('a', byRana('a'));
    const media = memoryR2();
    published(await p.publish({ openBindings: localOpener(media.bucket) }));
    rmSync(join(p.root, 'content/authors/rana-haddad.md'));
    const outcome = await p.publish({ openBindings: localOpener(media.bucket) });
    expect(outcome).toEqual({
      kind: 'problems',
      problems: ['content/a.md: authors[0]: no author "rana-haddad" in content/authors/'],
    });
    expect(sql(p, 'SELECT count(*) AS n FROM authors')).toEqual([{ n: 1 }]);
  });

  it("puts a writer's media-folder photo in R2, and the unused-media cleanup keeps it", async () => {
    const { p, writer } = newsroom();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="#a33"/></svg>';
    writeFileSync(join(p.root, 'content/media/rana.svg'), svg);
    writer('رنا حداد', 'photo: media/rana.svg\n');
    const media = memoryR2();
    const report = published(await p.publish({ openBindings: localOpener(media.bucket) }));
    expect(report.media.processed).toBe(1);
    const photo = JSON.parse(String(sql(p, 'SELECT photo FROM authors')[0]?.photo));
    expect(photo.media.fallback.key).toMatch(/^img\/[0-9a-f]{16}\/\d+\.jpg$/);
    // A second run deletes what no article or writer uses: the writer's photo stays.
    const again = published(await p.publish({ openBindings: localOpener(media.bucket) }));
    expect(again.media.deleted).toBe(0);
    expect(await media.bucket.head(photo.media.fallback.key)).not.toBeNull();
  });
});
