/**
 * Item 4: bundle size (with the real content, and with an empty article list to get the code alone) and
 * startup CPU, read against the naive app (same dependencies and content, none of our code) profiled in the same run.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeWranglerConfig } from './config.ts';
import { buildContent, withContentModule } from './content.ts';
import { ROOT, TMP_DIR } from './paths.ts';
import { dryRun, type SizeResults, startups } from './size.ts';

export async function measureSize(): Promise<SizeResults> {
  const site = writeWranglerConfig('site', 'site');
  const naive = writeWranglerConfig('naive', 'naive');
  const real = await dryRun(site, join(TMP_DIR, 'site'));

  // The code alone: the same build with no articles (the content module shrinks to `JSON.parse("[]")`).
  const empty = join(TMP_DIR, 'empty');
  mkdirSync(join(empty, 'content'), { recursive: true });
  buildContent([
    '--content',
    relative(ROOT, join(empty, 'content')),
    '--out',
    relative(ROOT, join(empty, 'content.js')),
  ]);
  const codeOnly = await withContentModule(
    join(empty, 'content.js'),
    () => dryRun(site, join(TMP_DIR, 'site-empty')),
    // An empty list is `JSON.parse("[]")`: anything bigger means the real content came back mid-build.
    (size) => size.contentBytes < 200,
  );

  const naiveSize = await dryRun(naive, join(TMP_DIR, 'naive'));
  const [startup, naiveStartup] = await startups([real.formPath, naiveSize.formPath], join(TMP_DIR, 'site'), 5);
  if (!startup || !naiveStartup) throw new Error('startup profiling returned nothing');
  return { real, codeOnly, naive: naiveSize, startup, naiveStartup };
}
