/**
 * The Worker's bindings are typed by `Env` in worker-configuration.d.ts, generated from wrangler.toml by
 * `npm run cf-typegen` (and checked by `npm test`). This re-export only serves files that still import it
 * (src/deps.ts, src/index.ts, tests/helpers/app.ts, bench/): delete it once they use the global `Env`.
 */
type GeneratedEnv = Env;

export type { GeneratedEnv as Env };
