// Problems that stop a JSONLogic rule from compiling or running. Formula *values* never throw: they are ErrorValues.

export type LogicErrorCode =
  | 'unknownOperator'
  | 'argumentCount'
  | 'tooDeep'
  | 'tooLarge'
  | 'tooMuchWork'
  | 'noClock'
  | 'invalidArgument';

export class LogicError extends Error {
  override readonly name = 'LogicError';

  constructor(
    readonly code: LogicErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}
