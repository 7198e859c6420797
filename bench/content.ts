/**
 * Building content bundles and swapping them into src/generated/content.js, which the Worker imports.
 *
 * Synthetic bundles are built into bench/results/.tmp/ first and copied into place only while wrangler bundles
 * the Worker (seconds, not minutes), so the window in which src/ holds anything but the real content is short.
 * The real bundle is always rebuilt afterwards, also on Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, renameSync } from 'node:fs';
import { CONTENT_MODULE, ROOT } from './paths.ts';

/** `scripts/build-content.ts` with the given arguments (no arguments: content/ into src/generated/content.js). */
export function buildContent(args: string[] = []): string {
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', 'scripts/build-content.ts', ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`content build failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

/** What `npm run build:content` does. */
export const restoreRealContent = () => buildContent();

let swappedIn = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (swappedIn) restoreRealContent();
    process.exit(130);
  });
}

async function swapped<T>(moduleFile: string, fn: () => Promise<T>): Promise<T> {
  swappedIn = true;
  try {
    // Copy then rename: a concurrent reader sees the old file or the new one, never half of one.
    copyFileSync(moduleFile, `${CONTENT_MODULE}.bench-tmp`);
    renameSync(`${CONTENT_MODULE}.bench-tmp`, CONTENT_MODULE);
    return await fn();
  } finally {
    restoreRealContent();
    swappedIn = false;
  }
}

/**
 * Runs `fn` with `moduleFile` in place of src/generated/content.js, then puts the real bundle back.
 * Anyone may rebuild the real content meanwhile (wrangler dev, the test setup), so `check` must confirm that
 * `fn` bundled the synthetic module; if not, `cleanUp` discards the result and the swap is tried again.
 */
export async function withContentModule<T>(
  moduleFile: string,
  fn: () => Promise<T>,
  check: (result: T) => boolean | Promise<boolean>,
  cleanUp: (result: T) => Promise<void> = async () => {},
): Promise<T> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const result = await swapped(moduleFile, fn);
    if (await check(result)) return result;
    await cleanUp(result);
    console.error('bench: src/generated/content.js was rebuilt by someone else while we bundled; trying again');
  }
  throw new Error(`could not bundle ${moduleFile}: src/generated/content.js kept changing under us`);
}
