/**
 * Hono with RegExpRouter alone: a preset built the way hono's own `hono/tiny` and `hono/quick` are. The default
 * `Hono` wraps RegExpRouter and TrieRouter in SmartRouter, which keeps RegExpRouter after the first request
 * when every route suits it (ours are plain paths and `:param`s) and then matches exactly as it does here. The
 * other two routers would be bundle bytes that never run (tests/node/bundle.test.ts keeps the bundle in budget).
 */
import { HonoBase } from 'hono/hono-base';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import type { BlankSchema, Env, Schema } from 'hono/types';

export class Hono<E extends Env = Env, S extends Schema = BlankSchema, BasePath extends string = '/'> extends HonoBase<
  E,
  S,
  BasePath
> {
  constructor() {
    super();
    this.router = new RegExpRouter();
  }
}
