/** GET/HEAD /media/<key>: photos, their variants and share cards, read from the MEDIA R2 bucket. */
import type { AppEnv } from '../deps.ts';
import { serveMedia } from '../http/serve-media.ts';
import { Hono } from '../lib/hono.ts';

const PREFIX = '/media/';

/** The media sub-app; mount with `app.route('/', mediaRoutes())`. Hono answers HEAD with the GET route. */
export function mediaRoutes() {
  const app = new Hono<AppEnv>();
  app.get(`${PREFIX}*`, (c) => {
    const key = new URL(c.req.url).pathname.slice(PREFIX.length);
    const method = c.req.method === 'HEAD' ? 'HEAD' : 'GET';
    return serveMedia(c.env.MEDIA, { method, key, headers: c.req.raw.headers });
  });
  return app;
}
