/**
 * Renders a page once into a template with holes where the per-request parts go (the header's temperature and the
 * masthead's date), so a cached page costs a copy of bytes per request while those stay live.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { hashBytes } from '../lib/hash.ts';
import type { PageTemplate, SlotName } from '../lib/page-template.ts';
import type { PageSlots } from './page-data.ts';

const SLOT_MARKUP: Record<SlotName, string> = {
  temperature: '<temperature-slot></temperature-slot>',
  date: '<date-slot></date-slot>',
};
const ANY_SLOT = /<(temperature|date)-slot><\/\1-slot>/g;

/**
 * Placeholders to pass as a page's slots when rendering a template. Editor text is always escaped, so this markup
 * can only appear where a layout put it.
 */
export const TEMPLATE_SLOTS: PageSlots = { temperature: raw(SLOT_MARKUP.temperature), date: raw(SLOT_MARKUP.date) };
/** The temperature slot alone, for the AMP page. */
export const TEMPERATURE_SLOT: Child = TEMPLATE_SLOTS.temperature;

export type { PageTemplate, SlotName } from '../lib/page-template.ts';

/** Renders JSX to a string. Components must be synchronous. */
export function renderFragment(node: unknown): string {
  const html = String(node);
  if (html === '[object Promise]') throw new Error('renderFragment: asynchronous components are not supported');
  return html;
}

/** Renders a JSX document to a string with its doctype. */
export function renderDocument(node: unknown): string {
  return `<!DOCTYPE html>${renderFragment(node)}`;
}

/** Renders a page holding TEMPLATE_SLOTS into a template. */
export function renderTemplate(node: unknown): PageTemplate {
  return templateFromHtml(renderDocument(node));
}

const encoder = new TextEncoder();

/** Splits a rendered document at its slots (each at most once; the temperature is required) into a template. */
export function templateFromHtml(html: string): PageTemplate {
  const parts: Uint8Array[] = [];
  const slots: SlotName[] = [];
  let from = 0;
  for (const match of html.matchAll(ANY_SLOT)) {
    const slot = match[1] as SlotName;
    if (slots.includes(slot)) throw new Error(`renderTemplate: the page has two ${slot} slots`);
    // Encoded once, so a request copies bytes instead of encoding the page again.
    parts.push(encoder.encode(html.slice(from, match.index)));
    slots.push(slot);
    from = match.index + match[0].length;
  }
  if (!slots.includes('temperature')) throw new Error('renderTemplate: the page has no temperature slot');
  parts.push(encoder.encode(html.slice(from)));
  return { parts, slots, hash: hashBytes(...parts) };
}

/** The page's bytes with each slot filled with its HTML. */
export function fillTemplate(template: PageTemplate, values: Record<SlotName, string>): Uint8Array<ArrayBuffer> {
  const middles = template.slots.map((slot) => encoder.encode(values[slot]));
  const size = template.parts.reduce((n, p) => n + p.length, 0) + middles.reduce((n, m) => n + m.length, 0);
  const page = new Uint8Array(size);
  let at = 0;
  template.parts.forEach((part, i) => {
    page.set(part, at);
    at += part.length;
    const middle = middles[i];
    if (middle) {
      page.set(middle, at);
      at += middle.length;
    }
  });
  return page;
}
