// The formula language end to end: text → checked JSON → value, Excel precedence, errors with positions, printing.
import { describe, expect, it } from 'vitest';
import { compileFormula, evaluateFormula, FormulaError, formulaToText } from '../../../src/engine';
import type { FieldInfo } from '../../../src/engine';
import { ErrorValue, VALUE } from '../../../src/engine/formula/values';
import { day, FIXED_NOW } from './support';

const FIELDS: FieldInfo[] = [
  { id: 'f_spend', name: 'Total spend', kind: 'number' },
  { id: 'f_orders', name: 'Orders', kind: 'number' },
  { id: 'f_name', name: 'Name', kind: 'text' },
  { id: 'f_signup', name: 'Signup date', kind: 'date' },
  { id: 'f_vip', name: 'VIP', kind: 'checkbox' },
  { id: 'f_score', name: '健康分', kind: 'formula', resultType: 'number' },
  { id: 'f_odd', name: 'a}b\\c', kind: 'text' },
];

function failure(source: string, fields: readonly FieldInfo[] | undefined = FIELDS): FormulaError {
  try {
    compileFormula(source, fields);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('the tier formula from the issue', () => {
  const tier = compileFormula(
    'IF({Total spend} >= 10000, "High value", IF({Orders} >= 3, "Potential", "General"))',
    FIELDS,
  );

  it.each([
    [12_000, 1, 'High value'],
    [10_000, 0, 'High value'],
    [9_999.99, 3, 'Potential'],
    [500, 2, 'General'],
    [null, null, 'General'],
  ])('gives spend %s and %s orders the tier %s', (spend, orders, expected) => {
    expect(tier.evaluate({ f_spend: spend, f_orders: orders })).toBe(expected);
  });

  it('compiles to JSONLogic-compatible JSON over field ids and reports its dependencies and type', () => {
    expect(tier.json).toEqual({
      IF: [
        { GTE: [{ var: 'f_spend' }, 10000] },
        'High value',
        { IF: [{ GTE: [{ var: 'f_orders' }, 3] }, 'Potential', 'General'] },
      ],
    });
    expect(tier.dependencies).toEqual(['f_spend', 'f_orders']);
    expect(tier.type).toBe('text');
  });

  it('prints back as readable text with field names', () => {
    expect(formulaToText(tier.json, FIELDS)).toBe(
      'IF({Total spend} >= 10000, "High value", IF({Orders} >= 3, "Potential", "General"))',
    );
  });
});

describe('operators', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-2 ^ 2', 4],
    ['-(2 ^ 2)', -4],
    ['2 ^ 3 ^ 2', 64],
    ['10 - 4 - 3', 3],
    ['12 / 4 / 3', 1],
    ['50%', 0.5],
    ['200 * 15%', 30],
    ['1 + 1 = 2', true],
    ['"a" & "b" & 1 + 2', 'ab3'],
    ['1 & 2 = "12"', true],
    ['"abc" = "ABC"', true],
    ['"abc" <> "abd"', true],
    ['2 < 10', true],
    ['"2" < "10"', false],
    ['1 < "a"', true],
    ['"z" < TRUE', true],
    ['TRUE + TRUE', 2],
    ['"3" * "4"', 12],
    ['1 / 3 & ""', '0.333333333333333'],
    ['0.1 + 0.2 = 0.3', false],
    ['ROUND(0.1 + 0.2, 10) = 0.3', true],
    ['=1+1', 2],
    ['+"abc"', 'abc'],
  ])('%s is %j', (source, expected) => {
    expect(evaluateFormula(source)).toEqual(expected);
  });

  it('adds days to dates and subtracts dates to a number of days', () => {
    const signup = day(2026, 11, 1);
    expect(evaluateFormula('{d} + 7', { d: signup })).toEqual(day(2026, 11, 8));
    expect(evaluateFormula('{d} - 1', { d: signup })).toEqual(day(2026, 10, 31));
    expect(evaluateFormula('{e} - {d}', { d: signup, e: day(2026, 11, 22) })).toBe(21);
    expect(compileFormula('{Signup date} + 30', FIELDS).type).toBe('date');
    expect(compileFormula('TODAY() - {Signup date}', FIELDS).type).toBe('number');
  });

  it('returns error values that IFERROR catches instead of throwing', () => {
    expect(evaluateFormula('1 / 0')).toBe(evaluateFormula('1/0'));
    expect((evaluateFormula('1 / 0') as ErrorValue).code).toBe('#DIV/0!');
    expect((evaluateFormula('{a} * 2', { a: 'abc' }) as ErrorValue).code).toBe('#VALUE!');
    expect((evaluateFormula('SQRT(-1)') as ErrorValue).code).toBe('#NUM!');
    expect(evaluateFormula('IFERROR(1 / {n}, "no orders")', { n: 0 })).toBe('no orders');
    expect(evaluateFormula('IFERROR(1 / {n}, "no orders")', { n: 4 })).toBe(0.25);
    expect(evaluateFormula('ISERROR({a} + 1)', { a: 'x' })).toBe(true);
    expect((evaluateFormula('1 + 1 / 0 + LEN("abc")') as ErrorValue).code).toBe('#DIV/0!');
  });
});

