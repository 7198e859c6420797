/**
 * `npm run content:publish -- --local | --remote`: validates content/ and writes what changed to D1, with the
 * photos of content/media/ (variants) and every article's share card in R2; then deletes what R2 no longer needs.
 * All or nothing: when any file has a problem, nothing is written and every problem is printed as
 * `file: field: expectation`. Prints added / updated / removed / unchanged.
 * `npm run check:content` runs the same validation without touching any database.
 */
import { readFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildContent, ContentError } from '../src/content/build.ts';
import { loadStamps, saveStamps } from '../src/publish/node/file-stamps.ts';
import { knownByStamp, rowsByFile, selectChanged, slugClashes, sourceHash } from '../src/publish/node/incremental.ts';
import { localD1File, openLocalD1 } from '../src/publish/node/local-d1.ts';
import { localImageFile, MEDIA_FOLDER, measureFrom } from '../src/publish/node/measure-image.ts';
import { CARD_WINDOW_MS, checkMedia, type ReadMedia } from '../src/publish/node/media-publish.ts';
import { readContentFolder } from '../src/publish/node/read-content.ts';
import { renderBudgetProblems } from '../src/publish/node/render-budget.ts';
import { describePlan, isEmptyPlan } from '../src/publish/plan.ts';
import { publishArticles } from '../src/publish/publish.ts';
import { readPublishedState } from '../src/publish/write.ts';

// Node caches the compiled code of what this script imports (wrangler is large): a second run starts faster.
enableCompileCache();

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    local: { type: 'boolean', default: false },
    remote: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content' },
    public: { type: 'string', default: 'public' },
    'persist-to': { type: 'string' },
    // Rebuild and revalidate every file, not only the changed ones (e.g. after the validation rules changed).
    full: { type: 'boolean', default: false },
  },
});

if (!values.check && values.local === values.remote) {
  console.error('content:publish: say where to publish: --local (the database `npm start` serves) or --remote');
  process.exit(2);
}

const root = process.cwd();
const started = performance.now();
const publicDir = resolve(root, values.public);
const mediaDir = resolve(root, values.content, MEDIA_FOLDER);
const measure = measureFrom(root, publicDir, mediaDir);
/** The bytes of a media-folder image the build has already found and measured. */
const readMedia: ReadMedia = (src) => {
  const file = localImageFile({ root, publicDir, mediaDir }, src);
  if (typeof file !== 'string') throw new Error(file.problem);
  return readFileSync(file);
};

/** Prints every problem as `file: field: expectation` and exits 1. */
function fail(all: string[]): never {
  console.error(`Content check failed: ${all.length} problem(s)\n${all.map((p) => `  ${p}`).join('\n')}`);
  if (!values.check) console.error('Nothing was written: fix every problem, then publish again.');
  process.exit(1);
}

if (values.check) {
  const { files, problems } = readContentFolder(root, values.content);
  const { articles, errors } = buildContent(files, measure);
  const all = [
    ...problems,
    ...errors.map(String),
    ...renderBudgetProblems(articles),
    ...(await checkMedia(articles, readMedia)),
  ];
  if (all.length > 0) fail(all);
  const drafts = files.length - articles.length;
  console.log(`Content OK: ${articles.length} article(s) published${drafts ? `; ${drafts} draft(s) held back` : ''}`);
  process.exit(0);
}

const where = values.remote ? 'remote D1 and R2' : 'local D1 and R2';
const { openD1 } = await import('../src/publish/node/open-d1.ts');
const { publishMedia, removeUnusedMedia } = await import('../src/publish/node/media-publish.ts');
const persistTo = values['persist-to'];
// The platform proxy gives MEDIA (local: in the same state folder `wrangler dev` serves) and the remote DB; the
// local DB is the SQLite file `wrangler dev` serves, opened directly (fast).
const proxy = await openD1({ root, remote: values.remote, persistTo });
const local = values.remote ? null : openLocalD1(localD1File(resolve(root, persistTo ?? '.wrangler/state')));
const db = local?.db ?? proxy.db;
const { media } = proxy;
const close = async () => {
  await local?.close();
  await proxy.close();
};
// Stamps live next to the database they describe: the local state folder, or .wrangler/ for the remote one.
const stampsFile = values.remote
  ? resolve(root, '.wrangler/content-stamps.remote.json')
  : resolve(root, persistTo ?? '.wrangler/state', 'content-stamps.json');
try {
  const state = await readPublishedState(db);
  // Files unchanged since their text was published are not read; of those read, only new and changed ones are
  // parsed, validated and rendered. --full reads and builds everything.
  const byFile = rowsByFile(state);
  const stamps = values.full ? new Map() : loadStamps(stampsFile);
  const {
    files,
    problems,
    skipped,
    stamps: seen,
  } = readContentFolder(root, values.content, knownByStamp(byFile, stamps, measure));
  const selection = values.full
    ? {
        toBuild: files,
        kept: new Map<string, string>(),
        sourceHashes: new Map(files.map((f) => [f.path, sourceHash(f.text)])),
      }
    : selectChanged(files, skipped, byFile, measure);
  const { articles, errors } = buildContent(selection.toBuild, measure);
  const clashes = slugClashes(
    articles,
    selection.kept,
    (file, field, message) => new ContentError(file, field, message),
  );
  const all = [
    ...problems,
    ...[...errors, ...clashes].map(String),
    // Only the built (new or changed) articles: unchanged ones passed when they were published.
    ...renderBudgetProblems(articles),
    ...(await checkMedia(articles, readMedia)),
  ];
  if (all.length > 0) fail(all);

  // Photos and share cards go to R2 first: an article row never names a key R2 does not hold.
  const now = new Date();
  const withMedia = await publishMedia(media, articles, readMedia, {
    cardsSince: now.getTime() - CARD_WINDOW_MS,
    keepCards: new Set([...state.rows.values()].flatMap((row) => (row.card ? [row.card] : []))),
  });

  let lastReport = performance.now();
  const plan = await publishArticles(db, withMedia.articles, {
    now,
    state,
    kept: new Set(selection.kept.keys()),
    sourceHashes: selection.sourceHashes,
    onProgress: (written, total) => {
      if (performance.now() - lastReport < 5_000) return;
      lastReport = performance.now();
      console.log(`  ${written} / ${total} written`);
    },
  });
  // Only after the D1 writes: nothing published still points at what is deleted.
  const deleted = await removeUnusedMedia(media, db);
  const published = new Map(
    [...seen].flatMap(([path, stamp]) => {
      const hash = selection.sourceHashes.get(path);
      return hash ? [[path, { stamp, hash }]] : [];
    }),
  );
  try {
    saveStamps(stampsFile, published, stamps);
  } catch (error) {
    // What is published stands; only the next run's shortcut is lost.
    console.error(
      `Could not save ${stampsFile} (${(error as Error).message}): published all the same; the next run may read unchanged files again.`,
    );
  }
  const { uploaded, processed } = withMedia.stats;
  const mediaLine = `; media: ${processed} image(s) processed, ${uploaded} file(s) uploaded, ${deleted} deleted`;
  const drafts = selection.toBuild.length - articles.length;
  const held = drafts ? `; ${drafts} draft(s) held back` : '';
  const read = `; ${files.length} of ${files.length + skipped.length} file(s) read (${skipped.length} unchanged since published)`;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    isEmptyPlan(plan)
      ? `Nothing to publish: ${where} is up to date (${describePlan(plan)}${held}${mediaLine}${read}), in ${seconds} s`
      : `Published to ${where}: ${describePlan(plan)}${held}${mediaLine}${read}, in ${seconds} s`,
  );
} finally {
  await close();
}
