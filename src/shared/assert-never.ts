// Exhaustiveness check for tagged unions: the compiler lists every case a new variant must handle.
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
