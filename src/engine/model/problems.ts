// Validation problems: what is wrong and where (a JSON path), with a code the UI turns into a localized message.
/** Every kind of problem validation reports; each has a message in every catalog (`problems.<code>`). */
export const PROBLEM_CODES = [
  'notJson',
  'notObject',
  'wrongFormat',
  'unsupportedVersion',
  'newerVersion',
  'migrationFailed',
  'invalidType',
  'invalidValue',
  'tooSmall',
  'tooBig',
  'invalidFormat',
  'unknownKey',
  'missing',
  'duplicateId',
  'unknownReference',
  'unknownField',
  'formulaCycle',
  'invalid',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  /** JSON path of the offending value, e.g. `$.workspace.apps[0].tables[1].fields[2].kind`. */
  readonly path: string;
  readonly code: ProblemCode;
  /** Details for the message: expected type, limit, the offending id… */
  readonly params: Readonly<Record<string, string | number>>;
  /** English description, for logs and tests; the UI localizes `code` + `params` instead. */
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path of keys and indexes as a JSON path: `$`, `$.a[0].b`, `$.values["field name"]`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

export function problem(
  segments: readonly PropertyKey[],
  code: ProblemCode,
  message: string,
  params: Record<string, string | number> = {},
): Problem {
  return { path: jsonPath(segments), code, params, message };
}
