/**
 * The backlog's query for the newest articles without a share card, on a migrated database: an index walk that
 * stops after the limit, however large the archive (no scan of `articles`, no sort).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { CARD_BACKLOG_QUERY } from '../../src/publish/node/card-backlog.ts';
import { localState } from './support/local-state.ts';

describe('the card backlog query', () => {
  it('walks list "all" newest first and looks each article up by slug', () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-backlog-query-'));
    const db = new DatabaseSync(localState(dir));
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${CARD_BACKLOG_QUERY}`).all(200) as { detail: string }[];
      expect(plan.map((row) => row.detail)).toEqual([
        'SEARCH l USING PRIMARY KEY (list=?)',
        'SEARCH a USING INDEX sqlite_autoindex_articles_1 (slug=?)',
      ]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
