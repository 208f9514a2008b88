// Text functions: Excel's documented examples plus blanks, numbers, booleans, errors, lists, Chinese text and limits.
import { describe, expect, it } from 'vitest';
import { DIV0, NA, NUM, VALUE } from '../../../src/engine/formula/values';
import { callFunction, day } from './support';

const call = (name: string, ...args: unknown[]): unknown => callFunction(name, args);

describe('LEN', () => {
  it.each([
    ['Phoenix, AZ', 11],
    ['', 0],
    ['     One   ', 11],
    ['中文字符', 4],
    [null, 0],
    [123.5, 5],
    [true, 4],
  ])('LEN(%j) is %j', (text, expected) => {
    expect(call('LEN', text)).toBe(expected);
  });

  it('counts UTF-16 code units like Excel, so an emoji is two characters', () => {
    expect(call('LEN', '😀')).toBe(2);
  });

  it('measures a list as it is shown, items joined with ", "', () => {
    expect(call('LEN', ['ab', 'c'])).toBe(5);
  });

  it('passes an error argument through', () => {
    expect(call('LEN', DIV0)).toBe(DIV0);
  });
});

describe('LEFT and RIGHT', () => {
  it.each([
    ['LEFT', 'Sale Price', 4, 'Sale'],
    ['RIGHT', 'Sale Price', 5, 'Price'],
    ['LEFT', 'abc', 10, 'abc'],
    ['RIGHT', 'abc', 0, ''],
    ['LEFT', 'abc', 1.9, 'a'],
    ['LEFT', '客户留存', 2, '客户'],
    ['RIGHT', '客户留存', 2, '留存'],
    ['LEFT', 12345, 2, '12'],
    ['LEFT', 'abc', null, ''],
  ])('%s(%j, %j) is %j', (name, text, count, expected) => {
    expect(call(name, text, count)).toBe(expected);
  });

  it('takes one character when the count is omitted', () => {
    expect(call('LEFT', 'Sweden')).toBe('S');
    expect(call('RIGHT', 'Stock Number')).toBe('r');
  });

  it('rejects a negative or non-numeric count', () => {
    expect(call('LEFT', 'abc', -1)).toBe(VALUE);
    expect(call('RIGHT', 'abc', 'x')).toBe(VALUE);
  });
});

describe('MID', () => {
  it.each([
    ['Fluid Flow', 1, 5, 'Fluid'],
    ['Fluid Flow', 7, 20, 'Flow'],
    ['Fluid Flow', 20, 5, ''],
    ['留存客户管理', 3, 2, '客户'],
  ])('MID(%j, %j, %j) is %j', (text, start, count, expected) => {
    expect(call('MID', text, start, count)).toBe(expected);
  });

  it('rejects a start below 1 and a negative count', () => {
    expect(call('MID', 'abc', 0, 1)).toBe(VALUE);
    expect(call('MID', 'abc', 1, -1)).toBe(VALUE);
  });
});

describe('UPPER, LOWER and PROPER', () => {
  it.each([
    ['UPPER', 'total', 'TOTAL'],
    ['UPPER', 'Yield', 'YIELD'],
    ['LOWER', 'E. E. Cummings', 'e. e. cummings'],
    ['LOWER', 'Apt. 2B', 'apt. 2b'],
    ['PROPER', 'this is a TITLE', 'This Is A Title'],
    ['PROPER', '2-way street', '2-Way Street'],
    ['PROPER', '76BudGet', '76Budget'],
    ['PROPER', '张三 zhang SAN', '张三 Zhang San'],
    ['UPPER', '中文abc', '中文ABC'],
    ['UPPER', true, 'TRUE'],
    ['LOWER', null, ''],
  ])('%s(%j) is %j', (name, text, expected) => {
    expect(call(name, text)).toBe(expected);
  });
});

