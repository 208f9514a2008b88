// Checks a parsed formula (functions exist, argument counts, fields exist, types that can never convert) and
// translates it to JSONLogic-compatible JSON: {"IF": [{"GTE": [{"var": "<field id>"}, 10000]}, "High value", …]}.
import { parseDateText, parseNumberText } from './coerce';
import { suggest } from './fields';
import { fieldValueType } from './fields';
import type { FieldInfo } from './fields';
import { FormulaError } from './formula-error';
import { FUNCTIONS, findFunction, paramType, returnType } from './functions';
import type { FunctionSpec } from './functions';
import { parseLooseDateText } from './functions/calendar';
import type { BinaryOperator, Expr } from './parser';
import type { ValueType } from './values';

/** The function each operator compiles to. */
export const OPERATOR_FUNCTIONS: Readonly<Record<BinaryOperator, string>> = {
  '+': 'ADD',
  '-': 'MINUS',
  '*': 'MULTIPLY',
  '/': 'DIVIDE',
  '^': 'POW',
  '&': 'CONCAT',
  '=': 'EQ',
  '<>': 'NE',
  '<': 'LT',
  '<=': 'LTE',
  '>': 'GT',
  '>=': 'GTE',
};

export interface Translation {
  readonly json: unknown;
  readonly type: ValueType;
}

/** Whether a text constant can never become a value of `expected`, so the formula is wrong before it runs. */
function textNeverConverts(text: string, expected: ValueType): boolean {
  switch (expected) {
    case 'number':
      return parseNumberText(text) === null && parseDateText(text) === null && text !== '';
    case 'date':
      return parseLooseDateText(text) === null && parseNumberText(text) === null;
    case 'boolean':
      return !/^\s*(true|false)\s*$/i.test(text) && text !== '';
    default:
      return false;
  }
}

function mismatch(expected: ValueType, arg: Expr, type: ValueType): boolean {
  if (arg.kind === 'string' && textNeverConverts(arg.value, expected)) return true;
  if (expected === 'date' && type === 'boolean') return true;
  return false;
}

export class Translator {
  /** Keys read from the record (field ids, or names when no field list is given), in first-use order. */
  readonly dependencies = new Set<string>();
  private readonly byName = new Map<string, FieldInfo>();
  private readonly byLowerName = new Map<string, FieldInfo | null>();
  private readonly byId = new Map<string, FieldInfo>();

  constructor(private readonly fields: readonly FieldInfo[] | undefined) {
    for (const field of fields ?? []) {
      this.byId.set(field.id, field);
      if (!this.byName.has(field.name)) this.byName.set(field.name, field);
      const lower = field.name.toLowerCase();
      // Two fields differing only in case make a case-insensitive match ambiguous: null marks that.
      this.byLowerName.set(lower, this.byLowerName.has(lower) ? null : field);
    }
  }

  translate(expr: Expr): Translation {
    switch (expr.kind) {
      case 'number':
        return { json: expr.value, type: 'number' };
      case 'string':
        return { json: expr.value, type: 'text' };
      case 'boolean':
        return { json: expr.value, type: 'boolean' };
      case 'field':
        return this.field(expr);
      case 'call': {
        const spec = findFunction(expr.name);
        if (!spec) {
          const suggestion = suggest(expr.name, FUNCTIONS.keys());
          throw suggestion
            ? new FormulaError('unknownFunctionSuggest', expr.start, expr.nameEnd, {
                name: expr.name,
                suggestion,
              })
            : new FormulaError('unknownFunction', expr.start, expr.nameEnd, { name: expr.name });
        }
        return this.call(spec, spec.name, expr.args, expr.start, expr.nameEnd);
      }
      case 'unary':
        return this.call(
          this.spec(expr.op === '-' ? 'UMINUS' : 'UPLUS'),
          expr.op,
          [expr.operand],
          expr.start,
          expr.start + 1,
        );
      case 'percent':
        return this.call(this.spec('UNARY_PERCENT'), '%', [expr.operand], expr.end - 1, expr.end);
      case 'binary':
        return this.call(
          this.spec(OPERATOR_FUNCTIONS[expr.op]),
          expr.op,
          [expr.left, expr.right],
          expr.left.end,
          expr.right.start,
        );
    }
  }

  private spec(name: string): FunctionSpec {
    const spec = FUNCTIONS.get(name);
    if (!spec) throw new Error(`operator function ${name} is not registered`);
    return spec;
  }

  private field(expr: Extract<Expr, { kind: 'field' }>): Translation {
    if (!this.fields) {
      this.dependencies.add(expr.name);
      return { json: { var: expr.name }, type: 'any' };
    }
    const field =
      this.byName.get(expr.name) ?? this.byLowerName.get(expr.name.toLowerCase()) ?? this.byId.get(expr.name);
    if (!field) {
      const suggestion = suggest(
        expr.name,
        this.fields.map((candidate) => candidate.name),
      );
      throw suggestion
        ? new FormulaError('unknownFieldSuggest', expr.start, expr.end, { name: expr.name, suggestion })
        : new FormulaError('unknownField', expr.start, expr.end, { name: expr.name });
    }
    this.dependencies.add(field.id);
    return { json: { var: field.id }, type: fieldValueType(field) };
  }

  /** A function call or operator: arity, argument types, then {"NAME": [args…]}. */
  private call(
    spec: FunctionSpec,
    display: string,
    args: readonly Expr[],
    start: number,
    end: number,
  ): Translation {
    const given = args.length;
    const params = { name: display, given };
    if (given < spec.minArgs || given > spec.maxArgs) {
      if (spec.minArgs === spec.maxArgs)
        throw new FormulaError('argumentCountExact', start, end, { ...params, count: spec.minArgs });
      if (spec.maxArgs >= 254)
        throw new FormulaError('argumentCountMin', start, end, { ...params, min: spec.minArgs });
      throw new FormulaError('argumentCountRange', start, end, {
        ...params,
        min: spec.minArgs,
        max: spec.maxArgs,
      });
    }
    if (spec.argCount && !spec.argCount.test(given))
      throw new FormulaError('argumentCountPairs', start, end, params);
    const json: unknown[] = [];
    const types: ValueType[] = [];
    args.forEach((arg, index) => {
      const translated = this.translate(arg);
      const expected = paramType(spec, index);
      if (mismatch(expected, arg, translated.type))
        throw new FormulaError('typeMismatch', arg.start, arg.end, {
          name: display,
          position: index + 1,
          expected,
          actual: translated.type,
        });
      json.push(translated.json);
      types.push(translated.type);
    });
    return { json: { [spec.name]: json }, type: returnType(spec, types) };
  }
}
