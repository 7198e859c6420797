/**
 * The tests Stryker runs for `npm run test:mutation`, in Node. Stryker's vitest runner cannot drive the workers
 * pool (@cloudflare/vitest-plugin runs tests inside workerd, out of the runner's reach), so these are the pure
 * tests and the app suites that run in Node: headers and request paths over an in-memory D1 (node:sqlite), and
 * /media over local R2 through wrangler's platform proxy. The other route suites, which read workerd's local D1,
 * KV and R2, are not part of it.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // The content suites read content/ as validated by the same setup as `npm test`.
    globalSetup: ['./tests/setup/content.ts'],
    // As in `npm test`'s node project: the publish faults wait for SQLite's busy timeout.
    testTimeout: 60_000,
    include: [
      'tests/http/conditional.test.ts',
      'tests/http/range.test.ts',
      'tests/http/params.test.ts',
      'tests/site/find-article.test.ts',
      'tests/node/app-http.test.ts',
      'tests/node/request-path.test.ts',
      'tests/node/media-routes.test.ts',
      'tests/render/xml.test.ts',
      'tests/lib/**/*.test.ts',
      'tests/lib-hash.test.ts',
      'tests/content/**/*.test.ts',
      // tests/markdown/render and sanitize-matrix read HTML with workerd's HTMLRewriter: workers pool only.
      'tests/markdown/plain-text.test.ts',
      'tests/weather/upstream.test.ts',
      'tests/weather/service.test.ts',
      // The publish run, against a real local D1 file and an in-memory R2.
      'tests/node/run-publish.test.ts',
      'tests/node/publish-faults.test.ts',
      'tests/node/publish-lock.test.ts',
      'tests/node/run-publish-report.test.ts',
    ],
  },
});
