// Auto-number (Jiandaoyun's 流水号): prefix + the creation day's date part + a zero-padded sequence, e.g. KH-20261122-0007.
// The counter itself lives in storage; here is only what it counts under and how a number is written.
import type { AutoNumberField } from '../model/fields';
import { wallMs } from './support';

/** The date part of a record created at `createdAt` (instant ms), in `timeZone`; '' when the field has none. */
export function autoNumberPeriod(field: Pick<AutoNumberField, 'dateFormat'>, createdAt: number, timeZone: string): string {
  if (field.dateFormat === 'none') return '';
  const iso = new Date(wallMs(createdAt, timeZone)).toISOString(); // wall time as UTC fields: 2026-11-22T…
  const year = iso.slice(0, 4);
  const month = iso.slice(5, 7);
  const day = iso.slice(8, 10);
  if (field.dateFormat === 'yyyy') return year;
  if (field.dateFormat === 'yyyyMM') return year + month;
  return year + month + day;
}

/** The counter key: one sequence per field, or one per period when the field restarts with the date. */
export function autoNumberKey(tableId: string, field: AutoNumberField, period: string): string {
  return field.resetWithDate === true && period !== '' ? `${tableId}/${field.id}/${period}` : `${tableId}/${field.id}`;
}

/** The text of number `sequence`: prefix, date part and a hyphen, digits (zero-padded, never cut when the sequence outgrows them). */
export function formatAutoNumber(field: AutoNumberField, period: string, sequence: number): string {
  const digits = String(sequence).padStart(field.digits, '0');
  return `${field.prefix ?? ''}${period === '' ? '' : `${period}-`}${digits}`;
}
