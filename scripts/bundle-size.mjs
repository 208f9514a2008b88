// Prints the gzip size of what the first page load downloads: index.html and the scripts, styles and preloads it
// references (lazy chunks excluded). Run after a build: `npm run build && npm run size`. Target: under 250 KB.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const html = await readFile(new URL('index.html', dist), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
const files = ['index.html', ...new Set(assets)];
let total = 0;
const rows = [];
for (const file of files) {
  const bytes = await readFile(new URL(file, dist));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  rows.push({ file, raw: bytes.length, gzip });
}
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(48)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}`);
for (const row of rows) console.log(`${row.file.padEnd(48)} ${kb(row.raw)} ${kb(row.gzip)}`);
console.log(`${'initial load'.padEnd(48)} ${''.padStart(8)} ${kb(total)}`);
console.log(JSON.stringify({ initialLoadGzipBytes: total }));
