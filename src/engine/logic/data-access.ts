// Reading the data a rule runs on: `var` paths, `missing`, `missing_some`. Paths never reach the prototype chain.
import { jsString } from './standard';

/** Path segments that would reach into JavaScript internals instead of the data; reading them yields "not found". */
const BLOCKED = new Set(['__proto__', 'constructor', 'prototype']);

export function isBlockedSegment(segment: string): boolean {
  return BLOCKED.has(segment);
}

/** One own-data read: null for missing keys, functions (inherited methods) and blank data, as json-logic-js `var`. */
export function readKey(data: unknown, key: string): unknown {
  if (data === null || data === undefined) return null;
  const value = (data as Record<string, unknown>)[key];
  return value === undefined || typeof value === 'function' ? null : value;
}

/** json-logic-js `var`: an empty path is the data itself; a dotted path walks into objects, arrays and strings. */
export function readPath(data: unknown, path: unknown, notFound: unknown): unknown {
  if (path === undefined || path === '' || path === null) return data;
  const segments = jsString(path).split('.');
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined || BLOCKED.has(segment)) return notFound;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) return notFound;
  }
  return typeof current === 'function' ? notFound : current;
}

/** json-logic-js `missing`: the keys whose value is null, missing or "". */
export function missingKeys(data: unknown, args: readonly unknown[]): unknown[] {
  const keys: readonly unknown[] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const missing: unknown[] = [];
  for (const key of keys) {
    const value = readPath(data, key, null);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
}

/** json-logic-js `missing_some`: [] when at least `need` of `keys` are present, otherwise the missing ones. */
export function missingSome(data: unknown, need: unknown, keys: unknown): unknown[] {
  const list = Array.isArray(keys) ? (keys as unknown[]) : [keys];
  const missing = missingKeys(data, [list]);
  return list.length - missing.length >= (need as number) ? [] : missing;
}
