/**
 * `npm run content:publish -- --local | --remote`: validates content/ and writes what changed to D1, with the
 * photos of content/media/ (variants) and every article's share card in R2; then deletes what R2 no longer needs.
 * All or nothing: when any file has a problem, nothing is written and every problem is printed as
 * `file: field: expectation`. Prints added / updated / removed / unchanged, and the share cards made.
 * `--cards N` (default 200, 0 for none): share cards made per run for older articles that have none, newest first,
 * so an imported back catalogue gets its cards over a few runs rather than all in one.
 * With `--remote`, PURGE_URL and PURGE_TOKEN set (see docs/operations.md), it then purges Workers Cache by the
 * tags of what changed.
 * `npm run check:content` runs the same validation without touching any database.
 * The run itself is runPublish (src/publish/node/run-publish.ts); this file parses the arguments and prints.
 *
 * Exit codes: 0 done; 1 content problems (nothing written); 2 bad arguments; 3 a fault of the surroundings (disk
 * full, read-only or locked database, R2 failure), printed as one line `content:publish: <operation> <target>:
 * <cause>`; 4 another publish holds the lock (nothing written: try again once it is done).
 */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { CARD_BACKLOG_DEFAULT } from '../src/publish/node/card-backlog.ts';
import { describeReport } from '../src/publish/node/publish-report.ts';
import { purgeFromEnv } from '../src/publish/node/purge-client.ts';
import { runPublish } from '../src/publish/node/run-publish.ts';

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
    cards: { type: 'string', default: String(CARD_BACKLOG_DEFAULT) },
  },
});

if (!/^\d+$/.test(values.cards)) {
  console.error(`content:publish: --cards expects a whole number of share cards (0 for none), got "${values.cards}"`);
  process.exit(2);
}

if (!values.check && values.local === values.remote) {
  console.error('content:publish: say where to publish: --local (the database `npm start` serves) or --remote');
  process.exit(2);
}

// Only the remote database has a Workers Cache in front of it.
const purge = values.remote ? purgeFromEnv(process.env) : null;
if (purge && 'invalid' in purge) {
  console.error(`content:publish: ${purge.invalid}`);
  process.exit(2);
}

const outcome = await runPublish({
  root: process.cwd(),
  content: values.content,
  public: values.public,
  mode: values.check ? 'check' : values.remote ? 'remote' : 'local',
  persistTo: values['persist-to'],
  full: values.full,
  cardBacklog: Number(values.cards),
  log: { info: (line) => console.log(line), warn: (line) => console.error(line) },
  purge,
});

switch (outcome.kind) {
  case 'checked': {
    const { articles, drafts } = outcome;
    console.log(`Content OK: ${articles} article(s) published${drafts ? `; ${drafts} draft(s) held back` : ''}`);
    break;
  }
  case 'published':
    console.log(describeReport(outcome.report));
    break;
  case 'problems': {
    const { problems } = outcome;
    console.error(`Content check failed: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
    if (!values.check) console.error('Nothing was written: fix every problem, then publish again.');
    process.exitCode = 1;
    break;
  }
  case 'fault':
    console.error(`content:publish: ${outcome.fault.message}`);
    process.exitCode = 3;
    break;
  case 'busy':
    console.error(`content:publish: ${outcome.message}`);
    process.exitCode = 4;
    break;
}
