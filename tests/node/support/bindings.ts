import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../../src/content/types.ts';
import { openLocalD1 } from '../../../src/publish/node/local-d1.ts';
import { testApp } from '../../helpers/app.ts';
import { memoryKv } from '../../helpers/memory-kv.ts';
import { fakeUpstream } from '../../helpers/upstream.ts';

/**
 * A fresh in-memory D1 with migrations/ applied: node:sqlite behind the publish step's own D1 adapter. It opens in
 * milliseconds, where the platform proxy takes seconds, so the mutation run can rerun its tests for every mutant.
 */
export async function memoryD1(): Promise<D1Database> {
  const { db } = openLocalD1(':memory:');
  for (const file of readdirSync('migrations').sort()) await db.exec(readFileSync(join('migrations', file), 'utf8'));
  return db;
}

/** The Worker's bindings in Node: the given D1 (and R2), a memory KV, the test site's URL and the fake upstream's. */
export function nodeBindings(bindings: { DB: D1Database; MEDIA?: R2Bucket }): Env {
  return {
    SITE_URL: 'https://al-ayyam.example',
    WEATHER_URL: 'https://upstream.test/v1/forecast',
    WEATHER_KV: memoryKv().binding,
    CF_VERSION_METADATA: { id: 'node-test', tag: '', timestamp: '' },
    ...bindings,
  } as Env;
}

/** The one app builder in Node over a fresh memory D1, the upstream answering, for Node-only tools (AMP validator). */
export async function nodeApp(articles: Article[]) {
  const upstream = fakeUpstream({ kind: 'ok', tempC: 28.5 }).fetch;
  return testApp({ bindings: nodeBindings({ DB: await memoryD1() }), articles, upstream });
}
