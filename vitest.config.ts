import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds content/ once before any test: a bad article fails the run like it fails `wrangler dev`.
    globalSetup: ['./tests/node/setup/build-content.ts'],
    projects: [
      {
        extends: true,
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // Tests never reach the network: an upstream a test does not fake is simply down.
            miniflare: { outboundService: () => new Response('no network in tests', { status: 503 }) },
          }),
        ],
        test: { name: 'workers', include: ['tests/**/*.test.{ts,tsx}'], exclude: ['tests/node/**', 'tests/e2e/**'] },
      },
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['tests/node/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
