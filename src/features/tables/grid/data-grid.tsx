// The data grid: rows and columns virtualized (TanStack Virtual), frozen columns, inline editing, keyboard navigation,
// range selection with copy / paste as tab-separated text (spreadsheet-compatible), fill down, row selection.
// Records come from a RecordWindow, which reads only the pages around what is on screen.
import { useVirtualizer } from '@tanstack/react-virtual';
import Papa from 'papaparse';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ClipboardEvent,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  cellText,
  COMPUTED_FIELD_KINDS,
  parseCellText,
  type AttachmentField,
  type CellValue,
  type DataRecord,
  type Field,
  type JsonValue,
  type LinkField,
} from '../../../engine';
import { linkedIds } from '../../../engine/computed/lookup';
import { AttachmentThumbs, attachmentsOf } from './attachment-thumbs';
import { LinkChips } from './link-chips';
import { CellEditor, type EditorExit } from './cell-editor';
import { cellFormatter, fieldValue, type CellDisplay, type FormatContext } from './cell-format';
import { GridLayout, type GridGroup } from './grid-layout';
import type { RecordWindow } from './record-window';

export const ROW_HEIGHTS = { short: 34, medium: 56, tall: 88 } as const;
export type RowHeight = keyof typeof ROW_HEIGHTS;
const HEADER_HEIGHT = 36;
const SELECT_COLUMN_WIDTH = 64;
export const DEFAULT_COLUMN_WIDTH = 180;

export interface CellChange {
  readonly id: string;
  readonly values: Readonly<Record<string, JsonValue>>;
}

export interface DataGridProps {
  readonly fields: readonly Field[];
  readonly window: RecordWindow;
  readonly groups?: readonly GridGroup[] | undefined;
  /** Keys of the groups showing their header only. */
  readonly collapsedGroups?: ReadonlySet<string>;
  readonly onToggleGroup?: (key: string) => void;
  readonly frozenCount: number;
  readonly columnWidths: Readonly<Record<string, number>>;
  readonly rowHeight: RowHeight;
  readonly format: FormatContext;
  readonly selectedIds: ReadonlySet<string>;
  readonly onSelectedIdsChange: (ids: Set<string>) => void;
  readonly onResizeColumn: (fieldId: string, width: number) => void;
  readonly onMoveColumn: (fieldId: string, toIndex: number) => void;
  readonly onCommit: (changes: CellChange[], kind: 'edit' | 'paste' | 'fill' | 'clear') => void;
  readonly onOpenRecord: (recordId: string) => void;
  /** Opens the dialog of a link or attachment cell (Enter, double-click), which edit in a dialog of their own. */
  readonly onEditRelated: (record: DataRecord, field: LinkField | AttachmentField) => void;
  /** Problems of a paste or fill (cells refused), to show the user. */
  readonly onProblems: (messages: string[]) => void;
  readonly ariaLabel: string;
}

interface Cell {
  readonly row: number;
  readonly col: number;
}

interface Editing extends Cell {
  readonly initialText: string | undefined;
}

