// Splits formula text into tokens with their source offsets. Accepts the full-width （），“” a Chinese input method
// types, so `IF（{分数}>=80，“高”，“低”）` works as typed.
import { FormulaError } from './formula-error';

export type TokenKind = 'number' | 'string' | 'field' | 'name' | 'operator' | '(' | ')' | ',' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Operator symbol, name as typed, string contents, field name or number text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%'];
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[\p{L}_][\p{L}\p{N}_.]*/u;
const WHITESPACE = /\s/;
const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '”': '”' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] ?? '';
    if (WHITESPACE.test(char)) {
      at++;
      continue;
    }
    const start = at;
    if (char === '(' || char === '（') {
      tokens.push({ kind: '(', text: '(', start, end: ++at });
    } else if (char === ')' || char === '）') {
      tokens.push({ kind: ')', text: ')', start, end: ++at });
    } else if (char === ',' || char === '，') {
      tokens.push({ kind: ',', text: ',', start, end: ++at });
    } else if (char in CLOSING_QUOTE) {
      at = readString(source, at, tokens);
    } else if (char === '{') {
      at = readField(source, at, tokens);
    } else if (/[\d.]/.test(char) && NUMBER.test(source.slice(at, at + 400))) {
      const text = NUMBER.exec(source.slice(at, at + 400))?.[0] ?? '';
      at += text.length;
      tokens.push({ kind: 'number', text, start, end: at });
    } else {
      const operator = OPERATORS.find((symbol) => source.startsWith(symbol, at));
      if (operator) {
        at += operator.length;
        tokens.push({ kind: 'operator', text: operator, start, end: at });
      } else {
        const name = NAME.exec(source.slice(at, at + 400))?.[0];
        if (!name) {
          const found = String.fromCodePoint(source.codePointAt(at) ?? 0);
          throw new FormulaError('badCharacter', at, at + found.length, { found });
        }
        at += name.length;
        tokens.push({ kind: 'name', text: name, start, end: at });
      }
    }
  }
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}

/** "text" with "" for a quote inside (Excel); 'text' and “text” are accepted too. */
function readString(source: string, start: number, tokens: Token[]): number {
  const close = CLOSING_QUOTE[source[start] ?? ''] ?? '"';
  let at = start + 1;
  let text = '';
  for (;;) {
    const next = source.indexOf(close, at);
    if (next < 0) throw new FormulaError('unterminatedString', start, source.length);
    text += source.slice(at, next);
    if (source[next + 1] === close && close !== '”') {
      text += close;
      at = next + 2;
      continue;
    }
    at = next + 1;
    break;
  }
  tokens.push({ kind: 'string', text, start, end: at });
  return at;
}

/** {Field name}, where \} and \\ stand for } and \ inside the name. */
function readField(source: string, start: number, tokens: Token[]): number {
  let at = start + 1;
  let name = '';
  for (;;) {
    const char = source[at];
    if (char === undefined) throw new FormulaError('unterminatedField', start, source.length);
    if (char === '\\' && (source[at + 1] === '}' || source[at + 1] === '\\')) {
      name += source[at + 1] ?? '';
      at += 2;
      continue;
    }
    if (char === '}') break;
    name += char;
    at++;
  }
  at++;
  if (name.trim() === '') throw new FormulaError('emptyField', start, at);
  tokens.push({ kind: 'field', text: name.trim(), start, end: at });
  return at;
}

/** The inverse of readField's escaping. */
export function escapeFieldName(name: string): string {
  return name.replace(/[\\}]/g, (char) => `\\${char}`);
}
