/** The query of a JSON API route through hono/validator: parsed by one of the shared parsers, or a 400 in JSON. */
import { validator } from 'hono/validator';
import { apiError } from '../http/errors.ts';
import type { QueryValues } from '../http/params.ts';

/** Validates the query with `parse`, which returns what the handler reads or the message of a 400. */
export const apiQuery = <T extends object>(parse: (query: QueryValues) => T | string) =>
  validator('query', (value, c) => {
    const params = parse(value);
    return typeof params === 'string' ? apiError(c, 400, 'bad_request', params) : params;
  });
