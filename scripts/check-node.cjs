/**
 * First step of `npm start`, `npm test`, `npm run content:publish` and `check:content`: on a Node older than
 * package.json's "engines" asks for, stops at once with one line (the version needed, the one found, where .nvmrc
 * is) instead of wrangler's error or Node's bare "bad option: --experimental-strip-types". Plain CommonJS without
 * newer syntax, so that any Node can run it.
 */
'use strict';

// biome-ignore lint/style/useNodejsImportProtocol: Node before 14.18 has no node: scheme
const fs = require('fs');
// biome-ignore lint/style/useNodejsImportProtocol: the same
const path = require('path');

/**
 * Whether Node `found` (e.g. "20.20.2") meets `engines` (">=MAJOR[.MINOR[.PATCH]]"); throws on another form of
 * `engines`, which this check does not read.
 */
function meets(found, engines) {
  const wanted = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(engines.trim());
  if (!wanted) throw new Error(`package.json "engines.node" should read ">=MAJOR.MINOR", got "${engines}"`);
  const want = [wanted[1], wanted[2] || 0, wanted[3] || 0].map(Number);
  const have = found.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (have[i] !== want[i]) return have[i] > want[i];
  }
  return true;
}

function main() {
  const root = path.join(__dirname, '..');
  const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
  if (meets(process.versions.node, engines)) return;
  console.error(
    `Node.js ${engines} is needed, found ${process.version} (${process.execPath}): ` +
      `run \`nvm use\` (it reads ${path.join(root, '.nvmrc')}) or put a newer Node first on PATH.`,
  );
  process.exit(1);
}

if (require.main === module) main();

module.exports = { meets };