describe('TRIM', () => {
  it.each([
    [' First Quarter Earnings ', 'First Quarter Earnings'],
    ['  a    b  c   ', 'a b c'],
    ['no-spaces', 'no-spaces'],
    ['   ', ''],
  ])('TRIM(%j) is %j', (text, expected) => {
    expect(call('TRIM', text)).toBe(expected);
  });

  it('only touches the ASCII space, like Excel (non-breaking spaces and tabs stay)', () => {
    expect(call('TRIM', '\u00a0a\tb ')).toBe('\u00a0a\tb');
  });
});

describe('CLEAN', () => {
  it('removes the control characters 0–31 and keeps everything else', () => {
    expect(call('CLEAN', '\tMonthly report\n')).toBe('Monthly report');
    expect(call('CLEAN', 'a\u0000b\u001fc\u007f中')).toBe('abc\u007f中');
  });
});

describe('SUBSTITUTE', () => {
  it.each([
    [['Sales Data', 'Sales', 'Cost'], 'Cost Data'],
    [['Quarter 1, 2008', '1', '2', 1], 'Quarter 2, 2008'],
    [['Quarter 1, 2011', '1', '2', 3], 'Quarter 1, 2012'],
    [['aaaa', 'aa', 'b'], 'bb'],
    [['abc', 'x', 'y'], 'abc'],
    [['abc', '', 'y'], 'abc'],
    [['abc', 'b', 'y', 5], 'abc'],
    [['Abc', 'a', 'x'], 'Abc'],
    [['北京市北京路', '北京', '上海'], '上海市上海路'],
    [[1001, 0, 9], '1991'],
  ])('SUBSTITUTE(%j) is %j', (args, expected) => {
    expect(callFunction('SUBSTITUTE', args)).toBe(expected);
  });

  it('rejects an instance number below 1', () => {
    expect(call('SUBSTITUTE', 'abc', 'b', 'x', 0)).toBe(VALUE);
  });

  it('refuses a result past 32,767 characters before building it', () => {
    expect(call('SUBSTITUTE', 'x'.repeat(20_000), 'x', 'yy')).toBe(VALUE);
    expect(call('SUBSTITUTE', 'x'.repeat(16_000), 'x', 'yy')).toHaveLength(32_000);
  });
});

describe('REPLACE', () => {
  it.each([
    [['abcdefghijk', 6, 5, '*'], 'abcde*k'],
    [['2009', 3, 2, '10'], '2010'],
    [['123456', 1, 3, '@'], '@456'],
    [['abc', 10, 1, 'd'], 'abcd'],
    [['abc', 2, 0, 'X'], 'aXbc'],
    [['客户名单', 3, 2, '列表'], '客户列表'],
  ])('REPLACE(%j) is %j', (args, expected) => {
    expect(callFunction('REPLACE', args)).toBe(expected);
  });

  it('rejects a start below 1 and a negative count', () => {
    expect(call('REPLACE', 'abc', 0, 1, 'x')).toBe(VALUE);
    expect(call('REPLACE', 'abc', 1, -1, 'x')).toBe(VALUE);
  });
});

describe('FIND', () => {
  it.each([
    [['M', 'Miriam McGovern'], 1],
    [['m', 'Miriam McGovern'], 6],
    [['M', 'Miriam McGovern', 3], 8],
    [['', 'abc'], 1],
    [['', 'abc', 3], 3],
    [['客户', '重要客户'], 3],
    [['*', 'a*b'], 2],
  ])('FIND(%j) is %j', (args, expected) => {
    expect(callFunction('FIND', args)).toBe(expected);
  });

  it('is #VALUE! when the text is not found or the start is out of range', () => {
    expect(call('FIND', 'z', 'abc')).toBe(VALUE);
    expect(call('FIND', 'A', 'abc')).toBe(VALUE);
    expect(call('FIND', 'a', 'abc', 0)).toBe(VALUE);
    expect(call('FIND', 'a', 'abc', 4)).toBe(VALUE);
  });
});

