/**
 * A reader's search query → a safe FTS5 MATCH expression over `article_search`, or a problem to show. User text
 * never reaches FTS5 syntax: it is normalized to letter/digit terms, and each term is written as a quoted string.
 */
import { terms } from './normalize.ts';
import { light10, stems } from './stem.ts';

/** Longest query accepted, in characters (code points) and in words. */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 12;
/** A prefix shorter than this would expand to a large part of the vocabulary. */
export const MIN_PREFIX = 3;

/** Why a query cannot be searched, with the Arabic message to show the reader. */
export type QueryProblem =
  | { ok: false; problem: 'empty'; message: string }
  | { ok: false; problem: 'too-long'; message: string }
  | { ok: false; problem: 'no-words'; message: string };

/** A query ready to run: the MATCH expression and what the snippet highlights. */
export interface SearchQuery {
  ok: true;
  /** The FTS5 expression for `article_search MATCH ?`, every prefix of the last word written `"…"*`. */
  match: string;
  /**
   * The same expression with each prefix's `OR "…"*` left as a slot `@i@` for `prefixes[i]`: the store fills it
   * with the prefix's most common completions, as `OR "…"` each, so the cost of a prefix is bounded (see
   * src/store/search.ts).
   */
  template: string;
  prefixes: Prefix[];
  /** What counts as a match in the text (the same rules as `match`), for snippets. */
  matcher: TermMatcher;
}

/** A prefix of the last word, among the exact terms (title, body) or among the stems. */
export interface Prefix {
  kind: keyof typeof TERM_KIND;
  text: string;
}

/** `search_terms.kind` (migrations/0009) of a term of the exact columns and of the stem columns. */
export const TERM_KIND = { exact: 0, stem: 1 } as const;

/** The query's terms in the form `matchesTerm` compares with. */
export interface TermMatcher {
  /** Normalized query terms (exact matches). */
  exact: string[];
  /** All their stems (see `stems`). */
  stems: string[];
  /** The last word, also matched as a prefix (normalized and its stems), or empty. */
  prefixes: string[];
  stemPrefixes: string[];
}

const MESSAGES = {
  empty: 'اكتب كلمة أو أكثر للبحث.',
  'too-long': `عبارة البحث طويلة: الحدّ ${MAX_QUERY_CHARS} حرف و${MAX_QUERY_WORDS} كلمة. اختصرها وأعد المحاولة.`,
  'no-words': 'لا تحوي عبارة البحث حروفًا أو أرقامًا يمكن البحث عنها.',
} as const;

// Particles that would make every word of a query required without narrowing anything ("في بيروت" should find
// "ببيروت"): dropped outside quoted phrases when the query has other words. Not على: normalized, it is the name علي.
const STOPWORDS = new Set(['في', 'من', 'الي', 'عن', 'مع', 'او', 'ان', 'ثم', 'قد', 'هذا', 'هذه', 'ذلك', 'الذي', 'التي']);

// Straight and typographic double quotes and Arabic guillemets all open or close a phrase.
const QUOTES = /["“”«»]/;

interface Part {
  terms: string[];
  phrase: boolean;
}

/** Parses what a reader typed into a MATCH expression, or says why it cannot be searched. */
export function parseQuery(input: string): SearchQuery | QueryProblem {
  const text = input.trim();
  if (text === '') return problem('empty');
  if ([...text].length > MAX_QUERY_CHARS) return problem('too-long');
  const parts = splitPhrases(text);
  const count = parts.reduce((n, p) => n + p.terms.length, 0);
  if (count === 0) return problem('no-words');
  if (count > MAX_QUERY_WORDS) return problem('too-long');

  const searched = withoutStopwords(parts);
  const last = searched.at(-1);
  const matcher: TermMatcher = { exact: [], stems: [], prefixes: [], stemPrefixes: [] };
  const prefixes: Prefix[] = [];
  const clauses: string[] = [];
  for (const part of searched) {
    if (part.phrase && part.terms.length > 1) {
      clauses.push(phraseClause(part.terms));
      for (const t of part.terms) addTerm(matcher, t, false);
      continue;
    }
    part.terms.forEach((t, i) => {
      const prefix = part === last && !part.phrase && i === part.terms.length - 1;
      clauses.push(termClause(t, prefix ? prefixes : null));
      addTerm(matcher, t, prefix);
    });
  }
  const template = clauses.join(' AND ');
  const match = template.replace(/@(\d+)@/g, (_, i) => ` OR ${quote(prefixes[Number(i)]?.text ?? '')}*`);
  return { ok: true, match, template, prefixes, matcher };
}

/** True when a normalized term of a text matches the query (exact, stem, or the last word's prefix). */
export function matchesTerm(matcher: TermMatcher, term: string): boolean {
  if (matcher.exact.includes(term)) return true;
  if (matcher.prefixes.some((p) => term.startsWith(p))) return true;
  const own = stems(term);
  if (own.some((s) => matcher.stems.includes(s))) return true;
  return own.some((s) => matcher.stemPrefixes.some((p) => s.startsWith(p)));
}

function problem(kind: QueryProblem['problem']): QueryProblem {
  return { ok: false, problem: kind, message: MESSAGES[kind] } as QueryProblem;
}

// Text between two quote marks is a phrase; an unpaired last quote is just a separator.
function splitPhrases(text: string): Part[] {
  const pieces = text.split(QUOTES);
  const parts: Part[] = [];
  pieces.forEach((piece, i) => {
    const phrase = i % 2 === 1 && i < pieces.length - 1;
    const t = terms(piece);
    if (t.length > 0) parts.push({ terms: t, phrase });
  });
  return parts;
}

// The parts without stopwords outside phrases, unless that leaves nothing to search.
function withoutStopwords(parts: readonly Part[]): readonly Part[] {
  const kept = parts
    .map((p) => (p.phrase ? p : { ...p, terms: p.terms.filter((t) => !STOPWORDS.has(t)) }))
    .filter((p) => p.terms.length > 0);
  return kept.length > 0 ? kept : parts;
}

function addTerm(matcher: TermMatcher, term: string, prefix: boolean): void {
  matcher.exact.push(term);
  matcher.stems.push(...stems(term));
  if (prefix) {
    matcher.prefixes.push(...prefixable([term]));
    matcher.stemPrefixes.push(...prefixable(stems(term)));
  }
}

// A term matches its exact form in the exact columns, or any of its stems in the stem columns; the last word also
// as a prefix of either (each prefix a slot appended to `prefixes`).
function termClause(term: string, prefixes: Prefix[] | null): string {
  const stemmed = stems(term);
  const slots = (kind: Prefix['kind'], list: string[]) =>
    prefixes ? prefixable(list).map((text) => `@${prefixes.push({ kind, text }) - 1}@`) : [];
  const exact = `${quote(term)}${slots('exact', [term]).join('')}`;
  const stem = `${stemmed.map(quote).join(' OR ')}${slots('stem', stemmed).join('')}`;
  return `({title body} : (${exact}) OR {title_stem body_stem} : (${stem}))`;
}

// A quoted phrase matches the normalized words in a row, or their light10 stems in a row.
function phraseClause(phrase: readonly string[]): string {
  const exact = quote(phrase.join(' '));
  const stem = quote(phrase.map(light10).join(' '));
  return `({title body} : ${exact} OR {title_stem body_stem} : ${stem})`;
}

function prefixable(list: readonly string[]): string[] {
  return list.filter((t) => t.length >= MIN_PREFIX);
}

// Terms hold only letters and digits, so this never has a quote to escape; doubling keeps it safe regardless.
function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
