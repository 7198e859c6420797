/**
 * The W3C Nu Html Checker (vnu.jar, from the vnu-jar package) on pages as the running site serves them: no errors.
 * Warnings are printed, not failed. vnu.jar needs Java (11 or later) on PATH or in JAVA_HOME; without it every test
 * here fails saying how to install it, rather than skipping: a checker that silently does not run checks nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUTHOR_PATH, CORRECTED_SLUG, LIVE_PATH, SECTION_PATH } from './newsroom.ts';
import { SEED_ARTICLE_PATH, SEED_TAG_PATH } from './site.ts';

const baseUrl = inject('baseUrl');
const run = promisify(execFile);

const require = createRequire(import.meta.url);
/** The package's main export is the jar's path. */
const VNU_JAR = String(require('vnu-jar'));
/** A Java runtime the package's install script may have put in node_modules/.cache (it never downloads here). */
const cachedJava = (): string | null => require('vnu-jar/vnu-java-downloader.js').findCachedJava() ?? null;

const MISSING_JAVA =
  'vnu.jar (the W3C Nu Html Checker) needs Java 11 or later, and there is no `java` on PATH or in JAVA_HOME. ' +
  'Install a Java runtime (Debian/Ubuntu: `sudo apt-get install -y default-jre-headless`) and run `npm run test:e2e` again.';

/** Every kind of HTML page (AMP has its own validator: tests/node). */
const CHECKED = [
  { name: 'front', path: '/', status: 200 },
  { name: 'section', path: SECTION_PATH, status: 200 },
  { name: 'article', path: SEED_ARTICLE_PATH, status: 200 },
  { name: 'corrected-article', path: `/articles/${CORRECTED_SLUG}`, status: 200 },
  { name: 'author', path: AUTHOR_PATH, status: 200 },
  { name: 'live', path: LIVE_PATH, status: 200 },
  { name: 'tag', path: SEED_TAG_PATH, status: 200 },
  { name: 'archive-page-2', path: '/page/2', status: 200 },
  { name: 'corrections', path: '/corrections', status: 200 },
  { name: '404', path: '/no-such-page', status: 404 },
] as const;

/** One message of vnu's JSON output. */
interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/**
 * The first Java that answers `-version`: JAVA_HOME's, PATH's, then one vnu-jar's install script left in
 * node_modules/.cache (npm runs that script only where install scripts are allowed); null when there is none.
 */
async function findJava(): Promise<{ command: string; version: string } | null> {
  const home = process.env.JAVA_HOME;
  const candidates = [
    ...(home ? [join(home, 'bin', 'java')] : []),
    'java',
    ...[cachedJava()].filter((c) => c !== null),
  ];
  for (const command of candidates) {
    try {
      const { stderr, stdout } = await run(command, ['-version'], { timeout: 20_000 });
      return { command, version: `${stderr}${stdout}`.split('\n')[0]?.trim() ?? '' };
    } catch {
      // not there, or not runnable: try the next
    }
  }
  return null;
}

const format = (m: VnuMessage) =>
  `  line ${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`;

let java: Awaited<ReturnType<typeof findJava>> = null;
let dir = '';
/** vnu's messages per checked page name. */
const messages = new Map<string, VnuMessage[]>();

beforeAll(async () => {
  java = await findJava();
  if (!java) return;
  dir = mkdtempSync(join(tmpdir(), 'al-ayyam-vnu-'));
  const files = await Promise.all(
    CHECKED.map(async ({ name, path, status }) => {
      const res = await fetch(`${baseUrl}${path}`);
      if (res.status !== status) throw new Error(`GET ${path} answered ${res.status}, expected ${status}`);
      const file = join(dir, `${name}.html`);
      writeFileSync(file, await res.text());
      return file;
    }),
  );
  const started = Date.now();
  // One JVM for every page. vnu exits 1 when it reports errors; its JSON report is on stdout either way.
  const { stdout } = await run(java.command, ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], {
    maxBuffer: 1 << 24,
    timeout: 90_000,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    if (error.stdout) return { stdout: error.stdout };
    throw new Error(`vnu.jar did not run: ${error.stderr || error.message}`);
  });
  const report = JSON.parse(stdout) as { messages: VnuMessage[] };
  for (const m of report.messages) {
    const name = m.url ? basename(new URL(m.url).pathname, '.html') : '?';
    messages.set(name, [...(messages.get(name) ?? []), m]);
  }
  console.log(
    `[vnu] ${java.version}; ${CHECKED.length} pages checked in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('W3C Nu Html Checker (vnu.jar)', () => {
  it.each(CHECKED)('$name page ($path): no errors', ({ name }) => {
    expect(java, MISSING_JAVA).not.toBeNull();
    const found = messages.get(name) ?? [];
    const errors = found.filter((m) => m.type !== 'info');
    const warnings = found.filter((m) => m.type === 'info' && m.subType === 'warning');
    if (warnings.length > 0)
      console.warn(`[vnu] ${name}: ${warnings.length} warning(s)\n${warnings.map(format).join('\n')}`);
    expect(errors.map(format), `vnu errors on the ${name} page`).toEqual([]);
  });
});
