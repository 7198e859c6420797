import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cleanText, xmlAttribute, xmlText } from '../../src/lib/xml.ts';
import { XSS_VECTORS } from '../helpers/fixtures.ts';
import { parseXml } from '../helpers/xml.ts';
import { HOSTILE_CLEAN, HOSTILE_TEXT } from './hostile.ts';

const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<root>${inner}</root>`;

describe('XML text', () => {
  it('removes characters XML 1.0 forbids and bidi overrides, keeps marks, emoji and ordinary text', () => {
    expect(cleanText(HOSTILE_TEXT)).toBe(HOSTILE_CLEAN);
    expect(cleanText('\t\n\r')).toBe('\t\n\r');
    for (const c of ['\u0000', '\u0008', '\u000c', '\u001f', '\ufffe', '\uffff', '\udc00', '\ud83d']) {
      expect(cleanText(`a${c}b`), c.codePointAt(0)?.toString(16)).toBe('ab');
    }
    for (let c = 0x202a; c <= 0x202e; c++) expect(cleanText(`a${String.fromCharCode(c)}b`)).toBe('ab');
    for (let c = 0x2066; c <= 0x2069; c++) expect(cleanText(`a${String.fromCharCode(c)}b`)).toBe('ab');
    expect(cleanText('\u200e\u200f📰𝕏')).toBe('\u200e\u200f📰𝕏');
  });

  it('escapes text so any value reads back from element content as written (cleaned)', () => {
    const values = [HOSTILE_TEXT, ']]>', ']]]]>>', '&amp;', 'a < b > c', ...XSS_VECTORS];
    const xml = doc(values.map((v) => `<v>${xmlText(v)}</v>`).join(''));
    const parsed = new XMLParser({ parseTagValue: false, trimValues: false, isArray: () => true }).parse(xml);
    expect(parseXml(xml)).toBeTruthy();
    expect(parsed.root[0].v).toEqual(values.map(cleanText));
  });

  it('escapes attribute values for either quote', () => {
    const values = [`"'<>&`, HOSTILE_TEXT, ...XSS_VECTORS];
    const xml = doc(values.map((v, i) => `<v a="${xmlAttribute(v)}" b='${xmlAttribute(v)}'>${i}</v>`).join(''));
    const parsed = parseXml(xml);
    const read = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false }).parse(xml);
    expect(parsed).toBeTruthy();
    expect(read.root.v.map((v: Record<string, string>) => v['@_a'])).toEqual(values.map(cleanText));
    expect(read.root.v.map((v: Record<string, string>) => v['@_b'])).toEqual(values.map(cleanText));
  });
});
