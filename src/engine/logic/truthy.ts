// JSONLogic's notion of truth (json-logic-js `truthy`): like JavaScript, except that an empty array is false.

export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length !== 0;
  return !!value;
}
