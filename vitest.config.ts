import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// The real local D1 in every workerd test: the migrations are read here and applied by tests/setup/d1.ts.
const migrations = await readD1Migrations('./migrations');

export default defineConfig({
  test: {
    // Validates content/ once before any test: a bad article fails the run like it fails the publish step.
    globalSetup: ['./tests/setup/content.ts'],
    projects: [
      {
        extends: true,
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: { TEST_MIGRATIONS: migrations },
              // Tests never reach the network: an upstream a test does not fake is simply down.
              outboundService: () => new Response('no network in tests', { status: 503 }),
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/node/**', 'tests/e2e/**'],
          setupFiles: ['./tests/setup/d1.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['tests/node/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
