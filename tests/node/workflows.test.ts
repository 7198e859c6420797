/**
 * The GitHub workflows: CI runs the README's test command and the browser suite on every push and pull request; the
 * publish workflow publishes content/ on a push to main, one run at a time, with exactly the secrets its header
 * documents. Every npm command they run exists, and Node comes from .nvmrc.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/wrangler-dev.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { branches?: string[]; paths?: string[] } | null>;
  concurrency?: { group: string; 'cancel-in-progress': boolean | string };
  jobs: Record<string, { steps: Step[] }>;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const workflow = (name: string) => {
  const text = read(`.github/workflows/${name}`);
  return { text, yaml: parse(text) as Workflow };
};
const ci = workflow('ci.yml');
const publish = workflow('publish.yml');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow) => steps(w).flatMap((step) => (step.run ? [step.run] : []));
/** Every npm command in the run lines, e.g. `npm ci`, `npm test`, `npm run test:e2e`. */
const npmCommands = (w: Workflow) => runs(w).flatMap((run) => [...run.matchAll(/\bnpm (ci|test|start|run [\w:-]+)/g)]);
/** The secrets a workflow reads (`secrets.NAME`), anywhere in it. */
const secretsOf = (text: string) => new Set([...text.matchAll(/\bsecrets\.(\w+)/g)].map((m) => m[1]));

const PUBLISH_SECRETS = ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'PURGE_URL', 'PURGE_TOKEN'];

describe('.github/workflows', () => {
  it('every npm command they run is npm ci or a script of package.json', () => {
    for (const w of [ci.yaml, publish.yaml]) {
      for (const [, command = ''] of npmCommands(w)) {
        if (command === 'ci') continue;
        const name = command === 'test' || command === 'start' ? command : command.replace(/^run /, '');
        expect(Object.keys(scripts), `npm ${command}`).toContain(name);
      }
    }
  });

  it('take Node from .nvmrc, in every job', () => {
    for (const w of [ci.yaml, publish.yaml]) {
      for (const [name, job] of Object.entries(w.jobs)) {
        const setup = job.steps.filter((step) => step.uses?.startsWith('actions/setup-node@'));
        expect(
          setup.map((step) => step.with),
          name,
        ).toEqual([{ 'node-version-file': '.nvmrc', cache: 'npm' }]);
      }
    }
  });
});

describe('ci.yml', () => {
  it('runs on every push and every pull request', () => {
    expect(ci.yaml.on).toEqual({ push: null, pull_request: null });
  });

  it("runs the README's test command as written there, and the browser suite with Debian's Chromium and Java", () => {
    const readme = read('README.md').split('\n');
    for (const command of ['npm ci && npm test', 'npm run test:e2e']) {
      expect(readme, `README.md no longer says ${command}`).toContain(command);
      expect(runs(ci.yaml)).toContain(command);
    }
    expect(runs(ci.yaml).join('\n')).toMatch(/apt-get install .*\bchromium\b.*\bdefault-jre-headless\b/);
  });

  it('uses no secret', () => {
    expect(secretsOf(ci.text)).toEqual(new Set());
  });
});

describe('publish.yml', () => {
  it('runs on a push to main that touches content/ (or by hand)', () => {
    expect(publish.yaml.on).toEqual({
      push: { branches: ['main'], paths: ['content/**'] },
      workflow_dispatch: null,
    });
  });

  it('checks the content, then publishes it to production', () => {
    const npm = npmCommands(publish.yaml).map((m) => m[0]);
    expect(npm).toEqual(['npm ci', 'npm run check:content', 'npm run content:publish']);
    expect(runs(publish.yaml)).toContain('npm run content:publish -- --remote');
  });

  it('never runs two publishes at once, nor cancels one half way', () => {
    expect(publish.yaml.concurrency).toEqual({ group: 'publish-content', 'cancel-in-progress': false });
  });

  it('reads exactly the secrets its header documents, and gives them only to the publish step', () => {
    expect(secretsOf(publish.text)).toEqual(new Set(PUBLISH_SECRETS));
    const header = publish.text.slice(0, publish.text.indexOf('\nname:'));
    for (const secret of PUBLISH_SECRETS) expect(header, secret).toContain(secret);
    expect(header).toMatch(/D1 · Edit[\s\S]*Workers R2 Storage · Edit[\s\S]*Workers Scripts · Edit/);
    const withSecrets = steps(publish.yaml).filter((step) => secretsOf(JSON.stringify(step.env ?? {})).size > 0);
    expect(withSecrets.map((step) => step.run)).toEqual(['npm run content:publish -- --remote']);
    expect(Object.keys(withSecrets[0]?.env ?? {})).toEqual(expect.arrayContaining(PUBLISH_SECRETS));
  });
});