describe('fields', () => {
  it('reads dates stored as epoch milliseconds as dates', () => {
    const f = compileFormula('YEAR({Signup date}) & "-" & MONTH({Signup date})', FIELDS);
    expect(f.evaluate({ f_signup: Date.UTC(2024, 1, 29) })).toBe('2024-2');
  });

  it('treats a missing value as blank', () => {
    expect(compileFormula('{Orders} + 1', FIELDS).evaluate({})).toBe(1);
    expect(compileFormula('ISBLANK({Name})', FIELDS).evaluate({})).toBe(true);
    expect(compileFormula('{Name} & "!"', FIELDS).evaluate({})).toBe('!');
  });

  it('matches field names case-insensitively and accepts Chinese names and escaped braces', () => {
    expect(compileFormula('{total SPEND} * 2', FIELDS).evaluate({ f_spend: 5 })).toBe(10);
    expect(compileFormula('{健康分} >= 60', FIELDS).evaluate({ f_score: 72 })).toBe(true);
    const odd = compileFormula('LEN({a\\}b\\\\c})', FIELDS);
    expect(odd.dependencies).toEqual(['f_odd']);
    expect(formulaToText(odd.json, FIELDS)).toBe('LEN({a\\}b\\\\c})');
  });

  it('accepts full-width punctuation typed with a Chinese input method', () => {
    const f = compileFormula('IF（{健康分}>=80，“高”，“低”）', FIELDS);
    expect(f.evaluate({ f_score: 85 })).toBe('高');
    expect(formulaToText(f.json, FIELDS)).toBe('IF({健康分} >= 80, "高", "低")');
  });

  it('shows a renamed field under its new name, since the JSON keeps the id', () => {
    const json = compileFormula('{Orders} * 2', FIELDS).json;
    const renamed = FIELDS.map((field) => (field.id === 'f_orders' ? { ...field, name: '订单数' } : field));
    expect(formulaToText(json, renamed)).toBe('{订单数} * 2');
  });
});

describe('date-time fields hold moments, read in the evaluation time zone', () => {
  const fields: FieldInfo[] = [
    { id: 'login', name: 'Last login', kind: 'dateTime' },
    { id: 'created', name: 'Created', kind: 'createdTime' },
  ];
  // 2026-11-21T18:30:00Z is 02:30 on the 22nd in Shanghai.
  const login = Date.UTC(2026, 10, 21, 18, 30);

  it('shows the wall-clock day and hour of the zone', () => {
    const shanghai = { now: () => FIXED_NOW, timeZone: 'Asia/Shanghai' };
    expect(
      compileFormula('DAY({Last login}) & " " & HOUR({Last login})', fields, shanghai).evaluate({ login }),
    ).toBe('22 2');
    expect(compileFormula('DAY({Last login})', fields, { now: () => FIXED_NOW }).evaluate({ login })).toBe(
      21,
    );
    expect(compileFormula('{Created}', fields).type).toBe('date');
  });

  it('measures days since a moment against TODAY() in the same zone', () => {
    const f = compileFormula('TODAY() - DATEVALUE(TEXT({Last login}, "yyyy-mm-dd"))', fields, {
      now: () => Date.UTC(2026, 10, 28, 20, 0),
      timeZone: 'Asia/Shanghai',
    });
    expect(f.evaluate({ login })).toBe(7);
  });

  it('gives #VALUE! for a number too large to be a moment', () => {
    expect(compileFormula('{Last login}', fields).evaluate({ login: 1e20 })).toBe(VALUE);
  });
});

describe('TODAY() and NOW() read the clock and zone given by the caller', () => {
  it('uses the caller clock in the caller time zone', () => {
    const options = { now: () => FIXED_NOW, timeZone: 'Asia/Shanghai' };
    expect(evaluateFormula('TODAY()', {}, options)).toEqual(day(2026, 11, 22));
    expect(evaluateFormula('HOUR(NOW())', {}, options)).toBe(17);
    expect(evaluateFormula('HOUR(NOW())', {}, { now: () => FIXED_NOW })).toBe(9);
  });

  it('counts days since a stored date for the 7-day-inactive rule', () => {
    const f = compileFormula('TODAY() - {Signup date} >= 7', FIELDS, { now: () => FIXED_NOW });
    expect(f.evaluate({ f_signup: Date.UTC(2026, 10, 15) })).toBe(true);
    expect(f.evaluate({ f_signup: Date.UTC(2026, 10, 16) })).toBe(false);
  });

  it('refuses to guess the time when no clock is given', () => {
    expect(() => evaluateFormula('TODAY()')).toThrow(/clock/);
  });
});

