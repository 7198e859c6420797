/**
 * `npm run content:publish -- --local | --remote`: validates content/ and writes what changed to D1.
 * All or nothing: when any file has a problem, nothing is written and every problem is printed as
 * `file: field: expectation`. Prints added / updated / removed / unchanged.
 * `npm run check:content` runs the same validation without touching any database.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildContent, ContentError } from '../src/content/build.ts';
import { selectChanged, slugClashes, sourceHash } from '../src/publish/node/incremental.ts';
import { localD1File, openLocalD1 } from '../src/publish/node/local-d1.ts';
import { measureFrom } from '../src/publish/node/measure-image.ts';
import { readContentFolder } from '../src/publish/node/read-content.ts';
import { renderBudgetProblems } from '../src/publish/node/render-budget.ts';
import { describePlan, isEmptyPlan } from '../src/publish/plan.ts';
import { publishArticles } from '../src/publish/publish.ts';
import { readPublishedState } from '../src/publish/write.ts';

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
const measure = measureFrom(root, resolve(root, values.public));
const { files, problems } = readContentFolder(root, values.content);

/** Prints every problem as `file: field: expectation` and exits 1. */
function fail(all: string[]): never {
  console.error(`Content check failed: ${all.length} problem(s)\n${all.map((p) => `  ${p}`).join('\n')}`);
  if (!values.check) console.error('Nothing was written: fix every problem, then publish again.');
  process.exit(1);
}

if (values.check) {
  const { articles, errors } = buildContent(files, measure);
  const all = [...problems, ...errors.map(String), ...renderBudgetProblems(articles)];
  if (all.length > 0) fail(all);
  const drafts = files.length - articles.length;
  console.log(`Content OK: ${articles.length} article(s) published${drafts ? `; ${drafts} draft(s) held back` : ''}`);
  process.exit(0);
}

const where = values.remote ? 'remote D1' : 'local D1';
// Local: the SQLite file `wrangler dev` serves, opened directly (fast); remote: through wrangler's platform proxy.
const { db, close } = values.remote
  ? await (await import('../src/publish/node/open-d1.ts')).openD1({ root, remote: true })
  : openLocalD1(localD1File(resolve(root, values['persist-to'] ?? '.wrangler/state')));
try {
  const state = await readPublishedState(db);
  // Only new and changed files are parsed, validated and rendered; unchanged ones are kept as D1 holds them.
  const selection = values.full
    ? {
        toBuild: files,
        kept: new Map<string, string>(),
        sourceHashes: new Map(files.map((f) => [f.path, sourceHash(f.text)])),
      }
    : selectChanged(files, state, measure);
  const { articles, errors } = buildContent(selection.toBuild, measure);
  const clashes = slugClashes(
    articles,
    selection.kept,
    (file, field, message) => new ContentError(file, field, message),
  );
  if (problems.length + errors.length + clashes.length > 0) fail([...problems, ...[...errors, ...clashes].map(String)]);

  let lastReport = performance.now();
  const plan = await publishArticles(db, articles, {
    now: new Date(),
    state,
    kept: new Set(selection.kept.keys()),
    sourceHashes: selection.sourceHashes,
    onProgress: (written, total) => {
      if (performance.now() - lastReport < 5_000) return;
      lastReport = performance.now();
      console.log(`  ${written} / ${total} written`);
    },
  });
  const drafts = selection.toBuild.length - articles.length;
  const held = drafts ? `; ${drafts} draft(s) held back` : '';
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    isEmptyPlan(plan)
      ? `Nothing to publish: ${where} is up to date (${describePlan(plan)}${held}), in ${seconds} s`
      : `Published to ${where}: ${describePlan(plan)}${held}, in ${seconds} s`,
  );
} finally {
  await close();
}
