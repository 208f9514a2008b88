// Auto-number values (流水号): prefix + the record's creation date + a zero-padded sequence, e.g. KH-20261122-0007.
// Pure formatting and counter keys; storage keeps the counters and advances them in the transaction that adds records.
import type { AutoNumberField } from '../model';
import { wallMs } from './support';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The date part of an auto number for a record created at `createdAt`, in `timeZone` ('' for dateFormat 'none'). */
export function autoNumberPeriod(
  field: Pick<AutoNumberField, 'dateFormat'>,
  createdAt: number,
  timeZone = 'UTC',
): string {
  if (field.dateFormat === 'none') return '';
  const wall = new Date(wallMs(createdAt, timeZone));
  const year = pad(wall.getUTCFullYear(), 4);
  const month = pad(wall.getUTCMonth() + 1, 2);
  const day = pad(wall.getUTCDate(), 2);
  switch (field.dateFormat) {
    case 'yyyy':
      return year;
    case 'yyyyMM':
      return year + month;
    case 'yyyyMMdd':
      return year + month + day;
  }
}

/**
 * The counter key of an auto-number field: `tableId/fieldId`, plus `/period` when the sequence restarts with each
 * new date part (so each day, month or year counts from 1).
 */
export function autoNumberKey(
  tableId: string,
  field: Pick<AutoNumberField, 'id' | 'dateFormat' | 'resetWithDate'>,
  createdAt: number,
  timeZone = 'UTC',
): string {
  const period = field.resetWithDate === true ? autoNumberPeriod(field, createdAt, timeZone) : '';
  return period === '' ? `${tableId}/${field.id}` : `${tableId}/${field.id}/${period}`;
}

/** The text of sequence number `sequence` (1-based): prefix, date part and a hyphen, digits (never cut short). */
export function formatAutoNumber(
  field: Pick<AutoNumberField, 'prefix' | 'dateFormat' | 'digits'>,
  sequence: number,
  createdAt: number,
  timeZone = 'UTC',
): string {
  const period = autoNumberPeriod(field, createdAt, timeZone);
  return `${field.prefix ?? ''}${period === '' ? '' : `${period}-`}${pad(sequence, field.digits)}`;
}
