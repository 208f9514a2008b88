// Export of the current view (its filters, order and visible fields) to CSV or Excel, named after the table.
import { useTranslation } from 'react-i18next';
import type { Table } from '../../../engine';
import { exportFileName } from '../../../engine/export';
import type { ImportFileFormat } from '../../../engine/import';
import { exportView } from '../../../stores/import-store';
import { noticesStore } from '../../../stores/notices-store';
import { Menu } from '../../../ui';
import { downloadBlob } from './download';

export interface ExportMenuProps {
  readonly table: Table;
  /** The view's record ids in view order (filtered and sorted), read when an export is chosen. */
  readonly recordIds: () => Promise<string[]>;
  /** The view's visible fields in order. */
  readonly fieldIds: readonly string[];
}

export function ExportMenu({ table, recordIds, fieldIds }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const run = async (format: ImportFileFormat) => {
    try {
      const ids = await recordIds();
      const blob = await exportView({
        tableId: table.id,
        recordIds: ids,
        fieldIds,
        format,
        locale: i18n.language,
      });
      downloadBlob(blob, exportFileName(table.name, format));
      noticesStore.getState().toast('success', 'export.done', { count: ids.length });
    } catch (error) {
      console.error(error);
      noticesStore.getState().toast('error', 'export.failed');
    }
  };
  return (
    <Menu
      label={t('export.menu')}
      showLabel
      items={[
        { label: t('export.csv'), onSelect: () => void run('csv') },
        { label: t('export.xlsx'), onSelect: () => void run('xlsx') },
      ]}
    />
  );
}
