/** Turns the measurements into one markdown table: every figure with its target and a pass/fail mark. */
import type { EdgeResults } from './edge.ts';
import type { RenderResults } from './render.ts';
import type { ScaleRow } from './scale.ts';
import type { BundleSize, SizeResults, Startup } from './size.ts';
import type { RouteRuns } from './throughput.ts';
import type { PageWeight } from './weight.ts';

export interface Row {
  section: string;
  metric: string;
  result: string;
  target: string;
  /** true pass, false fail, null no target or not measured. */
  pass: boolean | null;
}

const KIB = 1024;
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (v: number) => (v < 0.1 ? `${(v * 1000).toFixed(1)} µs` : `${v.toFixed(v < 10 ? 2 : 0)} ms`);
const x = (v: number) => (Number.isFinite(v) ? `${v >= 100 ? int(v) : v.toFixed(2)}×` : 'n/a');
const size = (s: BundleSize) => `${kib(s.rawBytes)} raw / ${kib(s.gzipBytes)} gzip`;
const startupText = (s: Startup, naive: Startup) =>
  `${ms(s.activeMs)} CPU (sampled ${ms(s.sampledMs)}); naive Hono+marked app ${ms(naive.activeMs)} → ${x(s.activeMs / naive.activeMs)}`;

function vsBaseline(real: RouteRuns, baseline: RouteRuns, ratio: number): string {
  if (real.status !== 200) return `not measured: route answers ${real.status}`;
  const failures = real.failures + baseline.failures;
  return (
    `${int(real.medianRps)} rps vs baseline ${int(baseline.medianRps)} rps → ${x(ratio)}` +
    (failures ? ` (${failures} failed requests!)` : '')
  );
}

const atLeast = (v: number, min: number) => (Number.isFinite(v) ? v >= min : null);
const below = (v: number, max: number) => (Number.isFinite(v) ? v < max : null);

function edgeRows(edge: EdgeResults): Row[] {
  const { runs } = edge;
  const section = '1 edge rps (workerd)';
  const pair = (metric: string, real: RouteRuns | undefined, base: RouteRuns | undefined, ratio: number): Row =>
    real && base
      ? {
          section,
          metric,
          result: vsBaseline(real, base, ratio),
          target: 'real/baseline ≥ 0.90',
          pass: atLeast(ratio, 0.9),
        }
      : { section, metric, result: 'not measured', target: 'real/baseline ≥ 0.90', pass: null };
  const naive = runs.naive;
  const article = runs.article;
  return [
    pair('article `/articles/<seed>`', article, runs.articleBaseline, edge.articleVsBaseline),
    pair('AMP `/articles/<seed>/amp`', runs.amp, runs.ampBaseline, edge.ampVsBaseline),
    pair('JSON `/api/articles/<seed>`', runs.json, runs.jsonBaseline, edge.jsonVsBaseline),
    {
      section: '2 naive design',
      metric: 'bare `marked.parse` per request `/__naive/<seed>`',
      result:
        naive && article
          ? `naive ${int(naive.medianRps)} rps, ours ${int(article.medianRps)} rps → our speedup ${x(edge.speedupVsNaive)}`
          : 'not measured',
      target: 'report',
      pass: null,
    },
  ];
}

function renderRows(render: RenderResults): Row[] {
  const section = '3 render (Node, p50)';
  const rows: Row[] = render.cases.map((c) => ({
    section,
    metric: `first render, ${c.name} (${kb(c.markdownBytes)} md)`,
    result: `${ms(c.firstRenderMs)} vs bare marked.parse ${ms(c.markedMs)} → ${x(c.ratio)}`,
    target: '≤ 1.30× marked',
    pass: c.ratio <= 1.3,
  }));
  const largest = render.cases[render.cases.length - 1];
  if (largest) {
    rows.push({
      section,
      metric: `first render, ${largest.name}, absolute`,
      result: `${ms(largest.firstRenderMs)} (${x(largest.ratio)} marked.parse)`,
      target: '< 10 ms',
      pass: largest.firstRenderMs < 10,
    });
  }
  const first = render.cases[0]?.firstRenderMs ?? Number.NaN;
  rows.push(
    {
      section,
      metric: 'memoized render, seed (template hit + temperature fill)',
      result: `${ms(render.memoizedRenderUs / 1000)} → ${x(render.memoSpeedup)} faster than first render`,
      target: 'report',
      pass: null,
    },
    {
      section,
      metric: 'memoized request, seed (`app.fetch` in Node, warm caches)',
      result: `${ms(render.memoizedRequestUs / 1000)} → ${x(first / (render.memoizedRequestUs / 1000))} faster than first render`,
      target: 'report',
      pass: null,
    },
  );
  return rows;
}

