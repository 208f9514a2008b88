// The browser benchmark (npm run bench:browser), run in Chromium by scripts/bench-browser.mjs on Vite's dev server.
// 100,000 customers: CSV import through the app's import worker against a plain Dexie bulkAdd of the same rows; the
// time from mounting the grid to its first rows painted; sort and filter on a number and on a formula field through
// the query worker; recomputing a formula column over every record. Results go to the console as one table and a
// last JSON line, which the runner prints.
import { createRoot } from 'react-dom/client';
import Dexie from 'dexie';
import { compileFormulaField, sampleCustomers, type Field, type Table } from '../../../src/engine';
import type { ImportMapping } from '../../../src/engine/import';
import { initI18n } from '../../../src/app/i18n';
import { GridView } from '../../../src/features/tables/grid/grid-view';
import { createImporter } from '../../../src/runtime/importer';
import { createTableQueries } from '../../../src/runtime/table-queries';
import { createStorage } from '../../../src/storage';
import { provideTableQueryService, queryStore } from '../../../src/stores/query-store';
import { connectTableStore } from '../../../src/stores/table-store';
import '../../../src/app/styles.css';

const ROWS = Number(new URLSearchParams(location.search).get('rows') ?? 100_000);
const NOW = Date.UTC(2026, 10, 22, 9, 0);

function log(line: string): void {
  console.log(line);
}

function csvOf(rows: number): string {
  const customers = sampleCustomers(rows, { seed: 7, now: NOW });
  const lines = ['Name,Company,Region,Total spend,Orders,Last purchase'];
  for (const c of customers)
    lines.push(
      `${c.name},${c.company},${c.region},${c.spend},${c.orders},${new Date(c.lastPurchase).toISOString().slice(0, 10)}`,
    );
  return lines.join('\n');
}

const BASE_FIELDS: Field[] = [
  { id: 'name', name: 'Name', kind: 'text' },
  { id: 'company', name: 'Company', kind: 'text' },
  { id: 'region', name: 'Region', kind: 'text' },
  { id: 'spend', name: 'Total spend', kind: 'currency', currency: 'CNY' },
  { id: 'orders', name: 'Orders', kind: 'number' },
  { id: 'purchase', name: 'Last purchase', kind: 'date' },
];

