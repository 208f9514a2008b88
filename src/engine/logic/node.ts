// A compiled expression node: its closure plus what parents may exploit to build faster closures.
import type { Evaluator } from '../formula/values';

/** What a node's value is known to be at compile time. */
export type Shape = 'number' | 'boolean' | 'unknown';

export interface Node {
  readonly fn: Evaluator;
  readonly shape: Shape;
  /** The value never depends on the data; `value` holds it. */
  readonly constant: boolean;
  readonly value?: unknown;
  /** Set for a plain record read {"var": "key"} (one path segment, default null): parents inline the read. */
  readonly key?: string;
  /** Set for `record[key] <op> constant`, so a chain of such tests on one key can read the key once. */
  readonly comparison?: Comparison;
  /** Set for an if-chain whose results are all constants: value[i] for the first passing test, else the last value. */
  readonly choices?: Choices;
  /** Set for a formula IF(condition, then, else?): lets pure functions applied to it fold into its constant leaves. */
  readonly branches?: Branches;
  /** Set for a formula comparison `record[key] <op> number`: IF chains of these become one numeric band. */
  readonly numericTest?: NumericTest;
  /** Set for a formula IF chain of numeric tests on one key with constant results. */
  readonly band?: NumericBand;
}

export interface NumericTest {
  readonly key: string;
  readonly test: (value: number, limit: number) => boolean;
  readonly limit: number;
}

export interface NumericBand {
  readonly key: string;
  readonly tests: readonly NumericTest[];
  /** One more than tests: the last is the result when no test passes. */
  readonly values: readonly unknown[];
}

export interface Branches {
  readonly condition: Node;
  readonly then: Node;
  readonly otherwise: Node | undefined;
}

export type ComparisonOp = '>' | '>=' | '<' | '<=' | '==' | '===' | '!=' | '!==';

export interface Comparison {
  readonly key: string;
  readonly op: ComparisonOp;
  readonly value: unknown;
}

export interface Choices {
  readonly tests: readonly Node[];
  readonly values: readonly unknown[];
}

export function constantNode(value: unknown): Node {
  const shape = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'unknown';
  return { fn: () => value, shape, constant: true, value };
}

/** An array computed at compile time is returned by every evaluation, so it is frozen like literal arrays. */
export function frozen(value: unknown): unknown {
  return Array.isArray(value) ? Object.freeze(value) : value;
}

export function dynamicNode(fn: Evaluator, shape: Shape = 'unknown'): Node {
  return { fn, shape, constant: false };
}
