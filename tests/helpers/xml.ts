/** Reads XML the way a feed reader or crawler would: fast-xml-parser, after checking the document is well-formed. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** Characters an XML 1.0 document cannot contain (fast-xml-parser's validator does not check them). */
const ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Elements that may repeat, always read as arrays. */
const LISTS = new Set(['item', 'category', 'url', 'sitemap']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => LISTS.has(name),
});

/** Asserts the document is well-formed XML 1.0 and returns it parsed (attributes as `@name`). */
// biome-ignore lint/suspicious/noExplicitAny: parsed XML is untyped; tests read it with expectations.
export function parseXml(xml: string): any {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(ILLEGAL);
  // `]]>` may not appear in character data; escaping every ">" guarantees it never does.
  expect(xml).not.toContain(']]>');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return parser.parse(xml);
}
