/** `npm start`'s arguments: the port (`--port`, else PORT, else 8787) and what goes on to `wrangler dev`. */

export const DEFAULT_PORT = 8787;

export interface StartArgs {
  port: number;
  /** wrangler's `--persist-to`, which the migrations and the publish step must use too. */
  persistTo: string | undefined;
  /** The `--var NAME:value` pairs given, by name. */
  vars: Map<string, string>;
  /** Every argument but `--port`, in order, for `wrangler dev`. */
  wranglerArgs: string[];
}

/**
 * Reads the arguments after `npm start --`. A repeated `--port` takes the last one (wrangler itself refuses two);
 * an empty PORT counts as unset.
 */
export function parseStartArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): StartArgs | { error: string } {
  let portText: { text: string; from: string } | undefined = env.PORT ? { text: env.PORT, from: 'PORT' } : undefined;
  let persistTo: string | undefined;
  const vars = new Map<string, string>();
  const wranglerArgs: string[] = [];
  const addVar = (pair: string) => {
    const colon = pair.indexOf(':');
    if (colon > 0) vars.set(pair.slice(0, colon), pair.slice(colon + 1));
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag === '--port') {
      const text = inline ?? argv[++i];
      if (text === undefined) return { error: '--port expects a port number' };
      portText = { text, from: '--port' };
      continue;
    }
    wranglerArgs.push(arg);
    if (flag === '--persist-to') {
      persistTo = inline ?? argv[i + 1];
      if (inline === undefined && persistTo !== undefined) wranglerArgs.push(argv[++i] as string);
    } else if (flag === '--var') {
      if (inline !== undefined) addVar(inline);
      // wrangler's --var takes several pairs: `--var A:1 B:2`.
      else
        while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-')) {
          const pair = argv[++i] as string;
          wranglerArgs.push(pair);
          addVar(pair);
        }
    }
  }
  if (!portText) return { port: DEFAULT_PORT, persistTo, vars, wranglerArgs };
  const port = Number(portText.text);
  if (!/^\d+$/.test(portText.text) || port < 1 || port > 65535) {
    return { error: `${portText.from} must be a port number from 1 to 65535, got "${portText.text}"` };
  }
  return { port, persistTo, vars, wranglerArgs };
}
