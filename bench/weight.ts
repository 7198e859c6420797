/**
 * Page weight from the bytes workerd actually sends: document size (raw and gzip), inline CSS, executable
 * scripts, and the requests a browser makes to render the page (document + images + stylesheets + scripts + icon).
 */
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  path: string;
  status: number;
  rawBytes: number;
  gzipBytes: number;
  /** Bytes inside <style> elements (AMP: <style amp-custom>; the mandatory amp-boilerplate is not counted). */
  cssBytes: number;
  /** Bytes of style="" attributes (AMP counts them toward its CSS limit). */
  inlineStyleAttrBytes: number;
  /** <script> elements that run code: JSON-LD and other data blocks are not JavaScript. */
  scripts: number;
  requests: { total: number; images: number; stylesheets: number; scripts: number; icons: number };
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];

export async function pageWeight(origin: string, path: string): Promise<PageWeight> {
  // identity: the raw bytes the Worker produced; we gzip them ourselves.
  const res = await fetch(origin + path, { headers: { 'accept-encoding': 'identity' } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const html = bytes.toString('utf8');

  let cssBytes = 0;
  for (const [, attrs = '', css = ''] of html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/gi)) {
    if (!/amp-boilerplate/i.test(attrs)) cssBytes += Buffer.byteLength(css);
  }
  let inlineStyleAttrBytes = 0;
  for (const [, style = ''] of html.matchAll(/<[a-z][^>]*?\sstyle="([^"]*)"/gi)) {
    inlineStyleAttrBytes += Buffer.byteLength(style);
  }

  const tags = (name: string) => [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
  const scriptTags = tags('script').filter((t) => !/type="application\/(ld\+)?json"/i.test(t));
  const scriptSrcs = new Set(scriptTags.map((t) => attr(t, 'src')).filter(Boolean));
  const images = new Set([...tags('img'), ...tags('amp-img')].map((t) => attr(t, 'src')).filter(Boolean));
  const links = tags('link');
  const hrefsWithRel = (rel: RegExp) =>
    new Set(links.filter((t) => rel.test(attr(t, 'rel') ?? '')).map((t) => attr(t, 'href')));
  const stylesheets = hrefsWithRel(/\bstylesheet\b/i);
  const icons = hrefsWithRel(/\bicon\b/i);

  return {
    path,
    status: res.status,
    rawBytes: bytes.length,
    gzipBytes: gzipSync(bytes).length,
    cssBytes,
    inlineStyleAttrBytes,
    scripts: scriptTags.length,
    requests: {
      total: 1 + images.size + stylesheets.size + scriptSrcs.size + icons.size,
      images: images.size,
      stylesheets: stylesheets.size,
      scripts: scriptSrcs.size,
      icons: icons.size,
    },
  };
}
