/** `npm start`'s arguments: which port it serves on, and that everything else reaches `wrangler dev` untouched. */
import { describe, expect, it } from 'vitest';
import { parseStartArgs } from '../../scripts/start-args.ts';

const parse = (argv: string[], env: Record<string, string> = {}) => parseStartArgs(argv, env);

describe('the port', () => {
  it('is 8787 by default, and when PORT is empty', () => {
    expect(parse([])).toMatchObject({ port: 8787, wranglerArgs: [] });
    expect(parse([], { PORT: '' })).toMatchObject({ port: 8787 });
  });

  it('comes from PORT, --port N or --port=N, and --port wins over PORT', () => {
    expect(parse([], { PORT: '8790' })).toMatchObject({ port: 8790 });
    expect(parse(['--port', '8790'])).toMatchObject({ port: 8790, wranglerArgs: [] });
    expect(parse(['--port=8790'])).toMatchObject({ port: 8790, wranglerArgs: [] });
    expect(parse(['--port', '8791'], { PORT: '8790' })).toMatchObject({ port: 8791 });
  });

  it('takes the last of several --port (wrangler itself refuses two)', () => {
    expect(parse(['--port', '8790', '--port', '8791'])).toMatchObject({ port: 8791, wranglerArgs: [] });
  });

  it('is refused outside 1 to 65535 or when not a whole number, naming where it came from', () => {
    for (const bad of ['0', '65536', '80.5', '-1', 'abc', ' 80', '']) {
      expect(parse([`--port=${bad}`])).toEqual({
        error: `--port must be a port number from 1 to 65535, got "${bad}"`,
      });
    }
    expect(parse([], { PORT: 'http' })).toEqual({ error: 'PORT must be a port number from 1 to 65535, got "http"' });
    expect(parse(['--port'])).toEqual({ error: '--port expects a port number' });
    expect(parse(['--port', '1'])).toMatchObject({ port: 1 });
    expect(parse(['--port', '65535'])).toMatchObject({ port: 65535 });
  });
});

describe('the other arguments', () => {
  it('go to wrangler dev in order, --port taken out', () => {
    const args = ['--test-scheduled', '--port', '8790', '--ip', '127.0.0.1', '--var', 'A:1'];
    expect(parse(args)).toMatchObject({ wranglerArgs: ['--test-scheduled', '--ip', '127.0.0.1', '--var', 'A:1'] });
  });

  it('--persist-to is read for the migrations and the publish step, and kept for wrangler dev', () => {
    expect(parse(['--persist-to', '/tmp/s'])).toMatchObject({
      persistTo: '/tmp/s',
      wranglerArgs: ['--persist-to', '/tmp/s'],
    });
    expect(parse(['--persist-to=/tmp/s'])).toMatchObject({
      persistTo: '/tmp/s',
      wranglerArgs: ['--persist-to=/tmp/s'],
    });
  });

  it('--var pairs are read by name, several after one --var as wrangler takes them', () => {
    const parsed = parse(['--var', 'WEATHER_URL:http://127.0.0.1:9000/v1/forecast', 'SITE_URL:http://x', '--var=B:2']);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(Object.fromEntries(parsed.vars)).toEqual({
      WEATHER_URL: 'http://127.0.0.1:9000/v1/forecast',
      SITE_URL: 'http://x',
      B: '2',
    });
    expect(parsed.wranglerArgs).toEqual([
      '--var',
      'WEATHER_URL:http://127.0.0.1:9000/v1/forecast',
      'SITE_URL:http://x',
      '--var=B:2',
    ]);
  });
});
