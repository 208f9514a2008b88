// Reading the data a rule runs on: `var` paths, `missing`, `missing_some`. Paths never reach the prototype chain.
import type { Evaluator } from '../formula/values';
import { LogicError } from './errors';
import type { Node } from './node';
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

/** A node's closure, with a plain record read ({"var": "key"}) turned into a direct read: one call less per use. */
export function readerOf(node: Node): Evaluator {
  const key = node.key;
  if (key === undefined) return node.fn;
  return (data) => readKey(data, key);
}

/**
 * json-logic-js `var`: an empty path is the data itself; a dotted path walks into objects, arrays and strings.
 * A path through or to a function (an inherited method such as "toString") is not found, like a blocked segment.
 */
export function readPath(data: unknown, path: unknown, notFound: unknown): unknown {
  if (path === undefined || path === '' || path === null) return data;
  const segments = jsString(path).split('.');
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined || BLOCKED.has(segment)) return notFound;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined || typeof current === 'function') return notFound;
  }
  return current;
}

/** json-logic-js reads each key of `missing` as {"var": key}, so an array key is [path, default]. */
function readMissingKey(data: unknown, key: unknown): unknown {
  if (!Array.isArray(key)) return readPath(data, key, null);
  const [path, fallback] = key as unknown[];
  return readPath(data, path, fallback === undefined ? null : fallback);
}

/** json-logic-js `missing`: the keys whose value is null, missing or "". */
export function missingKeys(data: unknown, args: readonly unknown[]): unknown[] {
  const keys: readonly unknown[] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const missing: unknown[] = [];
  for (const key of keys) {
    const value = readMissingKey(data, key);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
}

/**
 * json-logic-js `missing_some`: [] when at least `need` of the keys are present, otherwise the missing ones. Like
 * json-logic-js it runs {"missing": keys} (an array spreads into its arguments) and counts `keys.length` (a text's
 * length when the keys are one text); without keys json-logic-js fails, and so does this.
 */
export function missingSome(data: unknown, need: unknown, keys: unknown): unknown[] {
  if (keys === null || keys === undefined)
    throw new LogicError('invalidArgument', 'missing_some needs a list of keys', { op: 'missing_some' });
  const missing = missingKeys(data, Array.isArray(keys) ? (keys as unknown[]) : [keys]);
  return (keys as { length: number }).length - missing.length >= (need as number) ? [] : missing;
}
