/** Text for XML documents (feeds, sitemaps): escaping, and removal of characters XML 1.0 or readers should not get. */

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF; lone
 * surrogates) and the bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069), which can make
 * a title read differently from what it says. Marks such as U+200F (RLM), which Arabic text uses, stay.
 */
const UNWANTED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes the characters an XML 1.0 document cannot hold and the bidi override/embedding controls. */
export function cleanText(value: string): string {
  return value.replace(UNWANTED, '');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;' };

/**
 * Cleans and escapes a value for XML element content. Every `>` is escaped, so `]]>` cannot appear and no
 * CDATA section is needed.
 */
export function xmlText(value: string): string {
  return cleanText(value).replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Cleans and escapes a value for an XML attribute, quoted with either `"` or `'`. */
export function xmlAttribute(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}
