// Types for `env` and `exports` from cloudflare:workers inside tests: the Worker's own bindings and entry.
import type { Env as SiteEnv } from '../src/env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends SiteEnv {
      /** migrations/, read by vitest.config.ts and applied by tests/setup/d1.ts. */
      TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof import('../src/index.ts');
    }
  }
}
