// The page's bridge to the import worker, with a scripted fake worker: requests, progress, cancel, failures, crashes.
import { describe, expect, it } from 'vitest';
import type { FromImportWorker, ImportResult, ToImportWorker } from '../../src/engine/import';
import {
  createImporter,
  ImportError,
  type ImportProgress,
  type ImportWorker,
} from '../../src/runtime/importer';

class ScriptedWorker implements ImportWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  readonly received: ToImportWorker[] = [];

  postMessage(message: ToImportWorker): void {
    this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  send(message: FromImportWorker): void {
    this.onmessage?.(new MessageEvent('message', { data: message }));
  }

  crash(): void {
    this.onerror?.(Object.assign(new Event('error'), { message: 'out of memory' }) as ErrorEvent);
  }
}

const RESULT: ImportResult = { imported: 2, skipped: 0, problems: [], createdFieldIds: [] };
const REQUEST = {
  tableId: 't1',
  mapping: { columns: [], onBadValue: 'skipRow' as const },
  file: new Blob(['a\n1\n']),
  format: 'csv' as const,
};

function setup() {
  const workers: ScriptedWorker[] = [];
  const importer = createImporter(
    () => {
      const worker = new ScriptedWorker();
      workers.push(worker);
      return worker;
    },
    { dbName: 'db-test', now: () => 1234, timeZone: () => 'Asia/Shanghai' },
  );
  return { importer, workers };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the importer bridge', () => {
  it('sends the import with database, clock and zone, relays progress and resolves with the result', async () => {
    const { importer, workers } = setup();
    const progress: ImportProgress[] = [];
    const pending = importer.run(REQUEST, { onProgress: (value) => progress.push(value) });
    const worker = workers[0];
    if (!worker) throw new Error('no worker');
    expect(worker.received[0]).toMatchObject({
      type: 'import',
      jobId: 1,
      dbName: 'db-test',
      now: 1234,
      timeZone: 'Asia/Shanghai',
    });
    worker.send({ type: 'progress', jobId: 1, phase: 'converting', done: 1, total: 2 });
    worker.send({ type: 'done', jobId: 1, result: RESULT });
    await expect(pending).resolves.toEqual(RESULT);
    expect(progress).toEqual([{ phase: 'converting', done: 1, total: 2 }]);
  });

  it('asks the worker to cancel and settles only with its answer', async () => {
    const { importer, workers } = setup();
    const controller = new AbortController();
    let settled = false;
    const pending = importer.run(REQUEST, { signal: controller.signal });
    void pending.catch(() => undefined).finally(() => (settled = true));
    controller.abort();
    await flush();
    expect(workers[0]?.received.at(-1)).toEqual({ type: 'cancel', jobId: 1 });
    expect(settled).toBe(false);
    workers[0]?.send({ type: 'cancelled', jobId: 1 });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects with the failure code the worker names', async () => {
    const { importer, workers } = setup();
    const pending = importer.preview(new Blob(['']), 'csv');
    workers[0]?.send({ type: 'failed', jobId: 1, code: 'empty', message: 'no header' });
    await expect(pending).rejects.toEqual(new ImportError('empty', 'no header'));
  });

  it('rejects running jobs as crashed when the worker dies, and starts a new worker next time', async () => {
    const { importer, workers } = setup();
    const pending = importer.run(REQUEST);
    workers[0]?.crash();
    await expect(pending).rejects.toMatchObject({ code: 'crashed' });
    expect(workers[0]?.terminated).toBe(true);
    const next = importer.exportView({ tableId: 't1', recordIds: [], fieldIds: [], format: 'csv' });
    expect(workers).toHaveLength(2);
    const blob = new Blob(['x']);
    workers[1]?.send({ type: 'exported', jobId: 2, blob });
    await expect(next).resolves.toBe(blob);
  });
});
