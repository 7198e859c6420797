/**
 * The tests Stryker runs for `npm run test:mutation`: the pure ones, in Node. Stryker's vitest runner cannot
 * drive the workers pool (@cloudflare/vitest-plugin runs tests inside workerd, out of the runner's reach), so
 * tests that need a real binding (tests/weather/kv.test.ts, the SELF.fetch route suites) are not part of it;
 * those that reach the app do so through createApp with a memory KV (tests/http/app.test.ts).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'tests/http/**/*.test.ts',
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
