// Stable, time-ordered identifiers (UUIDv7): sortable by creation time, safe to merge across devices later.
import { v7 as uuidv7 } from 'uuid';

export type Id = string;

/** A new UUIDv7. Ids created later sort after ids created earlier (monotonic within one millisecond too). */
export function newId(): Id {
  return uuidv7();
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: unknown): value is Id {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
