import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLocalD1 } from '../../../src/publish/node/local-d1.ts';

/**
 * A fresh in-memory D1 with migrations/ applied: node:sqlite behind the publish step's own D1 adapter. It opens in
 * milliseconds, where the platform proxy takes seconds, so the mutation run can rerun its tests for every mutant.
 */
export async function memoryD1(): Promise<D1Database> {
  const { db } = openLocalD1(':memory:');
  for (const file of readdirSync('migrations').sort()) await db.exec(readFileSync(join('migrations', file), 'utf8'));
  return db;
}
