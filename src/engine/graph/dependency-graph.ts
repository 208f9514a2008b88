// The dependency graph of computed fields (formulas now; lookups and rollups later): the order to compute them in,
// which of them a change affects, and whether a new formula would close a loop. Every walk is iterative (Kahn's
// algorithm, explicit stacks and queues), so a chain of 10,000 fields neither overflows the stack nor goes quadratic.
import { err, ok, type Result } from '../../shared/result';

/** A field, named by its table and its id within that table. */
export interface FieldKey {
  readonly tableId: string;
  readonly fieldId: string;
}

/**
 * A field a computed field reads: a field of the same record when `via` is absent, or a field of the records linked
 * through the link field `via` (lookups, rollups). Reading through a link also reads the link field itself.
 */
export interface FieldDependency extends FieldKey {
  readonly via?: FieldKey;
}

export interface ComputedField extends FieldKey {
  /** How messages name the field, e.g. "Customers › Score". */
  readonly name: string;
  readonly dependsOn: readonly FieldDependency[];
}

/** Computed fields that read each other in a loop: each reads the next, and the first is repeated at the end. */
export interface DependencyCycle {
  readonly fields: readonly ComputedField[];
}

/** Reading `field`'s dependency on other tables' records: storage finds the records whose link `via` points at them. */
export interface CrossTableStep {
  readonly field: ComputedField;
  /** The link field (of `field`'s table) through which `field` reads the changed table. */
  readonly via: FieldKey;
}

/** One same-table computed field of a record, and the fields of that same record it reads. */
export interface RecordPlanStep {
  readonly fieldId: string;
  /** Field ids of the same record: plain dependencies and the link fields that lookups read through. */
  readonly reads: readonly string[];
}

export interface DependencyGraph {
  /** Every computed field, dependencies first; among fields free to go in any order, input order is kept. */
  readonly order: readonly ComputedField[];
  /**
   * The computed fields that transitively depend on the changed fields (in any table, through links too), in
   * topological order. A changed computed field is included only when it depends on another changed field.
   */
  readonly affectedBy: (changed: readonly FieldKey[]) => ComputedField[];
  /**
   * The computed fields that read the changed fields of `changedTableId` through a link, each with that link, in
   * topological order. The changed fields include the same-table computed fields that depend on them (they change on
   * the same records). One hop only: once storage has recomputed the linking records, it asks again for their table.
   */
  readonly crossTable: (changedTableId: string, changedFieldIds: readonly string[]) => CrossTableStep[];
  /** The computed fields of one table in topological order, with the same-record fields each reads. */
  readonly recordPlan: (tableId: string) => RecordPlanStep[];
}

/** "Score → Tier → Score": the cycle by field names, for messages. */
export function describeCycle(cycle: DependencyCycle, separator = ' → '): string {
  return cycle.fields.map((field) => field.name).join(separator);
}

/** One string per field; the length prefix keeps ("a", "bc") and ("ab", "c") apart whatever the ids contain. */
function keyOf(field: FieldKey): string {
  return `${field.tableId.length}:${field.tableId}${field.fieldId}`;
}

/** A computed field (by index) reading some field, directly on its own record or through the link `via`. */
interface Reader {
  readonly index: number;
  readonly via: FieldKey | undefined;
}

interface Index {
  /** The computed fields, first occurrence of each key, in input order. */
  readonly fields: readonly ComputedField[];
  readonly position: ReadonlyMap<string, number>;
  /** Who reads each field (computed or not), by field key. */
  readonly readers: ReadonlyMap<string, readonly Reader[]>;
  /** For each computed field, the computed fields it reads (repeated once per dependency edge). */
  readonly predecessors: readonly (readonly number[])[];
  /** For each computed field, the computed fields that read it (one entry per edge, mirroring `predecessors`). */
  readonly successors: readonly (readonly number[])[];
}

