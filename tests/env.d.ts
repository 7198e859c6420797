// Test-only bindings on top of the Worker's generated Env (worker-configuration.d.ts).
import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      /** migrations/, read by vitest.config.ts and applied by tests/setup/d1.ts. */
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
