/** Bundles a bench module that imports .tsx (which Node's type stripping cannot load) and imports the result. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT, TMP_DIR } from './paths.ts';

export async function importBundled<T>(entry: string): Promise<T> {
  const outfile = join(TMP_DIR, `${entry.replace(/\W+/g, '-')}.mjs`);
  // JSX settings come from the project's tsconfig.json, as in the Worker build. Packages stay imports: Node
  // resolves them from the project's node_modules (bundling yaml's CommonJS into ESM would break its requires).
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    logLevel: 'error',
  });
  return (await import(pathToFileURL(outfile).href)) as T;
}
