// Parses formula text into a syntax tree with source ranges, using Excel's operator precedence:
// comparisons < & < + - < * / < ^ < % < unary minus (so -2^2 is 4, as in Excel). Nesting depth is bounded.
import { FormulaError } from './formula-error';
import { tokenize } from './lexer';
import type { Token } from './lexer';

export type BinaryOperator = '=' | '<>' | '<' | '<=' | '>' | '>=' | '&' | '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly start: number; readonly end: number }
  | { readonly kind: 'field'; readonly name: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly start: number;
      /** End of the function name, for errors about the function itself. */
      readonly nameEnd: number;
      readonly end: number;
    }
  | {
      readonly kind: 'unary';
      readonly op: '-' | '+';
      readonly operand: Expr;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'percent'; readonly operand: Expr; readonly start: number; readonly end: number }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: Expr;
      readonly right: Expr;
      readonly start: number;
      readonly end: number;
    };

/** Binding power of each binary operator (higher binds tighter); all are left-associative, as in Excel. */
export const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '<=': 1,
  '>': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};
export const PERCENT_PRECEDENCE = 6;
export const UNARY_PRECEDENCE = 7;

export const MAX_SOURCE_LENGTH = 20_000;
export const MAX_NESTING = 100;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  parse(): Expr {
    const expr = this.expression(0);
    if (this.peek().kind !== 'end') throw unexpected(this.peek());
    return expr;
  }

  private expression(minPrecedence: number): Expr {
    if (++this.depth > MAX_NESTING)
      throw new FormulaError('tooComplex', this.peek().start, this.peek().end, { limit: MAX_NESTING });
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator') break;
      if (token.text === '%') {
        if (PERCENT_PRECEDENCE < minPrecedence) break;
        this.advance();
        left = { kind: 'percent', operand: left, start: left.start, end: token.end };
        continue;
      }
      const op = token.text as BinaryOperator;
      const precedence = PRECEDENCE[op];
      if (precedence < minPrecedence) break;
      this.advance();
      const right = this.expression(precedence + 1);
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
    this.depth--;
    return left;
  }

  private prefix(): Expr {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: Number(token.text), start: token.start, end: token.end };
      case 'string':
        return { kind: 'string', value: token.text, start: token.start, end: token.end };
      case 'field':
        return { kind: 'field', name: token.text, start: token.start, end: token.end };
      case '(': {
        const inner = this.expression(0);
        this.expect(')');
        return inner;
      }
      case 'name':
        return this.name(token);
      case 'operator':
        if (token.text === '-' || token.text === '+') {
          const next = this.peek();
          // A minus written right before a number is part of the number: -5 is the constant −5.
          if (token.text === '-' && next.kind === 'number') {
            this.advance();
            return { kind: 'number', value: -Number(next.text), start: token.start, end: next.end };
          }
          const operand = this.expression(UNARY_PRECEDENCE);
          return { kind: 'unary', op: token.text, operand, start: token.start, end: operand.end };
        }
        throw unexpected(token);
      default:
        throw unexpected(token);
    }
  }

  private name(token: Token): Expr {
    const upper = token.text.toUpperCase();
    if (this.peek().kind !== '(') {
      if (upper === 'TRUE' || upper === 'FALSE')
        return { kind: 'boolean', value: upper === 'TRUE', start: token.start, end: token.end };
      throw new FormulaError('unknownName', token.start, token.end, {
        name: token.text,
        example: `{${token.text}}`,
      });
    }
    this.advance();
    const args: Expr[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.expression(0));
        if (this.peek().kind !== ',') break;
        this.advance();
      }
    }
    const close = this.expect(')');
    return { kind: 'call', name: token.text, args, start: token.start, nameEnd: token.end, end: close.end };
  }

  private expect(kind: ')'): Token {
    const token = this.peek();
    if (token.kind !== kind) {
      if (token.kind === 'end') throw new FormulaError('unexpectedEnd', token.start, token.end);
      throw new FormulaError('expectedToken', token.start, token.end, { expected: kind, found: token.text });
    }
    return this.advance();
  }
}

function unexpected(token: Token): FormulaError {
  if (token.kind === 'end') return new FormulaError('unexpectedEnd', token.start, token.end);
  return new FormulaError('unexpectedToken', token.start, token.end, { found: token.text });
}

/** Parses formula text (an optional leading "=" is allowed, as typed in Excel). Throws FormulaError. */
export function parseFormula(source: string): Expr {
  if (source.length > MAX_SOURCE_LENGTH)
    throw new FormulaError('tooLong', 0, source.length, { limit: MAX_SOURCE_LENGTH });
  const text = source.replace(/^\s*=(?![=<>])/, (match) => ' '.repeat(match.length));
  if (text.trim() === '') throw new FormulaError('empty', 0, source.length);
  return new Parser(tokenize(text)).parse();
}
