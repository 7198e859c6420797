/** Splits a markdown file into YAML front matter and body, with errors a person can act on. */
import { parseDocument } from 'yaml';

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown>; body: string }
  | { ok: false; message: string };

const FENCE = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Parses `---\n<yaml>\n---\n<markdown>`. The YAML must be a mapping. */
export function splitFrontMatter(text: string): FrontMatterResult {
  const match = FENCE.exec(text);
  if (!match) {
    return {
      ok: false,
      message: 'expected the file to start with YAML front matter between two "---" lines',
    };
  }
  const doc = parseDocument(match[1] ?? '', { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const where = first?.linePos?.[0]
      ? ` (front matter line ${first.linePos[0].line}, column ${first.linePos[0].col})`
      : '';
    return { ok: false, message: `invalid YAML${where}: ${first?.message.split('\n')[0] ?? 'unknown error'}` };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { ok: true, data: {}, body: text.slice(match[0].length) };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'invalid YAML: expected front matter to be a mapping of field: value lines' };
  }
  return { ok: true, data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}
