// Reports the gzipped size of the built app's JavaScript (dist/assets/*.js) and fails above the
// budget of issue 7 (250 kB for the app; the board's large-board assets, once split out into
// chunks named large-board-*, are left out). Usage: npm run build && npm run size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250_000;
const EXCLUDED = /^large-board[-.]/;
const assets = join(import.meta.dirname, '..', 'dist', 'assets');

let files;
try {
  files = readdirSync(assets).filter((name) => name.endsWith('.js'));
} catch {
  console.error(`bundle-size: ${assets} is missing; run "npm run build" first.`);
  process.exit(2);
}
if (files.length === 0) {
  console.error(`bundle-size: no .js files in ${assets}; run "npm run build" first.`);
  process.exit(2);
}

let total = 0;
let raw = 0;
for (const name of files.sort()) {
  const bytes = readFileSync(join(assets, name));
  // Level 9, what a precompressing server or CDN sends; level 6 (a default on the fly) adds about 2 %.
  const gz = gzipSync(bytes, { level: 9 }).length;
  const excluded = EXCLUDED.test(name);
  console.log(`${excluded ? '  (excluded) ' : '  '}${name}: ${kb(bytes.length)} raw, ${kb(gz)} gzipped`);
  if (excluded) continue;
  total += gz;
  raw += bytes.length;
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`app JavaScript: ${kb(raw)} raw, ${kb(total)} gzipped; budget ${kb(BUDGET_BYTES)}: ${verdict}`);
process.exit(total <= BUDGET_BYTES ? 0 : 1);

function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