function buildIndex(computed: readonly ComputedField[]): Index {
  const fields: ComputedField[] = [];
  const position = new Map<string, number>();
  for (const field of computed) {
    const key = keyOf(field);
    if (position.has(key)) continue; // Keys are unique in a valid model; the first definition wins.
    position.set(key, fields.length);
    fields.push(field);
  }
  const readers = new Map<string, Reader[]>();
  const predecessors = fields.map((): number[] => []);
  const successors = fields.map((): number[] => []);
  const addEdge = (from: FieldKey, reader: Reader): void => {
    const key = keyOf(from);
    const list = readers.get(key);
    if (list === undefined) readers.set(key, [reader]);
    else list.push(reader);
    const source = position.get(key);
    if (source !== undefined) {
      predecessors[reader.index]?.push(source);
      successors[source]?.push(reader.index);
    }
  };
  fields.forEach((field, index) => {
    for (const dependency of field.dependsOn) {
      addEdge(dependency, { index, via: dependency.via });
      if (dependency.via !== undefined) addEdge(dependency.via, { index, via: undefined });
    }
  });
  return { fields, position, readers, predecessors, successors };
}

/** A binary min-heap of indexes: Kahn's algorithm takes the earliest ready field, so the order is stable. */
function heapPush(heap: number[], value: number): void {
  let child = heap.push(value) - 1;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    const above = heap[parent] ?? 0;
    if (above <= value) break;
    heap[child] = above;
    child = parent;
  }
  heap[child] = value;
}

function heapPop(heap: number[]): number | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let parent = 0;
  for (;;) {
    const left = parent * 2 + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const smaller = right < heap.length && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left;
    const value = heap[smaller] ?? 0;
    if (value >= last) break;
    heap[parent] = value;
    parent = smaller;
  }
  heap[parent] = last;
  return top;
}

/**
 * The shortest loop from `start` back to itself along "reads" edges (breadth first), as indexes with `start` at both
 * ends; undefined when there is none. `allowed` restricts the walk (to the fields Kahn's algorithm could not order).
 */