describe('SEARCH', () => {
  it.each([
    [['e', 'Statements', 6], 7],
    [['margin', 'Profit Margin'], 8],
    [['M', 'miriam'], 1],
    [['p?o', 'Profit'], 1],
    [['f*t', 'Profit Margin'], 4],
    [['~?', 'why?'], 4],
    [['', 'abc', 2], 2],
    [['留存', '客户留存率'], 3],
  ])('SEARCH(%j) is %j', (args, expected) => {
    expect(callFunction('SEARCH', args)).toBe(expected);
  });

  it('is #VALUE! when nothing matches or the start is out of range', () => {
    expect(call('SEARCH', 'x', 'abc')).toBe(VALUE);
    expect(call('SEARCH', 'a', 'abc', 0)).toBe(VALUE);
    expect(call('SEARCH', 'a', 'abc', 4)).toBe(VALUE);
  });
});

describe('CONCATENATE', () => {
  it('joins its arguments, numbers in General format and booleans as TRUE/FALSE', () => {
    expect(
      call('CONCATENATE', 'Stream population for ', 'brook trout', ' ', 'species', ' is ', 32, '/mile.'),
    ).toBe('Stream population for brook trout species is 32/mile.');
    expect(call('CONCATENATE', 1.5, true, null, '中')).toBe('1.5TRUE中');
  });

  it('shows a list argument as items joined with ", "', () => {
    expect(call('CONCATENATE', 'Tags: ', ['vip', 'new'])).toBe('Tags: vip, new');
  });

  it('returns the first error argument', () => {
    expect(call('CONCATENATE', 'a', NA, DIV0)).toBe(NA);
  });
});

describe('CONCAT', () => {
  it('joins its arguments like the & operator', () => {
    expect(call('CONCAT', 'The', ' ', 'sun', ' ', 'will', ' ', 'come', ' ', 'up', ' ', 'tomorrow.')).toBe(
      'The sun will come up tomorrow.',
    );
    expect(call('CONCAT', 'a', 1)).toBe('a1');
    expect(call('CONCAT', null, false)).toBe('FALSE');
    expect(call('CONCAT', day(2024, 1, 5), '')).toBe('2024-01-05');
  });

  it('joins list items with no separator, like CONCAT over a range', () => {
    expect(call('CONCAT', ['a', ['b', null], 3], '!')).toBe('ab3!');
  });

  it('returns an error found inside a list', () => {
    expect(call('CONCAT', ['a', NUM])).toBe(NUM);
  });

  it('refuses a result past 32,767 characters', () => {
    expect(call('CONCAT', 'x'.repeat(32_767), '')).toHaveLength(32_767);
    expect(call('CONCAT', 'x'.repeat(32_767), 'y')).toBe(VALUE);
  });
});

describe('TEXTJOIN', () => {
  it('joins values with the delimiter', () => {
    expect(call('TEXTJOIN', ' ', true, 'The', 'sun', 'will', 'come', 'up', 'tomorrow.')).toBe(
      'The sun will come up tomorrow.',
    );
    expect(call('TEXTJOIN', '、', true, ['张三', '李四'], '王五')).toBe('张三、李四、王五');
  });

  it('skips empty values only when asked to', () => {
    expect(call('TEXTJOIN', ',', true, 'a', '', null, ['b', null])).toBe('a,b');
    expect(call('TEXTJOIN', ',', false, 'a', '', null, ['b', null])).toBe('a,,,b,');
  });

  it('uses a list of delimiters in turn', () => {
    expect(call('TEXTJOIN', ['-', '/'], true, 1, 2, 3, 4)).toBe('1-2/3-4');
  });

  it('rejects a non-boolean ignore_empty flag', () => {
    expect(call('TEXTJOIN', ',', 'maybe', 'a')).toBe(VALUE);
  });
});