function withFormula(fields: Field[], source: string): Field[] {
  const draft: Table = { id: 't', name: 'T', createdAt: 0, updatedAt: 0, version: 1, views: [], fields };
  const compiled = compileFormulaField(draft, { id: 'value', name: 'Value per order' }, source);
  return [
    ...fields,
    {
      id: 'value',
      name: 'Value per order',
      kind: 'formula',
      expression: compiled.json as never,
      resultType: 'number',
    },
  ];
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

async function run(): Promise<void> {
  await initI18n();
  const csv = csvOf(ROWS);
  const fields = withFormula(BASE_FIELDS, '{Total spend} / MAX(1, {Orders})');

  // Plain Dexie bulkAdd of the same rows, already converted (what import must get close to).
  const plainName = `bench-plain-${crypto.randomUUID()}`;
  const plain = new Dexie(plainName);
  plain.version(1).stores({ records: '[tableId+id], [tableId+deleted+id], [tableId+updatedAt]' });
  const customers = sampleCustomers(ROWS, { seed: 7, now: NOW });
  const rows = customers.map((c, at) => ({
    id: `r${String(at).padStart(7, '0')}`,
    tableId: 'plain',
    values: {
      name: c.name,
      company: c.company,
      region: c.region,
      spend: c.spend,
      orders: c.orders,
      purchase: c.lastPurchase,
      value: c.spend / Math.max(1, c.orders),
    },
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    deleted: 0,
  }));
  const [bulkAddMs] = await time(() => plain.table('records').bulkAdd(rows));
  plain.close();
  await Dexie.delete(plainName);

  // CSV import through the app's import worker into the app's database layout.
  const dbName = `bench-${crypto.randomUUID()}`;
  const storage = createStorage({ name: dbName });
  await storage.connection.open();
  const app = await storage.definitions.createApp({ name: 'Bench' });
  const created = await storage.definitions.createTable(app.id, 'Customers', {
    fields,
    views: [{ id: 'grid', name: 'Grid', kind: 'grid' }],
  });
  const importer = createImporter(undefined, { dbName });
  const mapping: ImportMapping = {
    columns: BASE_FIELDS.map((field, source) => ({
      source,
      target: { type: 'existing', fieldId: field.id },
    })),
    onBadValue: 'empty',
  };
  const [importMs, imported] = await time(() =>
    importer.run({
      tableId: created.id,
      mapping,
      file: new Blob([csv]),
      format: 'csv',
      now: NOW,
      timeZone: 'UTC',
    }),
  );
  importer.terminate();
  if (imported.imported !== ROWS) throw new Error(`imported ${imported.imported} of ${ROWS}`);

  // First rows painted: mount the grid view and wait until its first record row shows a name.
  connectTableStore(storage);
  const queries = createTableQueries({ dbName, locale: () => 'en' });
  provideTableQueryService(queries);
  const table: Table = { ...created, fields };
  const view = table.views[0];
  if (!view) throw new Error('no view');
  const root = document.getElementById('root');
  if (!root) throw new Error('no root');
  const firstRowsStart = performance.now();
  createRoot(root).render(<GridView table={table} view={view} people={[]} />);
  for (;;) {
    const cell = document.querySelector('[role="row"][aria-rowindex="2"] [data-field="Name"]');
    if (cell?.textContent) break;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const firstRowsMs = performance.now() - firstRowsStart;

  // Sorting and filtering in the query worker (the table is loaded once, as when a view is first sorted).
  const query = queryStore.getState().query;
  const [loadMs] = await time(() => query(table, { search: '' }));
  const median = async (work: () => Promise<{ ids: readonly string[] } | undefined>): Promise<number> => {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const [ms, result] = await time(work);
      if (!result) throw new Error('a query failed');
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    return times[2] ?? NaN;
  };
  const sortMs = await median(() =>
    query(table, { search: '', sorts: [{ fieldId: 'spend', direction: 'desc' }] }),
  );
  const filterMs = await median(() =>
    query(table, {
      search: '',
      filter: {
        id: 'f',
        conjunction: 'and',
        conditions: [{ id: 'c', fieldId: 'spend', operator: 'gte', value: 5000 }],
      },
    }),
  );
  const formulaSortMs = await median(() =>
    query(table, { search: '', sorts: [{ fieldId: 'value', direction: 'desc' }] }),
  );
  const formulaFilterMs = await median(() =>
    query(table, {
      search: '',
      filter: {
        id: 'f',
        conjunction: 'and',
        conditions: [{ id: 'c', fieldId: 'value', operator: 'gte', value: 1000 }],
      },
    }),
  );

  // Recompute the formula column after its definition changed: from the request to the new values painted in the
  // grid (computed in the worker, read from its memory), and on to the values stored in IndexedDB (one transaction).
  const changed = withFormula(BASE_FIELDS, '{Total spend} / MAX(1, {Orders}) * 1.1');
  const valueCell = () =>
    document.querySelector('[role="row"][aria-rowindex="2"] [data-field="Value per order"]');
  const before = valueCell()?.textContent ?? '';
  if (before === '') throw new Error('the formula column is not on screen');
  const recomputeStart = performance.now();
  const recomputing = queries.recompute({ ...table, fields: changed });
  while ((valueCell()?.textContent ?? before) === before)
    await new Promise((resolve) => setTimeout(resolve, 1));
  const recomputeMs = performance.now() - recomputeStart;
  const recomputed = await recomputing;
  const storedMs = performance.now() - recomputeStart;

  const figures = [
    ['Dexie bulkAdd of the rows (baseline)', bulkAddMs, '—'],
    ['CSV import (parse, convert, compute, store)', importMs, '≤ 1.3× bulkAdd'],
    ['open table → first rows painted', firstRowsMs, '< 300'],
    ['load table into the query worker (once)', loadMs, '—'],
    ['sort on a number field', sortMs, '< 300'],
    ['filter on a number field', filterMs, '< 300'],
    ['sort on a formula field', formulaSortMs, '< 300'],
    ['filter on a formula field', formulaFilterMs, '< 300'],
    ['recompute a formula column → new values shown', recomputeMs, '< 500'],
    ['  of which evaluating (worker)', recomputed.evaluateMs, '—'],
    ['  … and stored in IndexedDB (background)', storedMs, '—'],
    ['  of which the one write transaction', recomputed.persistMs, '—'],
  ] as const;
  log(`Liucun browser benchmark: ${ROWS.toLocaleString('en')} customer rows, Chromium, one run`);
  log('| measurement                                    |        ms | target          | × bulkAdd |');
  log('|------------------------------------------------|----------:|-----------------|----------:|');
  for (const [label, ms, target] of figures)
    log(
      `| ${label.padEnd(46)} | ${ms.toFixed(1).padStart(9)} | ${target.padEnd(15)} | ${(ms / bulkAddMs).toFixed(2).padStart(8)}× |`,
    );
  log(
    JSON.stringify({
      rows: ROWS,
      importMs: Math.round(importMs),
      bulkAddMs: Math.round(bulkAddMs),
      firstRowsMs: Math.round(firstRowsMs),
      sortMs: Math.round(sortMs),
      filterMs: Math.round(filterMs),
      formulaSortMs: Math.round(formulaSortMs),
      recomputeMs: Math.round(recomputeMs),
    }),
  );
  log('BENCH-DONE');
}

run().catch((error: unknown) => {
  console.log(`BENCH-FAILED ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
