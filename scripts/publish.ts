/**
 * `npm run content:publish -- --local | --remote`: validates content/ and writes what changed to D1.
 * All or nothing: when any file has a problem, nothing is written and every problem is printed as
 * `file: field: expectation`. Prints added / updated / removed / unchanged.
 * `npm run check:content` runs the same validation without touching any database.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildContent } from '../src/content/build.ts';
import { measureFrom } from '../src/publish/node/measure-image.ts';
import { readContentFolder } from '../src/publish/node/read-content.ts';
import { renderBudgetProblems } from '../src/publish/node/render-budget.ts';
import { describePlan, isEmptyPlan } from '../src/publish/plan.ts';
import { publishArticles } from '../src/publish/publish.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    local: { type: 'boolean', default: false },
    remote: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content' },
    public: { type: 'string', default: 'public' },
    'persist-to': { type: 'string' },
  },
});

if (!values.check && values.local === values.remote) {
  console.error('content:publish: say where to publish: --local (the database `npm start` serves) or --remote');
  process.exit(2);
}

const root = process.cwd();
const started = performance.now();
const { files, problems } = readContentFolder(root, values.content);
const { articles, errors } = buildContent(files, measureFrom(root, resolve(root, values.public)));
const allProblems = [...problems, ...errors.map(String), ...renderBudgetProblems(articles)];
if (allProblems.length > 0) {
  console.error(
    `Content check failed: ${allProblems.length} problem(s)\n${allProblems.map((p) => `  ${p}`).join('\n')}`,
  );
  if (!values.check) console.error('Nothing was written: fix every problem, then publish again.');
  process.exit(1);
}
const drafts = files.length - articles.length;
const held = drafts ? `; ${drafts} draft(s) held back` : '';
if (values.check) {
  console.log(`Content OK: ${articles.length} article(s) published${held}`);
  process.exit(0);
}

const where = values.remote ? 'remote D1' : 'local D1';
const { openD1 } = await import('../src/publish/node/open-d1.ts');
const { db, close } = await openD1({ root, remote: values.remote, persistTo: values['persist-to'] });
try {
  let lastReport = 0;
  const plan = await publishArticles(db, articles, {
    now: new Date(),
    onProgress: (written, total) => {
      if (performance.now() - lastReport < 5_000) return;
      lastReport = performance.now();
      console.log(`  ${written} / ${total} written`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    isEmptyPlan(plan)
      ? `Nothing to publish: ${where} is up to date (${describePlan(plan)}${held}), in ${seconds} s`
      : `Published to ${where}: ${describePlan(plan)}${held}, in ${seconds} s`,
  );
} finally {
  await close();
}
