/**
 * Query parameters, one rule each, for every route that takes them: a page number, a page size, and no parameter
 * given twice. Pure parsers; routes run them through hono/validator.
 */

/** A page number: a whole number from 1 written without leading zeros (`?page=007` is refused), at most 6 digits. */
export function parsePage(raw: string): number | null {
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

/** A page size from 1 to `max`, written as `parsePage` writes numbers. */
export function parseLimit(raw: string, max: number): number | null {
  const n = parsePage(raw);
  return n !== null && n <= max ? n : null;
}

/** The query as hono/validator hands it: one value, or several when a name repeats. */
export type QueryValues = Record<string, string | string[]>;

/** The first of `names` given more than once, or null. */
export function repeatedParam(query: QueryValues, names: readonly string[]): string | null {
  return names.find((name) => Array.isArray(query[name])) ?? null;
}

/** A parameter's single value (null when absent); call after `repeatedParam`. */
export function single(query: QueryValues, name: string): string | null {
  const value = query[name];
  return value === undefined ? null : Array.isArray(value) ? (value[0] ?? null) : value;
}

/** A value quoted in an error message, cut to 40 characters. */
export const quoted = (value: string) => `"${value.slice(0, 40)}"`;