describe('TEXT with number formats', () => {
  it.each([
    [1234.567, '$#,##0.00', '$1,234.57'],
    [0.285, '0.0%', '28.5%'],
    [0.5, '0%', '50%'],
    [12_200_000, '0.00E+00', '1.22E+07'],
    [1234, '0000000', '0001234'],
    [1234.5, '#,##0', '1,235'],
    [1_234_567.891, '#,##0.00', '1,234,567.89'],
    [1234.5, '0.00', '1234.50'],
    [1234.5, '0', '1235'],
    [0, '#,##0.00', '0.00'],
    [12_345, '¥#,##0', '¥12,345'],
    [88, '0.00 "元"', '88.00 元'],
    [88, '0\\%', '88%'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [-5, '$0.00', '-$5.00'],
    [5_551_234, '000-0000', '555-1234'],
    [1_234_567, '#,##0,"K"', '1,235K'],
    [0.5, '#.##', '.5'],
    [3, '#.##', '3.'],
    [3.5, '0.0?', '3.5 '],
    [12_345, '##0.0E+0', '12.3E+3'],
    [9.999, '0.00E+00', '1.00E+01'],
    [0.00012, '0.0E+00', '1.2E-04'],
    [0, '0.00E+00', '0.00E+00'],
    [1234.5, 'General', '1234.5'],
    [1e20, '0', '100000000000000000000'],
  ])('TEXT(%j, %j) is %j', (value, format, expected) => {
    expect(call('TEXT', value, format)).toBe(expected);
  });

  it.each([
    [2.5, '0', '3'],
    [-2.5, '0', '-3'],
    [1.005, '0.00', '1.01'],
    [0.125, '0.00', '0.13'],
    [0.1 + 0.2, '0.0000000000000000', '0.3000000000000000'],
  ])('rounds %j half away from zero on 15 significant digits under %j: %j', (value, format, expected) => {
    expect(call('TEXT', value, format)).toBe(expected);
  });

  it('keeps the minus sign of a negative number that rounds to zero, like Excel', () => {
    expect(call('TEXT', -0.001, '0.00')).toBe('-0.00');
  });

  it('chooses the positive, negative and zero sections', () => {
    const format = '#,##0.00;(#,##0.00);"zero"';
    expect(call('TEXT', 1234.5, format)).toBe('1,234.50');
    expect(call('TEXT', -1234.5, format)).toBe('(1,234.50)');
    expect(call('TEXT', 0, format)).toBe('zero');
  });

  it('ignores colour names', () => {
    expect(call('TEXT', -3, '0;[Red]-0')).toBe('-3');
  });

  it('converts numeric text and blanks, and shows booleans as TRUE/FALSE', () => {
    expect(call('TEXT', '1234.5', '#,##0.00')).toBe('1,234.50');
    expect(call('TEXT', null, '0.00')).toBe('0.00');
    expect(call('TEXT', true, '0')).toBe('TRUE');
  });

  it('returns other text unchanged unless the format has a text section', () => {
    expect(call('TEXT', 'abc', '0.00')).toBe('abc');
    expect(call('TEXT', 'abc', '"<"@">"')).toBe('<abc>');
    expect(call('TEXT', 'abc', '0;-0;0;"Name: "@')).toBe('Name: abc');
    expect(call('TEXT', 5, '@')).toBe('5');
  });

  it.each([['0 kg'], ['[>100]0'], ['[h]:mm'], ['# ?/?'], ['"unclosed'], ['0;0;0;@;0'], ['yyyy-0']])(
    'rejects the unsupported format %j',
    (format) => {
      expect(call('TEXT', 1, format)).toBe(VALUE);
    },
  );
});

describe('TEXT with date and time formats', () => {
  // 2024-03-05 is a Tuesday.
  const moment = day(2024, 3, 5, 14, 7, 9);

  it.each([
    ['yyyy-mm-dd', '2024-03-05'],
    ['yyyy年m月d日', '2024年3月5日'],
    ['yy/m/d', '24/3/5'],
    ['MM/DD/YY', '03/05/24'],
    ['mmm d, yyyy', 'Mar 5, 2024'],
    ['mmmm', 'March'],
    ['mmmmm', 'M'],
    ['ddd', 'Tue'],
    ['dddd, mmmm d', 'Tuesday, March 5'],
    ['hh:mm:ss', '14:07:09'],
    ['h:mm', '14:07'],
    ['yyyy-mm-dd hh:mm', '2024-03-05 14:07'],
    ['mm:ss', '07:09'],
    ['h:mm AM/PM', '2:07 PM'],
    ['h:mm am/pm', '2:07 pm'],
    ['hh A/P', '02 P'],
    ['aaaa', '星期二'],
    ['周aaa', '周二'],
    ['"Day" d', 'Day 5'],
    ['\\Q yyyy', 'Q 2024'],
  ])('shows 2024-03-05 14:07:09 under %j as %j', (format, expected) => {
    expect(call('TEXT', moment, format)).toBe(expected);
  });

  it('shows midnight and noon as 12 on the 12-hour clock', () => {
    expect(call('TEXT', day(2024, 1, 1, 0, 5), 'h:mm AM/PM')).toBe('12:05 AM');
    expect(call('TEXT', day(2024, 1, 1, 12, 5), 'h:mm AM/PM')).toBe('12:05 PM');
  });

  it('rounds to the shown precision of seconds', () => {
    const almost = new Date(Date.UTC(2024, 0, 1, 10, 59, 59, 600));
    expect(call('TEXT', almost, 'hh:mm:ss')).toBe('11:00:00');
    expect(call('TEXT', almost, 'hh:mm:ss.00')).toBe('10:59:59.60');
  });

  it('reads numbers as Excel serials and dates under number formats as serials', () => {
    expect(call('TEXT', 45_292, 'yyyy-mm-dd')).toBe('2024-01-01');
    expect(call('TEXT', 45_292.75, 'yyyy-mm-dd hh:mm')).toBe('2024-01-01 18:00');
    expect(call('TEXT', day(2024, 1, 1), '0')).toBe('45292');
    expect(call('TEXT', day(2024, 1, 1, 12), '0.0')).toBe('45292.5');
  });

  it('converts date text', () => {
    expect(call('TEXT', '2024/1/5', 'yyyy年mm月dd日')).toBe('2024年01月05日');
  });

  it('rejects negative serials under a date format', () => {
    expect(call('TEXT', -1, 'yyyy')).toBe(VALUE);
  });
});

describe('VALUE', () => {
  it.each([
    ['$1,000', 1000],
    ['  42 ', 42],
    ['50%', 0.5],
    ['1e3', 1000],
    ['-1.5', -1.5],
    ['2024-01-01', 45_292],
    ['18:00', 0.75],
    ['6:00 PM', 0.75],
    [12, 12],
    [null, 0],
  ])('VALUE(%j) is %j', (text, expected) => {
    expect(call('VALUE', text)).toBe(expected);
  });

  it('gives 0.2 for VALUE("16:48:00") - VALUE("12:00:00"), as in Excel', () => {
    const difference = (call('VALUE', '16:48:00') as number) - (call('VALUE', '12:00:00') as number);
    expect(difference).toBeCloseTo(0.2, 12);
  });

  it.each([['abc'], [''], [true], ['25:99']])('VALUE(%j) is #VALUE!', (text) => {
    expect(call('VALUE', text)).toBe(VALUE);
  });
});

describe('NUMBERVALUE', () => {
  it.each([
    [['2.500,27', ',', '.'], 2500.27],
    [['3.5%'], 0.035],
    [['9%%'], 0.0009],
    [[' 3 000 '], 3000],
    [['1,234.5'], 1234.5],
    [[''], 0],
    [['-12'], -12],
    [['1 234,5', ','], 1234.5],
  ])('NUMBERVALUE(%j) is %j', (args, expected) => {
    expect(callFunction('NUMBERVALUE', args)).toBeCloseTo(expected, 12);
  });

  it.each([[['1.2.3']], [['1.234,5']], [['abc']], [['1', '']], [['1', '.', '.']]])(
    'NUMBERVALUE(%j) is #VALUE!',
    (args) => {
      expect(callFunction('NUMBERVALUE', args)).toBe(VALUE);
    },
  );
});

describe('REPT', () => {
  it.each([
    ['*-', 3, '*-*-*-'],
    ['-', 10, '----------'],
    ['好', 2, '好好'],
    ['ab', 0, ''],
    ['ab', 2.9, 'abab'],
  ])('REPT(%j, %j) is %j', (text, times, expected) => {
    expect(call('REPT', text, times)).toBe(expected);
  });

  it('rejects negative counts and results past 32,767 characters', () => {
    expect(call('REPT', 'a', -1)).toBe(VALUE);
    expect(call('REPT', 'a', 32_767)).toHaveLength(32_767);
    expect(call('REPT', 'a', 32_768)).toBe(VALUE);
    expect(call('REPT', 'abc', 1e15)).toBe(VALUE);
  });
});

describe('EXACT', () => {
  it.each([
    ['word', 'word', true],
    ['Word', 'word', false],
    ['w ord', 'word', false],
    ['中文', '中文', true],
    [1, '1', true],
    [null, '', true],
    [true, 'TRUE', true],
  ])('EXACT(%j, %j) is %j', (left, right, expected) => {
    expect(call('EXACT', left, right)).toBe(expected);
  });
});

describe('CHAR, UNICHAR, CODE and UNICODE', () => {
  it.each([
    ['CHAR', 65, 'A'],
    ['CHAR', 33, '!'],
    ['CHAR', 20_013, '中'],
    ['CHAR', 10, '\n'],
    ['UNICHAR', 66, 'B'],
    ['UNICHAR', 32, ' '],
    ['UNICHAR', 0x1f600, '😀'],
    ['CODE', 'A', 65],
    ['CODE', '!', 33],
    ['CODE', '中文', 20_013],
    ['UNICODE', ' ', 32],
    ['UNICODE', 'B', 66],
    ['UNICODE', '😀', 0x1f600],
    ['CODE', 1, 49],
  ])('%s(%j) is %j', (name, arg, expected) => {
    expect(call(name, arg)).toBe(expected);
  });

  it('rejects code points outside Unicode and empty text', () => {
    expect(call('CHAR', 0)).toBe(VALUE);
    expect(call('UNICHAR', 0)).toBe(VALUE);
    expect(call('UNICHAR', 0x110000)).toBe(VALUE);
    expect(call('CODE', '')).toBe(VALUE);
    expect(call('UNICODE', null)).toBe(VALUE);
  });

  it('gives #N/A for a lone surrogate in UNICHAR, as Excel does', () => {
    expect(call('UNICHAR', 0xd800)).toBe(NA);
  });
});

describe('T', () => {
  it.each([
    ['Rainfall', 'Rainfall'],
    [19, ''],
    [true, ''],
    [null, ''],
    [day(2024, 1, 1), ''],
    [['a'], ''],
  ])('T(%j) is %j', (value, expected) => {
    expect(call('T', value)).toBe(expected);
  });

  it('passes errors through', () => {
    expect(call('T', NA)).toBe(NA);
  });
});

describe('FIXED', () => {
  it.each([
    [[1234.567, 1], '1,234.6'],
    [[1234.567, -1], '1,230'],
    [[-1234.567, -1, true], '-1230'],
    [[44.332], '44.33'],
    [[1_234_567.891, 2, true], '1234567.89'],
    [[2.5, 0], '3'],
    [[0.5, 0], '1'],
    [[1.005], '1.01'],
    [[-0.001], '0.00'],
    [[0], '0.00'],
    [['1234'], '1,234.00'],
    [[999.996], '1,000.00'],
  ])('FIXED(%j) is %j', (args, expected) => {
    expect(callFunction('FIXED', args)).toBe(expected);
  });

  it('rejects more than 127 decimals and non-numeric text', () => {
    expect(call('FIXED', 1, 128)).toBe(VALUE);
    expect(call('FIXED', 'abc')).toBe(VALUE);
  });
});