function shortestCycleThrough(
  start: number,
  predecessors: Index['predecessors'],
  allowed: (index: number) => boolean = () => true,
): number[] | undefined {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] ?? start;
    for (const next of predecessors[current] ?? []) {
      if (next === start) {
        const back: number[] = [];
        for (let at = current; at !== start; at = parent.get(at) ?? start) back.push(at);
        return [start, ...back.reverse(), start];
      }
      if (!parent.has(next) && allowed(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return undefined;
}

function cycleOf(index: Index, path: readonly number[]): DependencyCycle {
  return { fields: path.map((at) => index.fields[at]).filter((field) => field !== undefined) };
}

/** A cycle among the fields Kahn's algorithm left unordered (each has an unordered field it reads). */
function findCycle(index: Index, unordered: (at: number) => boolean): DependencyCycle {
  const total = index.fields.length;
  let start = 0;
  while (start < total && !unordered(start)) start++;
  // Walking "reads" edges inside the unordered set must revisit a field; that field lies on a loop.
  const seen = new Set<number>();
  const next = (from: number): number => (index.predecessors[from] ?? []).find(unordered) ?? from;
  let at = start;
  while (!seen.has(at)) {
    seen.add(at);
    at = next(at);
  }
  // Report the loop from its earliest field (input order), by the shortest way round.
  let earliest = at;
  for (let step = next(at); step !== at; step = next(step)) earliest = Math.min(earliest, step);
  return cycleOf(
    index,
    shortestCycleThrough(earliest, index.predecessors, unordered) ?? [earliest, earliest],
  );
}

/** Orders the computed fields, or names a loop among them. */
export function buildDependencyGraph(
  computed: readonly ComputedField[],
): Result<DependencyGraph, DependencyCycle> {
  const index = buildIndex(computed);
  const { fields, readers, predecessors, successors } = index;
  const waiting = predecessors.map((list) => list.length);
  const ready: number[] = [];
  waiting.forEach((count, at) => {
    if (count === 0) heapPush(ready, at);
  });
  const orderIndexes: number[] = [];
  for (let at = heapPop(ready); at !== undefined; at = heapPop(ready)) {
    orderIndexes.push(at);
    for (const next of successors[at] ?? []) {
      const left = (waiting[next] ?? 0) - 1;
      waiting[next] = left;
      if (left === 0) heapPush(ready, next);
    }
  }
  if (orderIndexes.length < fields.length) return err(findCycle(index, (at) => (waiting[at] ?? 0) > 0));

  const rank = new Array<number>(fields.length).fill(0);
  orderIndexes.forEach((at, place) => (rank[at] = place));
  const order = orderIndexes.map((at) => fields[at]).filter((field) => field !== undefined);
  const inOrder = (marked: Uint8Array): ComputedField[] =>
    order.filter((_field, place) => marked[place] === 1);

  const affectedBy = (changed: readonly FieldKey[]): ComputedField[] => {
    const marked = new Uint8Array(fields.length); // by rank
    const stack: number[] = [];
    const mark = (at: number): void => {
      const place = rank[at] ?? 0;
      if (marked[place] === 1) return;
      marked[place] = 1;
      stack.push(at);
    };
    for (const key of changed) for (const reader of readers.get(keyOf(key)) ?? []) mark(reader.index);
    for (let at = stack.pop(); at !== undefined; at = stack.pop())
      for (const next of successors[at] ?? []) mark(next);
    return inOrder(marked);
  };

  const crossTable = (changedTableId: string, changedFieldIds: readonly string[]): CrossTableStep[] => {
    // Everything that changes on the changed records: the changed fields and the same-record fields reading them.
    const keys = changedFieldIds.map((fieldId) => keyOf({ tableId: changedTableId, fieldId }));
    const sameRecord = new Set<number>();
    for (let head = 0; head < keys.length; head++) {
      for (const reader of readers.get(keys[head] ?? '') ?? []) {
        const field = fields[reader.index];
        if (reader.via !== undefined || field?.tableId !== changedTableId || sameRecord.has(reader.index))
          continue;
        sameRecord.add(reader.index);
        keys.push(keyOf(field));
      }
    }
    const steps: { readonly at: number; readonly via: FieldKey }[] = [];
    const taken = new Set<string>();
    for (const key of keys) {
      for (const { index: at, via } of readers.get(key) ?? []) {
        if (via === undefined) continue;
        const id = `${at}:${keyOf(via)}`;
        if (taken.has(id)) continue;
        taken.add(id);
        steps.push({ at, via });
      }
    }
    // Array.prototype.sort is stable, so steps of one field keep their discovery order.
    steps.sort((a, b) => (rank[a.at] ?? 0) - (rank[b.at] ?? 0));
    return steps.flatMap(({ at, via }) => {
      const field = fields[at];
      return field === undefined ? [] : [{ field, via }];
    });
  };

  const recordPlan = (tableId: string): RecordPlanStep[] =>
    order
      .filter((field) => field.tableId === tableId)
      .map((field) => {
        const reads = new Set<string>();
        for (const dependency of field.dependsOn) {
          if (dependency.via === undefined) {
            if (dependency.tableId === tableId) reads.add(dependency.fieldId);
          } else if (dependency.via.tableId === tableId) {
            reads.add(dependency.via.fieldId);
          }
        }
        return { fieldId: field.fieldId, reads: [...reads] };
      });

  return ok({ order, affectedBy, crossTable, recordPlan });
}

/**
 * Whether saving `candidate` (new, or replacing the field with its key) would make computed fields read each other in
 * a loop, including a field that reads itself: the shortest such loop, starting and ending at the candidate, or null.
 * Loops that do not pass through the candidate are not its doing and are not reported.
 */
export function checkComputedField(
  existing: readonly ComputedField[],
  candidate: ComputedField,
): DependencyCycle | null {
  const key = keyOf(candidate);
  const fields = existing.map((field) => (keyOf(field) === key ? candidate : field));
  if (!existing.some((field) => keyOf(field) === key)) fields.push(candidate);
  const index = buildIndex(fields);
  const start = index.position.get(key);
  if (start === undefined) return null;
  const path = shortestCycleThrough(start, index.predecessors);
  return path === undefined ? null : cycleOf(index, path);
}
