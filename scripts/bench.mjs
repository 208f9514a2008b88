// Runs a benchmark from test/bench/<name>.bench.ts: bundles it with rolldown (TypeScript, no test runner in the way)
// into node_modules/.cache and runs it with plain Node. Usage: node scripts/bench.mjs engine
import { build } from 'rolldown';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/bench.mjs <name>   (runs test/bench/<name>.bench.ts)');
  process.exit(2);
}
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const output = path.join(root, 'node_modules', '.cache', 'liucun-bench', `${name}.mjs`);
await build({
  input: path.join(root, 'test', 'bench', `${name}.bench.ts`),
  platform: 'node',
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
  output: { file: output, format: 'esm' },
  logLevel: 'warn',
});
const result = spawnSync(process.execPath, [output], { stdio: 'inherit' });
process.exit(result.status ?? 1);
