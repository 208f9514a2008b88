// Renders the table designer against stubbed stores: the workspace snapshot holds the tables, and the table store's
// actions are vi.fn()s, so tests see exactly which Field the designer would write.
import { cleanup, render } from '@testing-library/react';
import i18next from 'i18next';
import type { i18n } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, vi } from 'vitest';
import type { Mock } from 'vitest';
import type { ConversionPreview, Field, Person } from '../../../../src/engine';
import en from '../../../../src/locales/en.json';
import { tableStore } from '../../../../src/stores/table-store';
import type { TableActions } from '../../../../src/stores/table-store';
import type { TableRow } from '../../../../src/stores/workspace-store';
import { workspaceStore } from '../../../../src/stores/workspace-store';
import { TableDesigner } from '../../../../src/features/tables/designer/table-designer';

afterEach(cleanup);

export const APP_ID = 'app-1';

export function tableRow(id: string, name: string, fields: Field[]): TableRow {
  return {
    id,
    name,
    appId: APP_ID,
    order: 0,
    schemaVersion: 2,
    createdAt: 1,
    updatedAt: 1,
    version: 1,
    fields,
    views: [],
  };
}

async function english(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance;
}

export interface Stubs {
  readonly addField: Mock<TableActions['addField']>;
  readonly saveField: Mock<TableActions['saveField']>;
  readonly moveField: Mock<TableActions['moveField']>;
  readonly deleteField: Mock<TableActions['deleteField']>;
  readonly previewKindChange: Mock<TableActions['previewKindChange']>;
}

export interface DesignerSetup {
  readonly table: TableRow;
  readonly otherTables?: TableRow[];
  readonly people?: Person[];
  readonly preview?: ConversionPreview;
}

/** Renders <TableDesigner> for `table` with the store actions stubbed (each resolves as a successful write). */
export async function renderDesigner({ table, otherTables = [], people = [], preview }: DesignerSetup) {
  const stubs: Stubs = {
    addField: vi.fn<TableActions['addField']>(() => Promise.resolve(true)),
    saveField: vi.fn<TableActions['saveField']>(() => Promise.resolve(true)),
    moveField: vi.fn<TableActions['moveField']>(() => Promise.resolve(true)),
    deleteField: vi.fn<TableActions['deleteField']>(() => Promise.resolve(true)),
    previewKindChange: vi.fn<TableActions['previewKindChange']>(() =>
      Promise.resolve(preview ?? { converted: 0, unchanged: 0, failed: [], failedCount: 0, newOptions: [] }),
    ),
  };
  tableStore.setState(stubs);
  workspaceStore.setState({
    status: 'ready',
    snapshot: {
      workspace: {
        key: 'workspace',
        id: 'ws',
        name: 'Workspace',
        people,
        onboarded: true,
        schemaVersion: 2,
        createdAt: 1,
        updatedAt: 1,
      },
      apps: [],
      tables: [table, ...otherTables],
      trash: [],
    },
  });
  const instance = await english();
  const result = render(
    <I18nextProvider i18n={instance}>
      <TableDesigner table={table} />
    </I18nextProvider>,
  );
  return { ...result, stubs };
}

/** The Field passed to the `call`-th call of addField or saveField (its second argument). */
export function fieldArgument(mock: Mock<(tableId: string, field: Field) => Promise<boolean>>, call = 0) {
  return mock.mock.calls[call]?.[1];
}
