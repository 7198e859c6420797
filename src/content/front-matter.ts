/** Splits a markdown file into YAML front matter and body, with errors a person can act on. */
import { isNode, parseDocument, visit } from 'yaml';

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown>; body: string }
  | { ok: false; message: string };

const FENCE = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Largest front matter, in characters: a real one is a few hundred; more is a pasted body or an attack. */
export const MAX_FRONT_MATTER_LENGTH = 20_000;

/**
 * Most alias expansions (`*name`) when building the values. A tag list repeating an alias a few hundred times
 * is fine; a "billion laughs" document (aliases of lists of aliases) exceeds it at once and is refused.
 */
const MAX_ALIAS_COUNT = 1_000;

/** The only explicit tags allowed: YAML's own plain types (`!!str 2024` keeps a number as text). */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Parses `---\n<yaml>\n---\n<markdown>`. The YAML must be a mapping of plain values. Never throws: any
 * failure of the YAML library becomes a message.
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  const match = FENCE.exec(text);
  if (!match) {
    // The reader decodes and normalizes files, but text can reach this point some other way.
    if (/^\uFEFF?---\r(?!\n)/.test(text)) {
      return { ok: false, message: 'the file uses CR-only line endings; expected LF or CRLF line endings' };
    }
    if (text.includes('\u0000') || /^[\uFFFD\uFFFE]/.test(text)) {
      return { ok: false, message: 'the file looks like UTF-16 (it has zero bytes); expected UTF-8' };
    }
    return {
      ok: false,
      message: 'expected the file to start with YAML front matter between two "---" lines',
    };
  }
  const yaml = match[1] ?? '';
  if (yaml.length > MAX_FRONT_MATTER_LENGTH) {
    return { ok: false, message: `front matter is longer than ${MAX_FRONT_MATTER_LENGTH} characters` };
  }
  const body = text.slice(match[0].length);
  const parsed = parseYamlMapping(yaml, 'front matter line', 'front matter');
  return parsed.ok ? { ok: true, data: parsed.data, body } : parsed;
}

/**
 * Parses YAML that must be a mapping of plain values (texts, numbers, booleans, lists, mappings), refusing
 * explicit tags other than YAML's own and alias bombs. Never throws. `lineLabel` names lines in messages
 * (`front matter line 3`, `line 3`); `what` names the whole (`front matter`, `the file`).
 */
export function parseYamlMapping(
  yaml: string,
  lineLabel: string,
  what: string,
): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  try {
    const doc = parseDocument(yaml, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      const first = doc.errors[0];
      const where = first?.linePos?.[0]
        ? ` (${lineLabel} ${first.linePos[0].line}, column ${first.linePos[0].col})`
        : '';
      return { ok: false, message: `invalid YAML${where}: ${first?.message.split('\n')[0] ?? 'unknown error'}` };
    }
    let tagProblem: string | null = null;
    visit(doc, (_key, node) => {
      if (isNode(node) && node.tag && !PLAIN_TAGS.has(node.tag)) {
        const line = node.range ? ` (${lineLabel} ${lineOf(yaml, node.range[0])})` : '';
        tagProblem = `YAML tag "${node.tag.replace('tag:yaml.org,2002:', '!!')}" is not allowed${line}; expected plain texts, numbers, true/false, lists and mappings`;
        return visit.BREAK;
      }
    });
    if (tagProblem) return { ok: false, message: tagProblem };
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (data === null || data === undefined) return { ok: true, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, message: `invalid YAML: expected ${what} to be a mapping of field: value lines` };
    }
    return { ok: true, data: data as Record<string, unknown> };
  } catch (error) {
    if (error instanceof ReferenceError && /excessive alias/i.test(error.message)) {
      return {
        ok: false,
        message: `YAML aliases (*name) expand to more than ${MAX_ALIAS_COUNT} values; expected plain values (alias bombs are refused)`,
      };
    }
    const reason = error instanceof RangeError ? 'nested too deeply' : String((error as Error)?.message ?? error);
    return { ok: false, message: `invalid YAML: ${reason}` };
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
