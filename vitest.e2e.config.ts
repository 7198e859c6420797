// Browser tests against `wrangler dev` (Debian Chromium via playwright-core, axe-core, Lighthouse): `npm run test:e2e`.
// Plain Node: no Workers pool. One global setup starts a fake weather upstream and the site; files run one at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['./tests/e2e/setup.ts'],
    // One browser (or Lighthouse's Chrome) at a time: the machine is small and Lighthouse measures timings.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    reporters: ['verbose'],
  },
});
