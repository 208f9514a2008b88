// Toolbar tools of a table's grid: import (CSV / Excel), export of the current view, and sample customers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  newField,
  OPTION_COLORS,
  SAMPLE_REGIONS,
  sampleCustomers,
  sampleRecordValues,
  type Field,
  type FieldKind,
  type Table,
} from '../../engine';
import { newId } from '../../shared/ids';
import { noticesStore } from '../../stores/notices-store';
import { tableStore } from '../../stores/table-store';
import { Button, Menu } from '../../ui';
import { ExportMenu } from './import/export-menu';
import { ImportDialog } from './import/import-dialog';

export interface TableToolsProps {
  readonly table: Table;
  readonly orderedIds: () => Promise<readonly string[]>;
  readonly visibleFields: readonly Field[];
}

export const SAMPLE_SIZES = [1_000, 10_000, 100_000] as const;

/** Records written per transaction when adding sample data, so progress shows and memory stays flat. */
const SAMPLE_CHUNK = 10_000;

type SampleRole = 'name' | 'company' | 'region' | 'spend' | 'orders' | 'lastLogin';

const SAMPLE_FIELDS: readonly { role: SampleRole; kind: FieldKind }[] = [
  { role: 'name', kind: 'text' },
  { role: 'company', kind: 'text' },
  { role: 'region', kind: 'singleSelect' },
  { role: 'spend', kind: 'currency' },
  { role: 'orders', kind: 'number' },
  { role: 'lastLogin', kind: 'dateTime' },
];

/**
 * Adds `count` sample customers: the fields they need are found by name and kind (and added when missing), the
 * records are added in chunks of SAMPLE_CHUNK, each chunk one undoable step.
 */
async function addSampleData(
  table: Table,
  count: number,
  nameOf: (role: SampleRole) => string,
  onProgress: (done: number) => void,
): Promise<boolean> {
  const store = tableStore.getState();
  const ids = {} as Record<SampleRole, string>;
  const missing: Field[] = [];
  for (const { role, kind } of SAMPLE_FIELDS) {
    const name = nameOf(role);
    const found = table.fields.find((field) => field.name === name && field.kind === kind);
    const field = found ?? newField(kind, { id: newId(), name });
    if (!found) missing.push(field);
    ids[role] = field.id;
  }
  let regionField = [...table.fields, ...missing].find((field) => field.id === ids.region);
  if (regionField?.kind !== 'singleSelect') return false;
  const knownRegions = new Set(regionField.options.map((option) => option.name));
  const withRegions: Field = {
    ...regionField,
    options: [
      ...regionField.options,
      ...SAMPLE_REGIONS.filter((region) => !knownRegions.has(region)).map((name, at) => ({
        id: newId(),
        name,
        color:
          OPTION_COLORS[(regionField?.kind === 'singleSelect' ? regionField.options.length : 0) + at + 1] ??
          'gray',
      })),
    ],
  };
  regionField = withRegions;
  const saved = await store.changeTable(
    table.id,
    (current) => ({
      ...current,
      fields: [
        ...current.fields.map((field) => (field.id === withRegions.id ? withRegions : field)),
        ...missing.map((field) => (field.id === withRegions.id ? withRegions : field)),
      ],
    }),
    { label: 'history.addFields', params: { count: missing.length } },
  );
  if (!saved) return false;
  const regionIds = new Map(withRegions.options.map((option) => [option.name, option.id]));
  const now = Date.now();
  for (let done = 0; done < count; done += SAMPLE_CHUNK) {
    const size = Math.min(SAMPLE_CHUNK, count - done);
    const customers = sampleCustomers(size, { seed: now + done, now });
    const values = sampleRecordValues(customers, ids, regionIds);
    const added = await store.addRecords(table.id, values, {
      label: 'history.sampleData',
      params: { count: size },
    });
    if (!added) return false;
    onProgress(done + size);
  }
  return true;
}

export function TableTools({ table, orderedIds, visibleFields }: TableToolsProps) {
  const { t, i18n } = useTranslation();
  const [importing, setImporting] = useState(false);
  const [sampleProgress, setSampleProgress] = useState<{ done: number; total: number } | undefined>();
  const money = new Intl.NumberFormat(i18n.language);

  const sample = async (count: number) => {
    setSampleProgress({ done: 0, total: count });
    const ok = await addSampleData(
      table,
      count,
      (role) => t(`sample.fields.${role}`),
      (done) => setSampleProgress({ done, total: count }),
    );
    setSampleProgress(undefined);
    if (ok) noticesStore.getState().toast('success', 'sample.added', { count });
  };

  return (
    <>
      <Button size="small" onClick={() => setImporting(true)}>
        {t('import.open')}
      </Button>
      <ExportMenu
        table={table}
        recordIds={async () => [...(await orderedIds())]}
        fieldIds={visibleFields.map((field) => field.id)}
      />
      {sampleProgress ? (
        <span className="grid-toolbar-item" role="status">
          {t('sample.progress', {
            done: money.format(sampleProgress.done),
            total: money.format(sampleProgress.total),
          })}
        </span>
      ) : (
        <Menu
          label={t('sample.menu')}
          showLabel
          items={SAMPLE_SIZES.map((count) => ({
            label: t('sample.add', { count: money.format(count) }),
            onSelect: () => void sample(count),
          }))}
        />
      )}
      {importing ? <ImportDialog table={table} open onClose={() => setImporting(false)} /> : null}
    </>
  );
}
