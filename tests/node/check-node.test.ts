/**
 * The Node version guard that `npm start`, `npm test`, `content:publish` and `check:content` run first: one line on a
 * Node too old for wrangler, nothing otherwise. Spawned under the machine's old Node when it has one (/usr/bin/node).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/wrangler-dev.ts';

const GUARD = join(ROOT, 'scripts/check-node.cjs');
const { meets } = createRequire(import.meta.url)(GUARD) as { meets: (found: string, engines: string) => boolean };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

const versionOf = (node: string) =>
  spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
const OLD_NODE = '/usr/bin/node';
const oldNode = existsSync(OLD_NODE) && !meets(versionOf(OLD_NODE), pkg.engines.node) ? OLD_NODE : null;

describe('the Node version guard', () => {
  it('compares versions part by part against "engines"', () => {
    expect(pkg.engines.node).toBe('>=22.12');
    expect(meets('20.20.2', '>=22.12')).toBe(false);
    expect(meets('22.11.9', '>=22.12')).toBe(false);
    expect(meets('22.12.0', '>=22.12')).toBe(true);
    expect(meets('22.23.5', '>=22.12')).toBe(true);
    expect(meets('23.0.0', '>=22.12')).toBe(true);
    expect(meets('100.0.0', '>=22.12')).toBe(true);
    expect(() => meets('22.12.0', '^22.12')).toThrow('"engines.node" should read ">=MAJOR.MINOR", got "^22.12"');
  });

  it('runs first in npm start, npm test, content:publish and check:content', () => {
    for (const name of ['start', 'test', 'content:publish', 'check:content']) {
      expect(pkg.scripts[name], name).toMatch(/^node scripts\/check-node\.cjs && /);
    }
  });

  it('.nvmrc names a Node that meets "engines"', () => {
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
    // A bare major (nvm takes its newest release) must be above the minimum's, or carry its minor.
    const [major = 0] = pkg.engines.node.replace('>=', '').split('.').map(Number);
    expect(Number(nvmrc.split('.')[0])).toBeGreaterThanOrEqual(major);
  });

  it('says nothing and lets the script run on this Node', () => {
    const run = spawnSync(process.execPath, [GUARD], { encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it.skipIf(!oldNode)(`stops ${OLD_NODE} at once with one line: needed, found, where .nvmrc is`, () => {
    const run = spawnSync(OLD_NODE, [GUARD], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Node.js >=22.12 is needed, found v${versionOf(OLD_NODE)} (${OLD_NODE}): ` +
        `run \`nvm use\` (it reads ${join(ROOT, '.nvmrc')}) or put a newer Node first on PATH.\n`,
    );
  });
});
