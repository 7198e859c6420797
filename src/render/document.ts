/**
 * Renders a page once into a template with a hole where the header's temperature goes, so a cached page
 * costs a string concatenation per request while the temperature stays live.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { hashBytes } from '../lib/hash.ts';
import type { PageTemplate } from '../lib/page-template.ts';

const SLOT_MARKUP = '<temperature-slot></temperature-slot>';

/**
 * Placeholder to pass as the page's temperature. Editor text is always escaped, so this markup can only
 * appear where a layout put it.
 */
export const TEMPERATURE_SLOT: Child = raw(SLOT_MARKUP);

export type { PageTemplate } from '../lib/page-template.ts';

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

/** Renders a page containing exactly one TEMPERATURE_SLOT into a template. */
export function renderTemplate(node: unknown): PageTemplate {
  return templateFromHtml(renderDocument(node));
}

const encoder = new TextEncoder();

/** Splits a rendered document containing exactly one TEMPERATURE_SLOT into a template. */
export function templateFromHtml(html: string): PageTemplate {
  const at = html.indexOf(SLOT_MARKUP);
  if (at === -1) throw new Error('renderTemplate: the page has no temperature slot');
  // Encoded once, so a request copies bytes instead of encoding the page again.
  const before = encoder.encode(html.slice(0, at));
  const after = encoder.encode(html.slice(at + SLOT_MARKUP.length));
  return { before, after, hash: hashBytes(before, after) };
}

/** The page's bytes with the temperature filled in. */
export function fillTemplate(template: PageTemplate, temperatureHtml: string): Uint8Array<ArrayBuffer> {
  const middle = encoder.encode(temperatureHtml);
  const page = new Uint8Array(template.before.length + middle.length + template.after.length);
  page.set(template.before, 0);
  page.set(middle, template.before.length);
  page.set(template.after, template.before.length + middle.length);
  return page;
}