describe('compile-time errors name what is wrong and where', () => {
  it.each([
    ['', 'empty', 0, 0],
    ['IF({Orders} > 1, 2', 'unexpectedEnd', 18, 18],
    ['1 +', 'unexpectedEnd', 3, 3],
    ['(1 + 2))', 'unexpectedToken', 7, 8],
    ['SUM(1 2)', 'expectedToken', 6, 7],
    ['"abc', 'unterminatedString', 0, 4],
    ['{Orders', 'unterminatedField', 0, 7],
    ['{ }', 'emptyField', 0, 3],
    ['1 # 2', 'badCharacter', 2, 3],
    ['FOO(1)', 'unknownFunction', 0, 3],
    ['SUMM(1)', 'unknownFunctionSuggest', 0, 4],
    ['{Nmae} & ""', 'unknownFieldSuggest', 0, 6],
    ['{Revenue} + 1', 'unknownField', 0, 9],
    ['Orders + 1', 'unknownName', 0, 6],
    ['ROUND(1, 2, 3)', 'argumentCountExact', 0, 5],
    ['MID("abc")', 'argumentCountExact', 0, 3],
    ['IF(TRUE)', 'argumentCountRange', 0, 2],
    ['IFS(TRUE, 1, FALSE)', 'argumentCountPairs', 0, 3],
    ['YEAR(TRUE)', 'typeMismatch', 5, 9],
    ['{Signup date} + "soon"', 'typeMismatch', 16, 22],
    ['IF("maybe", 1, 2)', 'typeMismatch', 3, 10],
  ])('%j fails with %s at [%i, %i)', (source, code, start, end) => {
    const error = failure(source);
    expect({ code: error.code, start: error.start, end: error.end }).toEqual({ code, start, end });
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('suggests the closest function and field', () => {
    expect(failure('AVERGE(1, 2)').params).toMatchObject({ name: 'AVERGE', suggestion: 'AVERAGE' });
    expect(failure('{Total spnd} * 2').params).toMatchObject({ suggestion: 'Total spend' });
  });

  it('explains argument counts and types in the message', () => {
    expect(failure('ROUND(1, 2, 3)').message).toBe('ROUND takes 2 arguments, not 3.');
    expect(failure('LEN()').message).toBe('LEN takes 1 argument, not 0.');
    expect(failure('YEAR(TRUE)').message).toBe('Argument 1 of YEAR must be date, but it is boolean.');
  });

  it('accepts any field name when compiled without a field list', () => {
    expect(evaluateFormula('{Revenue} * 2', { Revenue: 21 })).toBe(42);
    expect(compileFormula('{a} + {b} + {a}').dependencies).toEqual(['a', 'b']);
  });

  it('refuses formulas nested too deeply or too long, instead of overflowing the stack', () => {
    expect(failure(`${'('.repeat(5000)}1${')'.repeat(5000)}`).code).toBe('tooComplex');
    expect(failure(`${'-'.repeat(5000)}{Orders}`).code).toBe('tooComplex');
    expect(failure(`${'IF(TRUE, '.repeat(150)}1${')'.repeat(150)}`).code).toBe('tooComplex');
    expect(failure('1 + '.repeat(10_000) + '1').code).toBe('tooLong');
  });
});

describe('printing formula JSON as text', () => {
  it.each([
    '1 + 2 * 3',
    '(1 + 2) * 3',
    '-2 ^ 2',
    '-(2 ^ 2)',
    '2 ^ (3 ^ 2)',
    '10 - (4 - 3)',
    '-{Orders}%',
    '-({Orders}%)',
    '({Orders} + 1)%',
    '3 - -5',
    '-(5)',
    '"say ""hi"""',
    '{Name} & " " & UPPER({Name})',
    'CONCAT({Name}, "a", "b")',
    '(1 < 2) = TRUE',
    'IFERROR({Total spend} / {Orders}, 0)',
  ])('prints %s back to the same JSON', (source) => {
    const json = compileFormula(source, FIELDS).json;
    const text = formulaToText(json, FIELDS);
    expect(compileFormula(text, FIELDS).json).toEqual(json);
  });

  it('uses only the parentheses it needs', () => {
    expect(formulaToText(compileFormula('((1 + 2)) * (3)').json)).toBe('(1 + 2) * 3');
    expect(formulaToText(compileFormula('1 + (2 * 3)').json)).toBe('1 + 2 * 3');
  });

  it('refuses JSON that is not a formula', () => {
    expect(() => formulaToText({ '>=': [{ var: 'x' }, 1] })).toThrow(FormulaError);
    expect(() => formulaToText(null)).toThrow(FormulaError);
    expect(() => formulaToText({ IF: [1, 2], ELSE: 3 })).toThrow(FormulaError);
  });
});
