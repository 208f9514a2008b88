// Benchmark plumbing: warm timing (best of N after a warm-up run) and the side-by-side table.

export interface Measurement {
  readonly label: string;
  readonly ms: number;
}

/** Runs `work` once to warm up, then `runs` times; returns the best time in milliseconds. */
export async function bestOf(runs: number, work: () => unknown): Promise<number> {
  await work();
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** Prints one table: each row's time, time per row, and its ratio to the baseline and to the reference row. */
export function printTable(
  title: string,
  rows: number,
  measurements: readonly Measurement[],
  baseline: string,
  reference: string,
): void {
  const base = measurements.find((m) => m.label === baseline)?.ms ?? NaN;
  const ref = measurements.find((m) => m.label === reference)?.ms ?? NaN;
  const header = ['implementation', 'best of 5 (ms)', 'ns / row', `× ${baseline}`, `${reference} ÷ this`];
  const body = measurements.map((m) => [
    m.label,
    m.ms.toFixed(2),
    ((m.ms * 1e6) / rows).toFixed(0),
    `${(m.ms / base).toFixed(1)}×`,
    `${(ref / m.ms).toFixed(1)}×`,
  ]);
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...body.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, index) => pad(cell, widths[index] ?? 0, index > 0)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(
    `|${widths.map((width, index) => (index > 0 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`,
  );
  for (const row of body) console.log(line(row));
  console.log('');
}
