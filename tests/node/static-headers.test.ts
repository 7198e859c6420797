/** public/_headers (static files, which never reach the Worker) agrees with the headers the Worker sends. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeApp } from './support/bindings.ts';

/** The header rules of a Workers Static Assets `_headers` file, by URL pattern. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const at = line.indexOf(':');
    current?.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return rules;
}

const rules = parseHeadersFile(readFileSync(resolve(import.meta.dirname, '../../public/_headers'), 'utf8'));
const forAll = rules.get('/*') ?? new Map<string, string>();

describe('public/_headers', () => {
  it('gives static files no-sniffing and a CSP that runs no script and allows no framing', () => {
    expect(forAll.get('x-content-type-options')).toBe('nosniff');
    const csp = forAll.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src/);
  });

  it('repeats no header of the Worker with another value', async () => {
    const site = await nodeApp([]);
    const page = await site.request('/');
    const disagreeing = [...forAll]
      .filter(([name]) => name !== 'content-security-policy' && page.headers.has(name))
      .filter(([name, value]) => page.headers.get(name) !== value)
      .map(([name, value]) => `${name}: _headers says "${value}", the Worker "${page.headers.get(name)}"`);
    expect(disagreeing).toEqual([]);
  });
});
