// The import dialog's state machine with a fake service: preview → mapping → importing → done/cancelled/failed.
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/engine';
import type { ImportPreview, ImportResult } from '../../src/engine/import';
import {
  createImportStore,
  type ImportService,
  type ImportServiceProgress,
} from '../../src/stores/import-store';

const TABLE: Table = {
  id: 't1',
  name: '客户',
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  fields: [
    { id: 'name', name: '客户名称', kind: 'text' },
    { id: 'score', name: 'Score', kind: 'formula', expression: 1 },
  ],
  views: [],
};

const PREVIEW: ImportPreview = {
  headers: ['客户名称', '金额', 'Score'],
  rows: [['张三', '12', '1']],
  fields: [
    { name: '客户名称', kind: 'text' },
    { name: '金额', kind: 'number', precision: 0 },
    { name: 'Score', kind: 'number', precision: 0 },
  ],
  rowCount: 1,
  rowCountExact: true,
};

const RESULT: ImportResult = { imported: 1, skipped: 0, problems: [], createdFieldIds: ['f'] };

function fakeService(run: ImportService['run']): ImportService {
  return {
    preview: () => Promise.resolve(PREVIEW),
    run,
    exportView: () => Promise.resolve(new Blob()),
  };
}

const file = (name: string) => new File(['x'], name);

async function mapped(service: ImportService) {
  const store = createImportStore(() => service);
  await store.getState().chooseFile(TABLE, file('客户.csv'));
  return store;
}

describe('the import dialog state', () => {
  it('proposes existing fields by name and new fields otherwise, never a computed field', async () => {
    const store = await mapped(fakeService(() => Promise.resolve(RESULT)));
    const state = store.getState();
    expect(state.status).toBe('mapping');
    if (state.status !== 'mapping') return;
    expect(state.targets).toEqual([
      { type: 'existing', fieldId: 'name' },
      { type: 'new', field: PREVIEW.fields[1] },
      { type: 'new', field: PREVIEW.fields[2] },
    ]);
  });

  it('imports with the chosen mapping, showing progress, and ends with the report', async () => {
    let sent: unknown;
    let report: ((progress: ImportServiceProgress) => void) | undefined;
    let finish: ((result: ImportResult) => void) | undefined;
    const store = await mapped(
      fakeService((request, options) => {
        sent = request.mapping;
        report = options?.onProgress;
        return new Promise((resolve) => (finish = resolve));
      }),
    );
    store.getState().setNewKind(1, 'currency');
    store.getState().setTarget(2, { type: 'skip' });
    store.getState().setOnBadValue('empty');
    const started = store.getState().start();
    report?.({ phase: 'converting', done: 5, total: 10 });
    expect(store.getState()).toMatchObject({ status: 'importing', progress: { done: 5, total: 10 } });
    finish?.(RESULT);
    await started;
    expect(store.getState()).toMatchObject({ status: 'done', result: RESULT });
    expect(sent).toEqual({
      columns: [
        { source: 0, target: { type: 'existing', fieldId: 'name' } },
        {
          source: 1,
          target: { type: 'new', field: { name: '金额', kind: 'currency', currency: 'CNY', precision: 2 } },
        },
        { source: 2, target: { type: 'skip' } },
      ],
      onBadValue: 'empty',
    });
  });

  it('cancels through the signal and can go back to the same mapping', async () => {
    const store = await mapped(
      fakeService(
        (_request, options) =>
          new Promise((_resolve, reject) => {
            options?.signal?.addEventListener('abort', () => reject(new DOMException('stop', 'AbortError')));
          }),
      ),
    );
    const started = store.getState().start();
    store.getState().cancel();
    await started;
    expect(store.getState().status).toBe('cancelled');
    store.getState().backToMapping();
    expect(store.getState().status).toBe('mapping');
  });

  it('shows the failure code as a catalog key', async () => {
    const store = await mapped(
      fakeService(() => Promise.reject(Object.assign(new Error('full'), { code: 'quota' }))),
    );
    await store.getState().start();
    expect(store.getState()).toMatchObject({ status: 'failed', messageKey: 'import.failures.quota' });
  });

  it('refuses files other than CSV and Excel, and two columns into one field', async () => {
    const store = createImportStore(() => fakeService(() => Promise.resolve(RESULT)));
    await store.getState().chooseFile(TABLE, file('notes.pdf'));
    expect(store.getState()).toMatchObject({
      status: 'failed',
      messageKey: 'import.failures.unsupportedFile',
    });

    const mappedStore = await mapped(fakeService(() => Promise.reject(new Error('must not run'))));
    mappedStore.getState().setTarget(1, { type: 'existing', fieldId: 'name' });
    await mappedStore.getState().start();
    expect(mappedStore.getState().status).toBe('mapping');
  });
});
