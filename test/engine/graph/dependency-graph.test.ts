// The dependency graph of computed fields: dependencies come first, a change reaches exactly what reads it, and a
// loop is refused with the fields that form it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDependencyGraph,
  checkComputedField,
  describeCycle,
  type ComputedField,
  type DependencyGraph,
  type FieldDependency,
} from '../../../src/engine/graph';

const CUSTOMERS = 'tbl-customers';
const ORDERS = 'tbl-orders';

/** A computed field of the Customers table reading the given Customers fields. */
function formula(fieldId: string, ...reads: string[]): ComputedField {
  return {
    tableId: CUSTOMERS,
    fieldId,
    name: fieldId,
    dependsOn: reads.map((id) => ({ tableId: CUSTOMERS, fieldId: id })),
  };
}

function computed(tableId: string, fieldId: string, ...dependsOn: FieldDependency[]): ComputedField {
  return { tableId, fieldId, name: fieldId, dependsOn };
}

function graphOf(fields: readonly ComputedField[]): DependencyGraph {
  const result = buildDependencyGraph(fields);
  if (!result.ok) throw new Error(`Unexpected cycle ${describeCycle(result.error)}`);
  return result.value;
}

const ids = (fields: readonly ComputedField[]): string[] => fields.map((field) => field.fieldId);

/** A chain f0 ← f1 ← … ← f(n-1): each field reads the one before it, and f0 reads the input field "start". */
function chain(length: number): ComputedField[] {
  return Array.from({ length }, (_, at) => formula(`f${at}`, at === 0 ? 'start' : `f${at - 1}`));
}

