// The registry of formula functions, by upper-case name. One file per category; each exports its list.
import { AGGREGATE_FUNCTIONS } from './aggregate.functions';
import { DATE_FUNCTIONS } from './date.functions';
import { INFO_FUNCTIONS } from './info.functions';
import { LOGICAL_FUNCTIONS } from './logical.functions';
import { MATH_FUNCTIONS } from './math.functions';
import { OPERATOR_FUNCTIONS } from './operator.functions';
import type { FunctionSpec } from './spec';
import { TEXT_FUNCTIONS } from './text.functions';

export const ALL_FUNCTIONS: readonly FunctionSpec[] = [
  ...OPERATOR_FUNCTIONS,
  ...LOGICAL_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...INFO_FUNCTIONS,
  ...AGGREGATE_FUNCTIONS,
];

function byName(specs: readonly FunctionSpec[]): ReadonlyMap<string, FunctionSpec> {
  const map = new Map<string, FunctionSpec>();
  for (const spec of specs) {
    if (map.has(spec.name)) throw new Error(`Formula function ${spec.name} is defined twice`);
    map.set(spec.name, spec);
  }
  return map;
}

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = byName(ALL_FUNCTIONS);

export function findFunction(name: string): FunctionSpec | undefined {
  return FUNCTIONS.get(name.toUpperCase());
}

export type { EagerSpec, FunctionCategory, FunctionSpec, LazySpec } from './spec';
export { isLazy, paramType, returnType } from './spec';
