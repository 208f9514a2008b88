// The dependency graph of computed fields: what an expression reads, the order to compute in, what a change affects.
export * from './dependency-graph';
export * from './recompute-record';
export * from './references';