describe('buildDependencyGraph', () => {
  it('orders every computed field after the computed fields it reads', () => {
    const graph = graphOf([
      formula('tier', 'score'),
      formula('score', 'spend', 'visits'),
      formula('label', 'tier'),
    ]);

    expect(ids(graph.order)).toEqual(['score', 'tier', 'label']);
  });

  it('keeps the input order among fields that do not depend on each other', () => {
    const graph = graphOf([formula('c'), formula('a', 'x'), formula('d', 'c'), formula('b')]);

    expect(ids(graph.order)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('returns an input that is already in dependency order unchanged', () => {
    const fields = [formula('a'), formula('b', 'a'), formula('c'), formula('d', 'b', 'c')];

    expect(graphOf(fields).order).toEqual(fields);
  });

  it('orders a diamond: the top first, both sides, then the bottom once', () => {
    const graph = graphOf([
      formula('bottom', 'left', 'right'),
      formula('right', 'top'),
      formula('left', 'top'),
      formula('top', 'spend'),
    ]);

    expect(ids(graph.order)).toEqual(['top', 'right', 'left', 'bottom']);
  });

  it('orders a chain of 10,000 fields given in reverse', () => {
    const fields = chain(10_000);

    const graph = graphOf([...fields].reverse());

    expect(graph.order).toEqual(fields);
  });

  it('names the fields of a loop in order, each reading the next, the first repeated at the end', () => {
    const result = buildDependencyGraph([
      formula('spend'),
      formula('score', 'spend', 'tier'),
      formula('tier', 'label'),
      formula('label', 'score'),
    ]);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(ids(result.error.fields)).toEqual(['score', 'tier', 'label', 'score']);
    expect(describeCycle(result.error)).toBe('score → tier → label → score');
  });

  it('reports a field that reads itself as a loop of one', () => {
    const result = buildDependencyGraph([formula('a'), formula('score', 'score')]);

    expect(result).toEqual({
      ok: false,
      error: { fields: [formula('score', 'score'), formula('score', 'score')] },
    });
  });

  it('reports the loop itself, not the fields that merely read from it', () => {
    const result = buildDependencyGraph([formula('reader', 'b'), formula('a', 'b'), formula('b', 'a')]);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(ids(result.error.fields)).toEqual(['a', 'b', 'a']);
  });

  it('finds a loop that closes 10,000 fields down a chain', () => {
    const fields = chain(10_000);
    fields[0] = formula('f0', 'f9999');

    const result = buildDependencyGraph(fields);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toHaveLength(10_001);
    expect(result.error.fields[0]?.fieldId).toBe('f0');
    expect(result.error.fields[1]?.fieldId).toBe('f9999');
    expect(result.error.fields.at(-1)?.fieldId).toBe('f0');
  });

  it('sees a loop through a lookup: a rollup on Customers read back by a lookup on Orders', () => {
    const via = { tableId: CUSTOMERS, fieldId: 'orders' };
    const back = { tableId: ORDERS, fieldId: 'customer' };
    const result = buildDependencyGraph([
      computed(CUSTOMERS, 'total', { tableId: ORDERS, fieldId: 'discounted', via }),
      computed(ORDERS, 'discounted', { tableId: CUSTOMERS, fieldId: 'total', via: back }),
    ]);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(ids(result.error.fields)).toEqual(['total', 'discounted', 'total']);
  });
});

describe('DependencyGraph.affectedBy', () => {
  const diamond = graphOf([
    formula('top', 'spend'),
    formula('left', 'top'),
    formula('right', 'top', 'visits'),
    formula('bottom', 'left', 'right'),
    formula('other', 'name'),
  ]);

  it('returns the fields that read a changed field, transitively, in dependency order', () => {
    expect(ids(diamond.affectedBy([{ tableId: CUSTOMERS, fieldId: 'spend' }]))).toEqual([
      'top',
      'left',
      'right',
      'bottom',
    ]);
    expect(ids(diamond.affectedBy([{ tableId: CUSTOMERS, fieldId: 'visits' }]))).toEqual(['right', 'bottom']);
  });

  it('returns nothing for a field no formula reads, or the same field id in another table', () => {
    expect(diamond.affectedBy([{ tableId: CUSTOMERS, fieldId: 'notes' }])).toEqual([]);
    expect(diamond.affectedBy([{ tableId: ORDERS, fieldId: 'spend' }])).toEqual([]);
  });

  it('does not recompute a changed computed field unless it reads another changed field', () => {
    expect(ids(diamond.affectedBy([{ tableId: CUSTOMERS, fieldId: 'left' }]))).toEqual(['bottom']);
    expect(
      ids(
        diamond.affectedBy([
          { tableId: CUSTOMERS, fieldId: 'left' },
          { tableId: CUSTOMERS, fieldId: 'spend' },
        ]),
      ),
    ).toEqual(['top', 'left', 'right', 'bottom']);
  });

  it('reaches the end of a 10,000-field chain from its first input', () => {
    const graph = graphOf(chain(10_000));

    const affected = graph.affectedBy([{ tableId: CUSTOMERS, fieldId: 'start' }]);

    expect(affected).toHaveLength(10_000);
    expect(affected.at(-1)?.fieldId).toBe('f9999');
    expect(ids(graph.affectedBy([{ tableId: CUSTOMERS, fieldId: 'f9997' }]))).toEqual(['f9998', 'f9999']);
  });

  it('follows links: a change to an order or to the link itself affects the rollup on customers', () => {
    const via = { tableId: CUSTOMERS, fieldId: 'orders' };
    const graph = graphOf([
      computed(ORDERS, 'net', { tableId: ORDERS, fieldId: 'amount' }),
      computed(CUSTOMERS, 'lifetimeValue', { tableId: ORDERS, fieldId: 'net', via }),
      computed(CUSTOMERS, 'tier', { tableId: CUSTOMERS, fieldId: 'lifetimeValue' }),
    ]);

    expect(ids(graph.affectedBy([{ tableId: ORDERS, fieldId: 'amount' }]))).toEqual([
      'net',
      'lifetimeValue',
      'tier',
    ]);
    expect(ids(graph.affectedBy([via]))).toEqual(['lifetimeValue', 'tier']);
  });
});

describe('DependencyGraph.crossTable', () => {
  const ordersOfCustomer = { tableId: CUSTOMERS, fieldId: 'orders' };
  const customerOfOrder = { tableId: ORDERS, fieldId: 'customer' };
  const graph = graphOf([
    computed(ORDERS, 'net', { tableId: ORDERS, fieldId: 'amount' }, { tableId: ORDERS, fieldId: 'discount' }),
    computed(CUSTOMERS, 'tier', { tableId: CUSTOMERS, fieldId: 'lifetimeValue' }),
    computed(CUSTOMERS, 'lifetimeValue', { tableId: ORDERS, fieldId: 'net', via: ordersOfCustomer }),
    computed(CUSTOMERS, 'lastOrder', { tableId: ORDERS, fieldId: 'date', via: ordersOfCustomer }),
    computed(ORDERS, 'customerTier', { tableId: CUSTOMERS, fieldId: 'tier', via: customerOfOrder }),
  ]);
  const steps = (tableId: string, fieldIds: string[]) =>
    graph.crossTable(tableId, fieldIds).map((step) => `${step.field.fieldId} via ${step.via.fieldId}`);

  it('names the other tables’ fields that read a changed field through a link, with that link', () => {
    expect(steps(ORDERS, ['date'])).toEqual(['lastOrder via orders']);
    expect(steps(CUSTOMERS, ['tier'])).toEqual(['customerTier via customer']);
  });

  it('includes readers of the same-record computed fields a change recomputes', () => {
    expect(steps(ORDERS, ['discount'])).toEqual(['lifetimeValue via orders']);
    expect(steps(CUSTOMERS, ['lifetimeValue'])).toEqual(['customerTier via customer']);
  });

  it('lists each field and link once, in dependency order', () => {
    expect(steps(ORDERS, ['date', 'amount', 'net', 'discount'])).toEqual([
      'lifetimeValue via orders',
      'lastOrder via orders',
    ]);
  });

  it('returns nothing when no other record reads the changed fields', () => {
    expect(steps(ORDERS, ['notes'])).toEqual([]);
    expect(steps(CUSTOMERS, ['date'])).toEqual([]);
  });
});

describe('DependencyGraph.recordPlan', () => {
  it('lists one table’s computed fields in dependency order with the fields of the same record they read', () => {
    const via = { tableId: CUSTOMERS, fieldId: 'orders' };
    const graph = graphOf([
      formula('tier', 'lifetimeValue', 'spend', 'spend'),
      computed(ORDERS, 'net', { tableId: ORDERS, fieldId: 'amount' }),
      computed(CUSTOMERS, 'lifetimeValue', { tableId: ORDERS, fieldId: 'net', via }),
    ]);

    expect(graph.recordPlan(CUSTOMERS)).toEqual([
      { fieldId: 'lifetimeValue', reads: ['orders'] },
      { fieldId: 'tier', reads: ['lifetimeValue', 'spend'] },
    ]);
    expect(graph.recordPlan(ORDERS)).toEqual([{ fieldId: 'net', reads: ['amount'] }]);
    expect(graph.recordPlan('tbl-none')).toEqual([]);
  });
});

describe('checkComputedField', () => {
  const existing = [formula('score', 'spend'), formula('tier', 'score'), formula('label', 'tier')];

  it('accepts a new formula that reads existing ones', () => {
    expect(checkComputedField(existing, formula('badge', 'label', 'score'))).toBeNull();
  });

  it('refuses a formula that reads itself', () => {
    const cycle = checkComputedField(existing, formula('badge', 'spend', 'badge'));

    expect(cycle && describeCycle(cycle)).toBe('badge → badge');
  });

  it('refuses replacing a formula so that it reads, through others, its own result', () => {
    const cycle = checkComputedField(existing, formula('score', 'spend', 'label'));

    expect(cycle && describeCycle(cycle)).toBe('score → label → tier → score');
  });

  it('names the shortest loop through the candidate', () => {
    const cycle = checkComputedField(existing, formula('score', 'label', 'tier'));

    expect(cycle && describeCycle(cycle)).toBe('score → tier → score');
  });

  it('accepts replacing a formula with one that no longer closes a loop', () => {
    const looped = [...existing, formula('spend', 'label')];

    expect(checkComputedField(looped, formula('spend'))).toBeNull();
  });

  it('checks a formula at the end of a 10,000-field chain', () => {
    const fields = chain(10_000);

    expect(checkComputedField(fields, formula('f10000', 'f9999'))).toBeNull();
    expect(checkComputedField(fields, formula('f0', 'f9999'))?.fields).toHaveLength(10_001);
  });
});

describe('buildDependencyGraph on random graphs', () => {
  /** Up to 12 fields f0…; each reads a few others (and the input "x"), chosen by the generated indexes. */
  const graphs = fc
    .array(fc.array(fc.nat(11), { maxLength: 4 }), { minLength: 1, maxLength: 12 })
    .map((reads) =>
      reads.map((targets, at) =>
        formula(`f${at}`, 'x', ...targets.filter((t) => t < reads.length).map((t) => `f${t}`)),
      ),
    );

  it('either orders every field once after everything it reads, or names a real loop', () => {
    fc.assert(
      fc.property(graphs, (fields) => {
        const result = buildDependencyGraph(fields);
        const reads = (field: ComputedField | undefined) => new Set(field?.dependsOn.map((d) => d.fieldId));
        if (result.ok) {
          const order = ids(result.value.order);
          expect([...order].sort()).toEqual(ids(fields).sort());
          fields.forEach((field) => {
            for (const read of reads(field)) {
              if (read !== 'x') expect(order.indexOf(read)).toBeLessThan(order.indexOf(field.fieldId));
            }
          });
        } else {
          const cycle = result.error.fields;
          expect(cycle[0]).toBe(cycle.at(-1));
          cycle.slice(0, -1).forEach((field, at) => {
            expect(reads(field).has(cycle[at + 1]?.fieldId ?? '')).toBe(true);
          });
        }
      }),
    );
  });

  it('keeps fields already in dependency order exactly as given', () => {
    fc.assert(
      fc.property(graphs, (fields) => {
        // Keep only reads of earlier fields: the input order is then a valid order.
        const acyclic = fields.map((field, at) =>
          formula(
            field.fieldId,
            ...field.dependsOn.map((d) => d.fieldId).filter((id) => id === 'x' || Number(id.slice(1)) < at),
          ),
        );
        expect(graphOf(acyclic).order).toEqual(acyclic);
      }),
    );
  });

  it('agrees with checkComputedField: a graph without loops accepts every field as it is', () => {
    fc.assert(
      fc.property(graphs, (fields) => {
        const result = buildDependencyGraph(fields);
        const closing = fields
          .map((field) => checkComputedField(fields, field))
          .filter((cycle) => cycle !== null);
        expect(closing.length === 0).toBe(result.ok);
      }),
    );
  });
});
