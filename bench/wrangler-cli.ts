/** Runs the project's wrangler CLI with this Node (22+), quietly, and fails with its output when it fails. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.ts';

const run = promisify(execFile);
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');

export async function wrangler(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [WRANGLER, ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`wrangler ${args.join(' ')} failed:\n${stdout}\n${stderr}`);
  }
}
