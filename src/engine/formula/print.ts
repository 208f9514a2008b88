// Prints formula JSON back as readable formula text, with field ids shown as {Field name}: the inverse of
// parse + translate, so text → JSON → text → JSON is stable. Operators get only the parentheses they need.
import type { FieldInfo } from './fields';
import { FormulaError } from './formula-error';
import { FUNCTIONS } from './functions';
import { escapeFieldName } from './lexer';
import { PERCENT_PRECEDENCE, PRECEDENCE, UNARY_PRECEDENCE } from './parser';
import type { BinaryOperator } from './parser';
import { OPERATOR_FUNCTIONS } from './translate';

const INFIX = new Map<string, BinaryOperator>(
  Object.entries(OPERATOR_FUNCTIONS).map(([symbol, name]) => [name, symbol as BinaryOperator]),
);

/** A literal or an operand with no operator of its own binds tightest. */
const ATOM = 10;

interface Printed {
  readonly text: string;
  readonly precedence: number;
}

function cannotPrint(): FormulaError {
  return new FormulaError('cannotPrint', 0, 0);
}

class Printer {
  private readonly names = new Map<string, string>();

  constructor(fields: readonly FieldInfo[] | undefined) {
    for (const field of fields ?? []) this.names.set(field.id, field.name);
  }

  print(json: unknown, depth: number): Printed {
    if (depth > 200) throw cannotPrint();
    switch (typeof json) {
      case 'number':
        if (!Number.isFinite(json)) throw cannotPrint();
        // Negative constants print as "-5", which parses back to the constant −5 (binding like unary minus).
        if (Object.is(json, -0)) return { text: '-0', precedence: UNARY_PRECEDENCE };
        return { text: String(json), precedence: json < 0 ? UNARY_PRECEDENCE : ATOM };
      case 'string':
        return { text: `"${json.replace(/"/g, '""')}"`, precedence: ATOM };
      case 'boolean':
        return { text: json ? 'TRUE' : 'FALSE', precedence: ATOM };
      case 'object':
        break;
      default:
        throw cannotPrint();
    }
    if (json === null || Array.isArray(json)) throw cannotPrint();
    const keys = Object.keys(json);
    const op = keys[0];
    if (keys.length !== 1 || op === undefined) throw cannotPrint();
    const raw = (json as Record<string, unknown>)[op];
    const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    if (op === 'var') return this.field(args);
    return this.call(op, args, depth);
  }

  private field(args: readonly unknown[]): Printed {
    const key = args[0];
    if (args.length !== 1 || typeof key !== 'string' || key === '') throw cannotPrint();
    return { text: `{${escapeFieldName(this.names.get(key) ?? key)}}`, precedence: ATOM };
  }

  private call(op: string, args: readonly unknown[], depth: number): Printed {
    const spec = FUNCTIONS.get(op);
    if (!spec) throw cannotPrint();
    const printed = args.map((arg) => this.print(arg, depth + 1));
    const infix = INFIX.get(op);
    const [left, right] = printed;
    if (infix && left && right && printed.length === 2) {
      const precedence = PRECEDENCE[infix];
      // Left-associative: the right operand needs parentheses at equal precedence, the left one does not.
      const l = left.precedence < precedence ? `(${left.text})` : left.text;
      const r = right.precedence <= precedence ? `(${right.text})` : right.text;
      return { text: `${l} ${infix} ${r}`, precedence };
    }
    if ((op === 'UMINUS' || op === 'UPLUS') && left && printed.length === 1) {
      const sign = op === 'UMINUS' ? '-' : '+';
      // "-(5)" keeps UMINUS(5) apart from the constant −5, and "-(-5)" avoids "--5".
      const operand = args[0];
      const wrap =
        left.precedence < UNARY_PRECEDENCE || typeof operand === 'number' || left.text.startsWith('-');
      return { text: `${sign}${wrap ? `(${left.text})` : left.text}`, precedence: UNARY_PRECEDENCE };
    }
    if (op === 'UNARY_PERCENT' && left && printed.length === 1) {
      const operand = left.precedence < PERCENT_PRECEDENCE ? `(${left.text})` : left.text;
      return { text: `${operand}%`, precedence: PERCENT_PRECEDENCE };
    }
    return { text: `${spec.name}(${printed.map((arg) => arg.text).join(', ')})`, precedence: ATOM };
  }
}

/** Formula text for formula JSON; `fields` turns field ids back into names. Throws FormulaError 'cannotPrint'. */
export function formulaToText(json: unknown, fields?: readonly FieldInfo[]): string {
  return new Printer(fields).print(json, 0).text;
}
