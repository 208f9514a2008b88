// Whole-table reads in chunks for the table worker, and computed values written without counting as edits.
import { describe, expect, it } from 'vitest';
import type { RecordRow } from '../../src/storage/rows';
import { ScanRepository } from '../../src/storage/scan';
import { openTestStorage, START } from './support';

async function tableWith(count: number) {
  const test = await openTestStorage();
  const { storage, clock } = test;
  const db = storage.connection.db;
  const rows = Array.from({ length: count }, (_, index): RecordRow => ({
    id: `r-${String(index).padStart(5, '0')}`,
    tableId: 'tbl',
    values: { n: index },
    createdAt: START,
    updatedAt: START,
    version: 1,
    deleted: index % 10 === 9 ? 1 : 0,
  }));
  // Another table's records sit next to this one's in the index and must not be read.
  const other: RecordRow = {
    id: 'other',
    tableId: 'tbl-other',
    values: {},
    createdAt: START,
    updatedAt: START,
    version: 1,
    deleted: 0,
  };
  await db.records.bulkAdd([...rows, other]);
  const scan = new ScanRepository(db, { now: () => clock.now, newId: () => 'unused' });
  return { ...test, scan, db };
}

describe('ScanRepository.readAll', () => {
  it('reads every live record of the table once, in id order, chunk by chunk', async () => {
    const { scan } = await tableWith(95);
    const chunks: string[][] = [];
    const read = await scan.readAll(
      'tbl',
      (records) => {
        chunks.push(records.map((record) => record.id));
      },
      20,
    );
    const ids = chunks.flat();
    expect(read).toBe(86); // 95 minus the 9 tombstones
    expect(chunks.map((chunk) => chunk.length)).toEqual([20, 20, 20, 20, 6]);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(86);
    expect(ids).not.toContain('r-00009');
    expect(ids).not.toContain('other');
  });

  it('reads records added behind the last chunk while reading', async () => {
    const { scan, db } = await tableWith(10);
    const seen: string[] = [];
    await scan.readAll(
      'tbl',
      async (records) => {
        if (seen.length === 0)
          await db.records.add({
            id: 'zz-late',
            tableId: 'tbl',
            values: {},
            createdAt: START,
            updatedAt: START,
            version: 1,
            deleted: 0,
          });
        seen.push(...records.map((record) => record.id));
      },
      4,
    );
    expect(seen.at(-1)).toBe('zz-late');
    expect(seen).toHaveLength(10);
  });

  it('reads nothing from an empty table', async () => {
    const { scan } = await tableWith(0);
    let calls = 0;
    const read = await scan.readAll('tbl', () => {
      calls++;
    });
    expect(read).toBe(0);
    expect(calls).toBe(0);
  });
});

describe('ScanRepository.writeComputed', () => {
  it('merges computed values in one transaction, leaving updatedAt and version alone', async () => {
    const { scan, db, clock } = await tableWith(3);
    clock.now = START + 1000;
    const written = await scan.writeComputed('tbl', [
      { id: 'r-00000', values: { score: 10 } },
      { id: 'r-00002', values: { score: 30, tier: 'Gold' } },
      { id: 'missing', values: { score: 1 } },
    ]);
    expect(written).toBe(2);
    const row = await db.records.get(['tbl', 'r-00002']);
    expect(row?.values).toEqual({ n: 2, score: 30, tier: 'Gold' });
    expect(row?.updatedAt).toBe(START);
    expect(row?.version).toBe(1);
    expect((await db.records.get(['tbl', 'r-00001']))?.values).toEqual({ n: 1 });
    expect(await db.records.get(['tbl', 'missing'])).toBeUndefined();
  });

  it('leaves a record that changed since the values were computed (its version moved on)', async () => {
    const { scan, db } = await tableWith(3);
    await db.records.update(['tbl', 'r-00001'], { version: 2 });

    const written = await scan.writeComputed('tbl', [
      { id: 'r-00000', values: { score: 1 }, version: 1 },
      { id: 'r-00001', values: { score: 2 }, version: 1 },
    ]);

    expect(written).toBe(1);
    expect((await db.records.get(['tbl', 'r-00000']))?.values.score).toBe(1);
    expect((await db.records.get(['tbl', 'r-00001']))?.values.score).toBeUndefined();
  });

  it('writes nothing when a record cannot be stored (all or nothing)', async () => {
    const { scan, db } = await tableWith(2);
    const bad = { id: 'r-00001', values: { score: (() => 1) as unknown as number } };
    await expect(scan.writeComputed('tbl', [{ id: 'r-00000', values: { score: 5 } }, bad])).rejects.toThrow();
    expect((await db.records.get(['tbl', 'r-00000']))?.values).toEqual({ n: 0 });
  });
});