function sizeRows(s: SizeResults): Row[] {
  const section = '4 size & startup';
  return [
    {
      section,
      metric: 'bundle, real content (`wrangler deploy --dry-run`)',
      result: `${size(s.real)}; content module ${kib(s.real.contentBytes)} raw of it`,
      target: 'report',
      pass: null,
    },
    {
      section,
      metric: 'bundle, code only (built with an empty article list)',
      result: size(s.codeOnly),
      target: '≤ 100 KiB gzip',
      pass: s.codeOnly.gzipBytes <= 100 * KIB,
    },
    {
      section,
      metric: 'startup (`wrangler check startup`, median)',
      result: startupText(s.startup, s.naiveStartup),
      target: '< 10 ms CPU',
      pass: below(s.startup.activeMs, 10),
    },
  ];
}

function scaleRows(rows: ScaleRow[], naive: Startup): Row[] {
  const out: Row[] = [];
  const first = rows[0];
  for (const r of rows) {
    const section = `5 scale: ${int(r.articles)} articles`;
    const bundleOk = r.size.gzipBytes <= 100 * KIB;
    const startupOk = below(r.startup.activeMs, 10);
    const flat = (key: 'article' | 'list') => (first ? r.runs[key].medianRps / first.runs[key].medianRps : Number.NaN);
    const costRow = (key: 'article' | 'list', label: string, ratio: number): Row => {
      const real = r.runs[key];
      const perRequest = 1000 / real.medianRps;
      return {
        section,
        metric: label,
        result:
          `${int(real.medianRps)} rps (${perRequest.toFixed(2)} ms/req), ${x(ratio)} baseline, ` +
          `${x(flat(key))} of the ${int(first?.articles ?? Number.NaN)}-article rps`,
        target: 'flat: ≥ 0.90× baseline',
        pass: atLeast(ratio, 0.9),
      };
    };
    out.push(
      {
        section,
        metric: `bundle (content build ${(r.buildMs / 1000).toFixed(1)} s)`,
        result: `${size(r.size)}; content ${kib(r.size.contentBytes)} raw${bundleOk ? '' : ' — EXCEEDS the 100 KiB gzip limit'}`,
        target: '≤ 100 KiB gzip',
        pass: bundleOk,
      },
      {
        section,
        metric: 'startup',
        result: `${startupText(r.startup, naive)}${startupOk === false ? ' — EXCEEDS the 10 ms limit' : ''}`,
        target: '< 10 ms CPU',
        pass: startupOk,
      },
      costRow('article', 'article page', r.articleVsBaseline),
      costRow('list', 'front page `/` (list)', r.listVsBaseline),
    );
  }
  return out;
}

function weightRows(w: { html: PageWeight; amp: PageWeight }): Row[] {
  const section = '6 page weight';
  const requests = (p: PageWeight) =>
    `${p.requests.total} (document + ${p.requests.images} img + ${p.requests.stylesheets} css + ${p.requests.scripts} js + ${p.requests.icons} icon)`;
  const rows: Row[] = [
    {
      section,
      metric: 'article HTML (inline CSS included)',
      result: `${kb(w.html.rawBytes)} raw / ${kb(w.html.gzipBytes)} gzip; CSS ${kb(w.html.cssBytes)}`,
      target: '< 30 KB raw',
      pass: w.html.rawBytes < 30_000,
    },
    {
      section,
      metric: 'article JavaScript',
      result: `${w.html.scripts} script elements`,
      target: '0',
      pass: w.html.scripts === 0,
    },
    { section, metric: 'article requests to render', result: requests(w.html), target: 'report', pass: null },
  ];
  if (w.amp.status !== 200) {
    rows.push({
      section,
      metric: 'AMP page',
      result: `not measured: route answers ${w.amp.status}`,
      target: 'AMP CSS < 15 KB',
      pass: null,
    });
    return rows;
  }
  rows.push(
    {
      section,
      metric: 'AMP HTML',
      result: `${kb(w.amp.rawBytes)} raw / ${kb(w.amp.gzipBytes)} gzip`,
      target: 'report',
      pass: null,
    },
    {
      section,
      metric: 'AMP CSS (`<style amp-custom>` + style attributes)',
      result: kb(w.amp.cssBytes + w.amp.inlineStyleAttrBytes),
      target: '< 15 KB',
      pass: w.amp.cssBytes + w.amp.inlineStyleAttrBytes < 15_000,
    },
    { section, metric: 'AMP requests to render', result: requests(w.amp), target: 'report', pass: null },
  );
  return rows;
}

export function buildRows(r: { edge: EdgeResults; render: RenderResults; size: SizeResults; scale: ScaleRow[] }) {
  return [
    ...edgeRows(r.edge),
    ...renderRows(r.render),
    ...sizeRows(r.size),
    ...scaleRows(r.scale, r.size.naiveStartup),
    ...weightRows(r.edge.weight),
  ];
}

const mark = (pass: boolean | null) => (pass === null ? '—' : pass ? '✅' : '❌');
const cell = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(rows: Row[]): string {
  return [
    '| Section | Metric | Result | Target | Pass |',
    '| --- | --- | --- | --- | :---: |',
    ...rows.map(
      (r) => `| ${cell(r.section)} | ${cell(r.metric)} | ${cell(r.result)} | ${cell(r.target)} | ${mark(r.pass)} |`,
    ),
  ].join('\n');
}
