/**
 * The tests Stryker runs for `npm run test:mutation`: the pure ones, in Node. Stryker's vitest runner cannot
 * drive the workers pool (@cloudflare/vitest-plugin runs tests inside workerd, out of the runner's reach), so
 * tests that need a real binding (tests/weather/kv.test.ts, tests/http/app.test.ts and the route suites, which read
 * the real local D1) are not part of it.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'tests/http/conditional.test.ts',
      'tests/lib/**/*.test.ts',
      'tests/lib-hash.test.ts',
      'tests/content/**/*.test.ts',
      // tests/markdown/render and sanitize-matrix read HTML with workerd's HTMLRewriter: workers pool only.
      'tests/markdown/plain-text.test.ts',
      'tests/weather/upstream.test.ts',
      'tests/weather/service.test.ts',
    ],
  },
});
