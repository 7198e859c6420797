/**
 * Where a local D1's bytes go at the largest size: the SQLite file itself, opened read-only, split by table, index
 * and FTS5 shadow table with SQLite's `dbstat` table (page_count × page_size alone when this SQLite lacks it).
 */
import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { localD1File } from '../../src/publish/node/local-d1.ts';
import type { PublishedArchive } from './archive-scale.ts';
import { label, type Row } from './context.ts';

/** D1's limit on one database. */
const D1_LIMIT = 500_000_000;
/** What the same archive took before migrations/0009 (deflated bodies, body-first contentless FTS5). */
const BEFORE = 'before migrations/0009 (deflated bodies, body-first contentless FTS5): 666–697 MiB at 100,000';

/** The parts the table names, in order; anything else is "other". */
const PARTS: [string, (name: string, table: string) => boolean][] = [
  ['articles', (n) => n === 'articles'],
  ['articles indexes', (n, t) => t === 'articles' && n !== t],
  ['article_tags', (n) => n === 'article_tags'],
  ['article_tags indexes', (n, t) => t === 'article_tags' && n !== t],
  ['listings', (n) => n === 'listings'],
  ['listings indexes', (n, t) => t === 'listings' && n !== t],
  ['FTS5 article_search_data', (n) => n === 'article_search_data'],
  ['FTS5 _idx', (n) => n === 'article_search_idx'],
  ['FTS5 _docsize + _config', (n) => /^article_search_(docsize|config|content)$/.test(n)],
  ['search_terms', (_n, t) => t === 'search_terms'],
];

interface Breakdown {
  fileBytes: number;
  /** Bytes by part, with the method used. */
  parts: [string, number][];
  method: string;
}

function breakdown(file: string): Breakdown {
  const fileBytes = statSync(file).size;
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const owner = new Map(
      (db.prepare('SELECT name, tbl_name FROM sqlite_master').all() as { name: string; tbl_name: string }[]).map(
        (r) => [r.name, r.tbl_name],
      ),
    );
    let sizes: { name: string; bytes: number }[];
    try {
      sizes = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as typeof sizes;
    } catch {
      const pages = db.prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count, pragma_page_size').get();
      return { fileBytes, parts: [], method: `no dbstat in this SQLite: page_count × page_size ${pages?.bytes}` };
    }
    const totals = new Map<string, number>();
    for (const { name, bytes } of sizes) {
      const table = owner.get(name) ?? name;
      const part = PARTS.find(([, match]) => match(name, table))?.[0] ?? 'other (schema, small tables, free pages)';
      totals.set(part, (totals.get(part) ?? 0) + bytes);
    }
    const counted = [...totals.values()].reduce((a, b) => a + b, 0);
    const other = 'other (schema, small tables, free pages)';
    totals.set(other, (totals.get(other) ?? 0) + fileBytes - counted);
    const order = [...PARTS.map(([p]) => p), other];
    return {
      fileBytes,
      parts: order.filter((p) => totals.has(p)).map((p) => [p, totals.get(p) as number]),
      method: 'dbstat',
    };
  } finally {
    db.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB (${(bytes / 1024 / 1024).toFixed(1)} MiB)`;

export function d1SizeStep(archives: readonly PublishedArchive[]): Row[] {
  const rows: Row[] = [];
  for (const archive of archives) {
    const { size, vocabulary } = archive;
    const b = breakdown(localD1File(archive.persist));
    const perArticle = (bytes: number) => `${Math.round(bytes / size).toLocaleString('en-US')} B`;
    const largest = size >= 100_000;
    const section = `D1 size, ${label(size)}`;
    rows.push({
      section,
      metric: `the local D1's SQLite file, ${vocabulary} vocabulary`,
      result: `${mb(b.fileBytes)}, ${perArticle(b.fileBytes)} per article; ${BEFORE}`,
      target: largest ? '≤ 500 MB at 100,000 articles' : 'report (the target is at 100,000)',
      pass: largest ? b.fileBytes <= D1_LIMIT : null,
      value: b.fileBytes,
    });
    rows.push({
      section,
      metric: `where the bytes go, per article (${b.method}), ${vocabulary} vocabulary`,
      result: b.parts.length ? b.parts.map(([part, bytes]) => `${part} ${perArticle(bytes)}`).join('; ') : b.method,
      target: 'report',
      pass: null,
    });
  }
  return rows;
}