function isEditable(field: Field): boolean {
  return !COMPUTED_FIELD_KINDS.includes(field.kind) && field.kind !== 'link' && field.kind !== 'attachment';
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

function CellContent({ display }: { display: CellDisplay }) {
  if (display.checked !== undefined)
    return (
      <span className={display.checked ? 'cell-check cell-check-on' : 'cell-check'} aria-hidden="true" />
    );
  if (display.stars)
    return (
      <span className="cell-stars" aria-label={display.text}>
        {'★'.repeat(Math.min(display.stars.value, display.stars.max))}
        <span className="cell-stars-off">
          {'★'.repeat(Math.max(0, display.stars.max - display.stars.value))}
        </span>
      </span>
    );
  if (display.chips && display.chips.length > 0)
    return (
      <span className="cell-chips">
        {display.chips.map((chip, at) => (
          <span key={at} className={`chip chip-${chip.color}`}>
            {chip.label}
          </span>
        ))}
      </span>
    );
  return (
    <span className={display.tone === 'error' ? 'cell-text cell-error' : 'cell-text'}>{display.text}</span>
  );
}

export function DataGrid(props: DataGridProps) {
  const { fields, window: records, groups, frozenCount, columnWidths, rowHeight, format } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  useSyncExternalStore(records.subscribe, records.version);
  const { collapsedGroups } = props;
  const layout = useMemo(
    () => new GridLayout(records.rowCount, groups, collapsedGroups),
    [records.rowCount, groups, collapsedGroups],
  );
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<Cell | undefined>();
  const [editing, setEditing] = useState<Editing | undefined>();

  const formatters = useMemo(() => fields.map((field) => cellFormatter(field, format)), [fields, format]);
  const widths = useMemo(
    () => fields.map((field) => columnWidths[field.id] ?? DEFAULT_COLUMN_WIDTH),
    [fields, columnWidths],
  );
  const frozen = Math.min(frozenCount, fields.length);
  const frozenWidth = widths.slice(0, frozen).reduce((sum, width) => sum + width, SELECT_COLUMN_WIDTH);
  const height = ROW_HEIGHTS[rowHeight];

  // TanStack Virtual hands out new functions on every render, so the React Compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library -- the grid re-renders on scroll by design
  const rowVirtualizer = useVirtualizer({
    count: layout.displayCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => height,
    overscan: 8,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: fields.length - frozen,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => widths[index + frozen] ?? DEFAULT_COLUMN_WIDTH,
    overscan: 3,
    scrollPaddingStart: frozenWidth,
  });
  useEffect(() => {
    rowVirtualizer.measure();
  }, [height, rowVirtualizer]);
  useEffect(() => {
    columnVirtualizer.measure();
  }, [widths, frozen, columnVirtualizer]);

  const virtualRows = rowVirtualizer.getVirtualItems();
  const firstVisible = virtualRows[0];
  const lastVisible = virtualRows.at(-1);
  const firstRecord = firstVisible ? layout.rowAt(firstVisible.index) : undefined;
  const lastRecord = lastVisible ? layout.rowAt(lastVisible.index) : undefined;
  const loadFrom = firstRecord?.type === 'record' ? firstRecord.recordIndex : (firstRecord?.group.start ?? 0);
  const loadTo =
    lastRecord?.type === 'record' ? lastRecord.recordIndex + 1 : lastRecord ? lastRecord.group.start + 1 : 0;
  const generation = records.sourceGeneration;
  useEffect(() => {
    void records.ensure(loadFrom, loadTo + 1);
  }, [records, loadFrom, loadTo, generation]);

  const virtualColumns = columnVirtualizer.getVirtualItems();
  const totalWidth = columnVirtualizer.getTotalSize() + frozenWidth;

  // Keep the active cell inside the table as it shrinks.
  const lastRow = records.rowCount - 1;
  const lastCol = fields.length - 1;
  useEffect(() => {
    setActive((cell) => ({
      row: clamp(cell.row, 0, Math.max(0, lastRow)),
      col: clamp(cell.col, 0, Math.max(0, lastCol)),
    }));
  }, [lastRow, lastCol]);

  const range = useMemo(() => {
    const from = anchor ?? active;
    return {
      top: Math.min(from.row, active.row),
      bottom: Math.max(from.row, active.row),
      left: Math.min(from.col, active.col),
      right: Math.max(from.col, active.col),
    };
  }, [anchor, active]);

  const scrollToCell = useCallback(
    (cell: Cell) => {
      rowVirtualizer.scrollToIndex(layout.displayIndexOf(cell.row));
      if (cell.col >= frozen) columnVirtualizer.scrollToIndex(cell.col - frozen);
    },
    [rowVirtualizer, columnVirtualizer, layout, frozen],
  );

  const moveTo = (cell: Cell, extend = false) => {
    const next = {
      row: clamp(cell.row, 0, Math.max(0, lastRow)),
      col: clamp(cell.col, 0, Math.max(0, lastCol)),
    };
    if (extend) setAnchor((current) => current ?? active);
    else setAnchor(undefined);
    setActive(next);
    scrollToCell(next);
  };

  const focusGrid = () => scrollRef.current?.focus({ preventScroll: true });

  const commitValue = (cell: Cell, value: CellValue, exit: EditorExit) => {
    const record = records.recordAt(cell.row);
    const field = fields[cell.col];
    setEditing(undefined);
    if (record && field && JSON.stringify(fieldValue(field, record) ?? null) !== JSON.stringify(value))
      props.onCommit([{ id: record.id, values: { [field.id]: value as JsonValue } }], 'edit');
    if (exit === 'enter') moveTo({ row: cell.row + 1, col: cell.col });
    else if (exit === 'tab') moveTo({ row: cell.row, col: cell.col + 1 });
    else if (exit === 'shiftTab') moveTo({ row: cell.row, col: cell.col - 1 });
    if (exit !== 'blur') focusGrid();
  };

  const startEditing = (cell: Cell, initialText?: string) => {
    const field = fields[cell.col];
    const record = records.recordAt(cell.row);
    if (!field || !record) return;
    if (field.kind === 'link' || field.kind === 'attachment') {
      props.onEditRelated(record, field);
      return;
    }
    if (!isEditable(field)) {
      props.onProblems([t('cellProblems.readOnly')]);
      return;
    }
    if (field.kind === 'checkbox') {
      props.onCommit([{ id: record.id, values: { [field.id]: fieldValue(field, record) !== true } }], 'edit');
      return;
    }
    setEditing({ ...cell, initialText });
  };

  /** Records of rows [top, bottom], loading pages as needed. */
  const recordsIn = async (top: number, bottom: number): Promise<(DataRecord | undefined)[]> => {
    await records.ensure(top, bottom + 1);
    const list: (DataRecord | undefined)[] = [];
    for (let row = top; row <= bottom; row++) list.push(records.recordAt(row));
    return list;
  };

  const rangeText = (rows: readonly (DataRecord | undefined)[]): string =>
    Papa.unparse(
      rows.map((record) =>
        fields
          .slice(range.left, range.right + 1)
          .map((field) =>
            record ? cellText(field, fieldValue(field, record), { timeZone: format.timeZone }) : '',
          ),
      ),
      { delimiter: '\t', newline: '\n' },
    );

  const clearRange = async () => {
    const rows = await recordsIn(range.top, range.bottom);
    const editable = fields.slice(range.left, range.right + 1).filter(isEditable);
    if (editable.length === 0) return;
    const changes = rows.flatMap((record): CellChange[] =>
      record
        ? [{ id: record.id, values: Object.fromEntries(editable.map((field) => [field.id, null])) }]
        : [],
    );
    props.onCommit(changes, 'clear');
  };

  /** Writes a matrix of texts from the active range's top-left corner (a paste), parsing each as its field's kind. */
  const writeTexts = async (matrix: readonly (readonly string[])[], kind: 'paste' | 'fill') => {
    const height = matrix.length;
    const top = range.top;
    const bottom = Math.min(lastRow, top + height - 1);
    const rows = await recordsIn(top, bottom);
    const problems: string[] = [];
    const changes: CellChange[] = [];
    rows.forEach((record, rowOffset) => {
      const texts = matrix[rowOffset] ?? [];
      if (!record) return;
      const values: Record<string, JsonValue> = {};
      texts.forEach((text, colOffset) => {
        const field = fields[range.left + colOffset];
        if (!field || !isEditable(field)) return;
        const parsed = parseCellText(field, text, { timeZone: format.timeZone, createOptions: false });
        if (parsed.ok) values[field.id] = parsed.value as JsonValue;
        else
          problems.push(
            t('grid.cellRefused', {
              row: top + rowOffset + 1,
              field: field.name,
              reason: t(`cellProblems.${parsed.problem.code}`, { ...parsed.problem.params }),
            }),
          );
      });
      if (Object.keys(values).length > 0) changes.push({ id: record.id, values });
    });
    if (top + height - 1 > lastRow)
      problems.push(t('grid.pasteBeyondEnd', { count: top + height - 1 - lastRow }));
    if (changes.length > 0) props.onCommit(changes, kind);
    if (problems.length > 0) props.onProblems(problems);
  };

  const fillDown = async () => {
    if (range.bottom === range.top) return;
    const rows = await recordsIn(range.top, range.bottom);
    const first = rows[0];
    if (!first) return;
    const source = fields
      .slice(range.left, range.right + 1)
      .map((field) => cellText(field, fieldValue(field, first), { timeZone: format.timeZone }));
    const matrix = rows.map(() => source);
    await writeTexts(matrix, 'fill');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const mod = event.ctrlKey || event.metaKey;
    const { row, col } = active;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / height) - 1);
    const moves: Record<string, Cell> = {
      ArrowUp: { row: mod ? 0 : row - 1, col },
      ArrowDown: { row: mod ? lastRow : row + 1, col },
      ArrowLeft: { row, col: mod ? 0 : col - 1 },
      ArrowRight: { row, col: mod ? lastCol : col + 1 },
      PageUp: { row: row - page, col },
      PageDown: { row: row + page, col },
      Home: { row: mod ? 0 : row, col: 0 },
      End: { row: mod ? lastRow : row, col: lastCol },
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      moveTo(target, event.shiftKey);
      return;
    }
    if (event.key === 'Tab') {
      event.preventDefault();
      moveTo({ row, col: col + (event.shiftKey ? -1 : 1) });
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      if (event.shiftKey && event.key === 'Enter') {
        const record = records.recordAt(row);
        if (record) props.onOpenRecord(record.id);
      } else startEditing(active);
    } else if (event.key === 'Escape') {
      setAnchor(undefined);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void clearRange();
    } else if (event.key === ' ' && fields[col]?.kind === 'checkbox') {
      event.preventDefault();
      startEditing(active);
    } else if (mod && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      void fillDown();
    } else if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setAnchor({ row: 0, col: 0 });
      setActive({ row: lastRow, col: lastCol });
    } else if (!mod && !event.altKey && event.key.length === 1) {
      event.preventDefault();
      startEditing(active, event.key);
    }
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    event.preventDefault();
    const rows: (DataRecord | undefined)[] = [];
    for (let row = range.top; row <= range.bottom; row++) rows.push(records.recordAt(row));
    if (rows.every((record) => record !== undefined)) {
      event.clipboardData.setData('text/plain', rangeText(rows));
      return;
    }
    // Rows off screen are read first; the clipboard is then written asynchronously.
    void recordsIn(range.top, range.bottom).then((loaded) =>
      navigator.clipboard.writeText(rangeText(loaded)),
    );
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    event.preventDefault();
    const text = event.clipboardData.getData('text/plain').replace(/\r?\n$/, '');
    if (text === '') return;
    const parsed = Papa.parse<string[]>(text, {
      delimiter: '\t',
      newline: text.includes('\r\n') ? '\r\n' : '\n',
    });
    void writeTexts(parsed.data, 'paste');
  };

  const selectAllRows = records.rowCount > 0 && props.selectedIds.size >= records.rowCount;
  const toggleRow = (id: string) => {
    const next = new Set(props.selectedIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    props.onSelectedIdsChange(next);
  };

  const startResize = (event: ReactPointerEvent, field: Field, width: number) => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    let latest = width;
    const onMove = (move: PointerEvent) => {
      latest = clamp(width + move.clientX - startX, 60, 1000);
      target.parentElement?.style.setProperty('width', `${latest}px`);
    };
    const onUp = () => {
      target.removeEventListener('pointermove', onMove);
      target.removeEventListener('pointerup', onUp);
      props.onResizeColumn(field.id, Math.round(latest));
    };
    target.addEventListener('pointermove', onMove);
    target.addEventListener('pointerup', onUp);
  };

  const renderCell = (
    field: Field,
    col: number,
    rowIndex: number,
    record: DataRecord | undefined,
    left?: number,
  ) => {
    const width = widths[col] ?? DEFAULT_COLUMN_WIDTH;
    const isActive = active.row === rowIndex && active.col === col;
    const inRange =
      rowIndex >= range.top && rowIndex <= range.bottom && col >= range.left && col <= range.right;
    const classes = ['grid-cell'];
    if (col < frozen) classes.push('grid-cell-frozen');
    if (col === frozen - 1) classes.push('grid-cell-frozen-last');
    if (inRange && anchor) classes.push('grid-cell-range');
    if (isActive) classes.push('grid-cell-active');
    const formatter = formatters[col];
    const display = record && formatter ? formatter(record) : undefined;
    if (display?.align === 'right') classes.push('grid-cell-right');
    const style =
      left === undefined ? { width, left: frozenLeft[col] } : { width, position: 'absolute' as const, left };
    return (
      <div
        key={field.id}
        role="gridcell"
        aria-colindex={col + 2}
        aria-selected={isActive || (inRange && anchor !== undefined)}
        className={classes.join(' ')}
        style={style}
        data-field={field.name}
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          if (editing && !(editing.row === rowIndex && editing.col === col)) setEditing(undefined);
          if (event.shiftKey) setAnchor((current) => current ?? active);
          else setAnchor(undefined);
          setActive({ row: rowIndex, col });
        }}
        onDoubleClick={() => startEditing({ row: rowIndex, col })}
      >
        {editing && editing.row === rowIndex && editing.col === col && record ? (
          <CellEditor
            field={field}
            value={fieldValue(field, record)}
            initialText={editing.initialText}
            timeZone={format.timeZone}
            people={format.people}
            onCommit={(value, exit) => commitValue({ row: rowIndex, col }, value, exit)}
            onCancel={() => {
              setEditing(undefined);
              focusGrid();
            }}
          />
        ) : record && field.kind === 'link' ? (
          <LinkChips tableId={field.targetTableId} ids={linkedIds(fieldValue(field, record))} />
        ) : record && field.kind === 'attachment' ? (
          <AttachmentThumbs value={attachmentsOf(fieldValue(field, record))} />
        ) : display ? (
          <CellContent display={display} />
        ) : null}
      </div>
    );
  };

  const frozenLeft = useMemo(() => {
    const lefts: number[] = [];
    let left = SELECT_COLUMN_WIDTH;
    for (let col = 0; col < frozen; col++) {
      lefts.push(left);
      left += widths[col] ?? DEFAULT_COLUMN_WIDTH;
    }
    return lefts;
  }, [widths, frozen]);

  const renderHeaderCell = (field: Field, col: number, left?: number) => {
    const width = widths[col] ?? DEFAULT_COLUMN_WIDTH;
    const style =
      left === undefined ? { width, left: frozenLeft[col] } : { width, position: 'absolute' as const, left };
    return (
      <div
        key={field.id}
        role="columnheader"
        aria-colindex={col + 2}
        className={col < frozen ? 'grid-header-cell grid-cell-frozen' : 'grid-header-cell'}
        style={style}
        title={field.description ?? field.name}
        draggable
        onDragStart={(event) => {
          event.dataTransfer.setData('application/x-liucun-field', field.id);
          event.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes('application/x-liucun-field')) event.preventDefault();
        }}
        onDrop={(event) => {
          const fieldId = event.dataTransfer.getData('application/x-liucun-field');
          if (fieldId && fieldId !== field.id) props.onMoveColumn(fieldId, col);
        }}
      >
        <span className="grid-header-kind" aria-hidden="true">
          {KIND_ICONS[field.kind] ?? '·'}
        </span>
        <span className="grid-header-name">{field.name}</span>
        <span
          className="grid-resize"
          role="separator"
          aria-orientation="vertical"
          aria-label={t('grid.resizeColumn', { name: field.name })}
          onPointerDown={(event) => startResize(event, field, width)}
        />
      </div>
    );
  };

  return (
    <div
      ref={scrollRef}
      className={`grid-scroll grid-rows-${rowHeight}`}
      role="grid"
      aria-label={props.ariaLabel}
      aria-rowcount={records.rowCount + 1}
      aria-colcount={fields.length + 1}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      onPaste={onPaste}
    >
      <div
        className="grid-canvas"
        style={{ width: totalWidth, height: rowVirtualizer.getTotalSize() + HEADER_HEIGHT }}
      >
        <div
          className="grid-header"
          role="row"
          aria-rowindex={1}
          style={{ width: totalWidth, height: HEADER_HEIGHT }}
        >
          <div className="grid-select-cell grid-cell-frozen" style={{ width: SELECT_COLUMN_WIDTH, left: 0 }}>
            <input
              type="checkbox"
              aria-label={t('grid.selectAll')}
              checked={selectAllRows}
              onChange={() => {
                if (selectAllRows || !records.ids) props.onSelectedIdsChange(new Set());
                else props.onSelectedIdsChange(new Set(records.ids));
              }}
              disabled={!records.ids && records.rowCount > 0}
            />
          </div>
          {fields.slice(0, frozen).map((field, col) => renderHeaderCell(field, col))}
          {virtualColumns.map((column) => {
            const col = column.index + frozen;
            const field = fields[col];
            return field ? renderHeaderCell(field, col, column.start + frozenWidth) : null;
          })}
        </div>
        {virtualRows.map((virtualRow) => {
          const item = layout.rowAt(virtualRow.index);
          const top = virtualRow.start + HEADER_HEIGHT;
          if (item.type === 'group') {
            return (
              <div
                key={`group-${item.group.key}`}
                className="grid-group-row"
                role="row"
                style={{ transform: `translateY(${top}px)`, height, width: totalWidth }}
              >
                <div className="grid-group-label" role="rowheader">
                  <button
                    type="button"
                    className="grid-group-toggle"
                    aria-expanded={!item.collapsed}
                    aria-label={t(item.collapsed ? 'grid.expandGroup' : 'grid.collapseGroup', {
                      name: item.group.label,
                    })}
                    onClick={() => props.onToggleGroup?.(item.group.key)}
                  >
                    {item.collapsed ? '▸' : '▾'}
                  </button>
                  <span className={`chip chip-${item.group.color ?? 'gray'}`} data-testid="group-label">
                    {item.group.label}
                  </span>
                  <span className="grid-group-count" data-testid="group-count">
                    {t('grid.groupCount', { count: item.group.count })}
                  </span>
                  {item.group.summary.map((line) => (
                    <span key={line} className="grid-group-summary">
                      {line}
                    </span>
                  ))}
                </div>
              </div>
            );
          }
          const rowIndex = item.recordIndex;
          const record = records.recordAt(rowIndex);
          const selected = record ? props.selectedIds.has(record.id) : false;
          return (
            <div
              key={record?.id ?? `row-${rowIndex}`}
              className={selected ? 'grid-row grid-row-selected' : 'grid-row'}
              role="row"
              aria-rowindex={rowIndex + 2}
              aria-selected={selected}
              style={{ transform: `translateY(${top}px)`, height, width: totalWidth }}
            >
              <div
                className="grid-select-cell grid-cell-frozen"
                style={{ width: SELECT_COLUMN_WIDTH, left: 0 }}
              >
                <span className="grid-row-number">{rowIndex + 1}</span>
                {record ? (
                  <>
                    <input
                      type="checkbox"
                      aria-label={t('grid.selectRow', { row: rowIndex + 1 })}
                      checked={selected}
                      onChange={() => toggleRow(record.id)}
                    />
                    <button
                      type="button"
                      className="grid-expand"
                      aria-label={t('grid.openRecord', { row: rowIndex + 1 })}
                      onClick={() => props.onOpenRecord(record.id)}
                    >
                      ⤢
                    </button>
                  </>
                ) : null}
              </div>
              {fields.slice(0, frozen).map((field, col) => renderCell(field, col, rowIndex, record))}
              {virtualColumns.map((column) => {
                const col = column.index + frozen;
                const field = fields[col];
                return field ? renderCell(field, col, rowIndex, record, column.start + frozenWidth) : null;
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const KIND_ICONS: Partial<Record<Field['kind'], string>> = {
  text: 'A',
  longText: '¶',
  number: '#',
  currency: '¤',
  percent: '%',
  checkbox: '☑',
  date: '▦',
  dateTime: '◷',
  singleSelect: '◉',
  multiSelect: '☰',
  email: '@',
  phone: '☎',
  url: '⛓',
  rating: '★',
  person: '☺',
  link: '⇄',
  lookup: '⌕',
  rollup: 'Σ',
  formula: 'ƒ',
  autoNumber: '№',
  createdTime: '⊕',
  lastModifiedTime: '✎',
  attachment: '⎘',
  tier: '▲',
};
