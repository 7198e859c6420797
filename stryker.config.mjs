// @ts-check
/**
 * Mutation testing (`npm run test:mutation`): Stryker changes the code one small step at a time and checks that
 * a test fails. Tests run in Node through vitest.mutation.config.ts (the workers pool cannot run under Stryker),
 * so the files mutated are those whose tests run there; see that file for which tests that is. Left out: the
 * content build and schema (tested through tests/content/validation.test.ts; left out for the time a run takes on
 * a 2-core machine) and the routes only the workerd route suites reach (lists, feeds, sitemaps, search, the
 * articles API).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/http/**/*.ts',
    'src/lib/**/*.ts',
    'src/content/slug.ts',
    'src/content/dates.ts',
    'src/content/front-matter.ts',
    'src/markdown/plain-text.ts',
    'src/weather/upstream.ts',
    'src/weather/service.ts',
    'src/routes/errors.tsx',
    'src/site/find-article.ts',
    'src/routes/media.ts',
    'src/routes/pages.tsx',
    'src/routes/temperature.ts',
    'src/routes/weather-api.ts',
    // The publish run: its outcomes, the order of its writes, faults, the lock and the purge after it.
    'src/publish/node/run-publish.ts',
    'src/publish/node/purge-client.ts',
  ],
  // Constants evaluated once at import (the weather rules, the SHA-256 tables) would need every test rerun per mutant.
  ignoreStatic: true,
  // The machine is shared: one test process at a time.
  concurrency: 1,
  timeoutMS: 10_000,
  ignorePatterns: ['.wrangler', 'dist', 'bench/results', 'test-results', 'reports', 'docs'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  // Reuses the results of unchanged code and tests from the previous run (reports/stryker-incremental.json).
  incremental: true,
  cleanTempDir: true,
};
