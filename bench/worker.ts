/// <reference types="@cloudflare/workers-types" />
// (The reference above lets tsconfig.node.json type-check this Worker file and the src/ modules it imports.)
/**
 * Bench-only Worker entry: the real site, plus two comparison routes that exist only in the bench build.
 *
 * - `/__baseline/<path>`: the bytes and headers the real site answered for <path> the first time, replayed as a
 *   precomputed ArrayBuffer. Nothing can answer that page faster in this runtime, so real/baseline says how close
 *   the site is to the limit.
 * - `/__naive/<slug>`: the naive design (naive-worker.ts): bare `marked.parse` into a small template per request.
 * - `/__bench/info`: how many articles this bundle holds, so the scale runs can check which content they measure.
 *
 * Every other request goes straight to the real default export, untouched.
 */
import type { Env } from '../src/env.ts';
import { articles } from '../src/generated/content.js';
import site from '../src/index.ts';
import { naive } from './naive-worker.ts';

const BASELINE = '/__baseline';

interface Captured {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

const captured = new Map<string, Promise<Captured>>();

async function capture(url: string, env: Env, ctx: ExecutionContext): Promise<Captured> {
  const res = await site.fetch(new Request(url), env, ctx);
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  return { status: res.status, headers, body: await res.arrayBuffer() };
}

async function baseline(request: Request, path: string, env: Env, ctx: ExecutionContext): Promise<Response> {
  const realPath = path.slice(BASELINE.length) || '/';
  let page = captured.get(realPath);
  if (!page) {
    page = capture(new URL(realPath, request.url).href, env, ctx);
    captured.set(realPath, page);
  }
  const { status, headers, body } = await page;
  return new Response(body, { status, headers });
}

export default {
  fetch(request, env, ctx) {
    // A string test instead of new URL(): keeps the dispatch cost on the real route negligible.
    const path = request.url.slice(request.url.indexOf('/', 8));
    if (path.startsWith('/__')) {
      if (path.startsWith(`${BASELINE}/`)) return baseline(request, path, env, ctx);
      if (path.startsWith('/__naive/')) return naive.fetch(request, env, ctx);
      if (path === '/__bench/info') return Response.json({ articles: articles.length });
    }
    return site.fetch(request, env, ctx);
  },
  scheduled: site.scheduled,
} satisfies ExportedHandler<Env>;
