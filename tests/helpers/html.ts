/** Inspects HTML with the runtime's own parser (HTMLRewriter), the way a browser would see the markup. */

export interface ElementInfo {
  tag: string;
  attributes: [string, string][];
}

/** Every element with its attributes, in document order. */
export async function elementsOf(html: string): Promise<ElementInfo[]> {
  const found: ElementInfo[] = [];
  const rewriter = new HTMLRewriter().on('*', {
    element(el) {
      found.push({ tag: el.tagName, attributes: [...el.attributes] as [string, string][] });
    },
  });
  await rewriter.transform(new Response(html)).text();
  return found;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data']);

/**
 * Lists everything in the markup that could run script: <script> elements (other than JSON-LD data),
 * event-handler attributes, and URL attributes with a script-capable scheme.
 */
export async function scriptHazards(html: string): Promise<string[]> {
  const hazards: string[] = [];
  for (const { tag, attributes } of await elementsOf(html)) {
    const type = attributes.find(([name]) => name === 'type')?.[1];
    const ampRuntime = attributes.find(([name]) => name === 'src')?.[1]?.startsWith('https://cdn.ampproject.org/');
    if (tag === 'script' && type !== 'application/ld+json' && !ampRuntime) hazards.push(`<script> element`);
    // The site's own search box (a GET form to /search) is the one form a page may have.
    const searchForm = tag === 'form' && attributes.some(([n, v]) => n === 'action' && v === '/search');
    if (['iframe', 'object', 'embed', 'base', 'form', 'meta'].includes(tag) && !searchForm) {
      const equiv = attributes.find(([name]) => name === 'http-equiv')?.[1];
      if (tag !== 'meta' || equiv?.toLowerCase() === 'refresh') hazards.push(`<${tag}> element`);
    }
    for (const [name, value] of attributes) {
      if (/^on/i.test(name)) hazards.push(`${tag}[${name}]`);
      if (name === 'style') hazards.push(`${tag}[style]`);
      const decoded = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data):/.test(decoded))
        hazards.push(`${tag}[${name}=${value}]`);
    }
  }
  return hazards;
}
