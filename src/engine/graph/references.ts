// Which fields an expression reads: the keys of its {"var": key} nodes, for the dependency graph and for checking
// that a formula refers only to fields of its table. Walks with an explicit stack, so deep expressions cannot overflow.

/** JSONLogic operations whose second argument runs once per list item: there `var` reads the item, not the record. */
const ITEM_SCOPED = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The field a constant key names: the part before the first dot ("customer.name" reads "customer"). Not a string, or
 * the empty key (JSONLogic's "the whole data"), names no single field.
 */
function fieldOfKey(key: unknown): string | undefined {
  if (typeof key !== 'string') return undefined;
  const dot = key.indexOf('.');
  const field = dot === -1 ? key : key.slice(0, dot);
  return field === '' ? undefined : field;
}

/** The constant keys `missing` / `missing_some` test for presence: they read those fields too. */
function missingKeys(operator: string, args: unknown): unknown[] {
  if (operator === 'missing') {
    if (!Array.isArray(args)) return [args];
    // JSONLogic accepts both {"missing": ["a", "b"]} and {"missing": [["a", "b"]]}.
    const [first] = args as unknown[];
    return Array.isArray(first) ? (first as unknown[]) : (args as unknown[]);
  }
  if (operator === 'missing_some' && Array.isArray(args)) {
    const keys = (args as unknown[])[1];
    return Array.isArray(keys) ? (keys as unknown[]) : [];
  }
  return [];
}

/**
 * The distinct fields `expression` (JSONLogic-compatible JSON) reads from the record, in the order they first appear.
 * Counts `{"var": "key"}`, `{"var": ["key", default]}` and the constant keys of `missing` / `missing_some`; a key
 * computed at run time (`{"var": {"cat": …}}`) cannot be known and is left out, though fields read while computing it
 * are counted. The per-item argument of map/filter/reduce/all/some/none is skipped entirely. As in JSONLogic, only
 * an object with exactly one key is an operation; other objects are literal data and read nothing.
 */
export function fieldReferences(expression: unknown): string[] {
  const found = new Set<string>();
  // Guards against shared or cyclic sub-objects built in memory (parsed JSON has neither).
  const visited = new Set<object>();
  const stack: unknown[] = [expression];
  const pushReversed = (items: readonly unknown[], skipIndex = -1): void => {
    for (let index = items.length - 1; index >= 0; index--) if (index !== skipIndex) stack.push(items[index]);
  };
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || visited.has(node)) continue;
    visited.add(node);
    if (Array.isArray(node)) {
      pushReversed(node as unknown[]);
      continue;
    }
    if (!isRecord(node)) continue;
    const keys = Object.keys(node);
    const [operator] = keys;
    if (operator === undefined || keys.length !== 1) continue;
    const args = node[operator];
    if (operator === 'var') {
      const field = fieldOfKey(Array.isArray(args) ? (args as unknown[])[0] : args);
      if (field !== undefined) found.add(field);
    }
    for (const key of missingKeys(operator, args)) {
      const field = fieldOfKey(key);
      if (field !== undefined) found.add(field);
    }
    if (Array.isArray(args)) pushReversed(args as unknown[], ITEM_SCOPED.has(operator) ? 1 : -1);
    else stack.push(args);
  }
  return [...found];
}
