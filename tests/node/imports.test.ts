/**
 * Dependencies point one way: entry → app → routes → (render, http) → (content, weather, markdown, …) → lib.
 * Reads every import in src/ and fails on an arrow from a lower folder to a higher one, naming the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * Level of each folder (or root file) of src/: a module may import its own level or lower ones, and two units of
 * one level may not import each other both ways (no cycle, not even type-only: checked below).
 */
const LEVELS: Record<string, number> = {
  'index.ts': 9,
  'app.ts': 8,
  // Node-only publisher: may import anything pure; nothing imports it (checked below).
  publish: 7,
  routes: 7,
  // What the app is built from, named by the routes that receive it.
  'deps.ts': 7,
  // Page assembly: reads the archive, shapes view data, renders and keys it.
  site: 6,
  render: 5,
  http: 5,
  // Per-isolate caches, which name what the store reads.
  cache: 4,
  store: 3,
  content: 2,
  weather: 2,
  markdown: 2,
  search: 2,
  media: 2,
  // URL rules and publication facts, used by views and routes alike.
  'paths.ts': 2,
  'site.ts': 1,
  lib: 1,
};

/** Folders on one level that must not import each other. */
const SIBLINGS_APART = [['render', 'http']];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js)$/.test(entry.name) ? [path] : [];
  });
}

/** The folder (or root file) of src/ a path belongs to. */
const unitOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

/** Relative specifiers of every static import, export-from and dynamic import, type-only ones included. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

interface Arrow {
  from: string;
  to: string;
  fromUnit: string;
  toUnit: string;
}

function arrows(): Arrow[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).map((specifier) => {
      const target = resolve(dirname(file), specifier);
      return {
        from: relative(SRC, file),
        to: relative(SRC, target),
        fromUnit: unitOf(file),
        toUnit: target.startsWith(`${SRC}/`) ? unitOf(target) : '(outside src)',
      };
    }),
  );
}

describe('the import graph of src/', () => {
  const all = arrows();

  it('is read: it finds the imports it judges', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all).toContainEqual(expect.objectContaining({ from: 'app.ts', toUnit: 'routes' }));
  });

  it('gives every folder and root file a level', () => {
    const unknown = [...new Set(all.flatMap((a) => [a.fromUnit, a.toUnit]))].filter((u) => !(u in LEVELS));
    expect(unknown, 'add new folders to LEVELS in tests/node/imports.test.ts').toEqual([]);
  });

  it('points only down: no module imports a higher level', () => {
    const upward = all
      .filter((a) => (LEVELS[a.toUnit] ?? 0) > (LEVELS[a.fromUnit] ?? 0))
      .map((a) => `${a.from} imports ${a.to} (${a.fromUnit} → ${a.toUnit})`);
    expect(upward).toEqual([]);
  });

  it('keeps render/ and http/ apart, and the Node-only publisher out of the Worker', () => {
    const crossing = all
      .filter(
        (a) =>
          SIBLINGS_APART.some(
            ([x, y]) => (a.fromUnit === x && a.toUnit === y) || (a.fromUnit === y && a.toUnit === x),
          ) ||
          (a.toUnit === 'publish' && a.fromUnit !== 'publish'),
      )
      .map((a) => `${a.from} imports ${a.to}`);
    expect(crossing).toEqual([]);
  });

  it('has no cycle between two units of one level, not even through type-only imports', () => {
    const pairs = new Set(all.filter((a) => a.fromUnit !== a.toUnit).map((a) => `${a.fromUnit} → ${a.toUnit}`));
    const cycles = [...pairs].filter((pair) => {
      const [from, to] = pair.split(' → ');
      return from !== undefined && to !== undefined && from < to && pairs.has(`${to} → ${from}`);
    });
    expect(cycles).toEqual([]);
  });

  it('stays inside src/', () => {
    expect(all.filter((a) => a.toUnit === '(outside src)').map((a) => `${a.from} imports ${a.to}`)).toEqual([]);
  });
});
