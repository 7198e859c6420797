/**
 * The tests Stryker runs for `npm run test:mutation`, in Node. Stryker's vitest runner cannot drive the workers
 * pool (@cloudflare/vitest-plugin runs tests inside workerd, out of the runner's reach), so these are the pure
 * tests and tests/node/app-http.test.ts, which runs the whole app over an in-memory D1 (node:sqlite). The route
 * suites, which read workerd's local D1, KV and R2, are not part of it.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'tests/http/conditional.test.ts',
      'tests/node/app-http.test.ts',
      'tests/render/xml.test.ts',
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
