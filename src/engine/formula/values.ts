// Runtime values of the formula language: Excel-style error values, the static value types and the evaluation context.

/** The Excel error values a formula can produce at run time; they flow through IFERROR instead of throwing. */
export type ErrorCode = '#DIV/0!' | '#VALUE!' | '#NUM!' | '#N/A' | '#REF!' | '#NAME?' | '#NULL!';

export class ErrorValue {
  constructor(readonly code: ErrorCode) {
    Object.freeze(this);
  }

  toString(): string {
    return this.code;
  }

  toJSON(): { error: ErrorCode } {
    return { error: this.code };
  }
}

export const DIV0 = new ErrorValue('#DIV/0!');
export const VALUE = new ErrorValue('#VALUE!');
export const NUM = new ErrorValue('#NUM!');
export const NA = new ErrorValue('#N/A');
export const REF = new ErrorValue('#REF!');
export const NAME = new ErrorValue('#NAME?');
export const NULL_ERROR = new ErrorValue('#NULL!');

export const ERROR_VALUES: readonly ErrorValue[] = [NULL_ERROR, DIV0, VALUE, REF, NAME, NUM, NA];

export function isError(value: unknown): value is ErrorValue {
  return value instanceof ErrorValue;
}

/**
 * Static types the checker infers. 'date' values are JS Dates whose UTC fields hold the wall-clock time in the
 * evaluation time zone ("floating" time), the same convention as stored date fields (epoch ms at 00:00 UTC of the day).
 * 'list' is an array (linked records, lookups, multi-select). 'any' is unknown until run time.
 */
export type ValueType = 'number' | 'text' | 'boolean' | 'date' | 'list' | 'any';

/**
 * How a record key is read: as its value type, or 'instant' for epoch-ms moments (date-time, created and modified
 * times), which are turned into the wall-clock time of the evaluation zone and then behave as 'date'.
 */
export type KeyType = ValueType | 'instant';

/** What a formula may know about the world: the clock (an instant, epoch ms) and the time zone it is read in. */
export interface FormulaEnv {
  readonly now: () => number;
  /** IANA zone name, e.g. 'Asia/Shanghai'; TODAY() and NOW() are the wall-clock time there. */
  readonly timeZone: string;
}

export type Evaluator = (data: unknown) => unknown;
