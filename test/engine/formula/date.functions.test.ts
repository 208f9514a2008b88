// Date and time functions: Excel's documented examples, month ends, leap years, blanks, text, time zones.
import { describe, expect, it } from 'vitest';
import { NUM, VALUE } from '../../../src/engine/formula/values';
import { callFunction, day, testEnv } from './support';

const call = (name: string, ...args: unknown[]): unknown => callFunction(name, args);

/** 2026-11-22T17:30:00Z: already the 23rd in Shanghai, still the morning of the 22nd in Los Angeles. */
const EVENING_UTC = Date.UTC(2026, 10, 22, 17, 30);

describe('DATE', () => {
  it('builds a floating midnight from year, month and day', () => {
    expect(call('DATE', 2024, 2, 29)).toEqual(day(2024, 2, 29));
  });

  it('rolls months and days over in both directions like Excel', () => {
    expect(call('DATE', 2024, 14, 1)).toEqual(day(2025, 2, 1));
    expect(call('DATE', 2024, 1, 0)).toEqual(day(2023, 12, 31));
    expect(call('DATE', 2024, -1, 1)).toEqual(day(2023, 11, 1));
    expect(call('DATE', 2008, 1, 35)).toEqual(day(2008, 2, 4));
    expect(call('DATE', 2008, -3, 2)).toEqual(day(2007, 9, 2));
    expect(call('DATE', 2008, 1, -15)).toEqual(day(2007, 12, 16));
  });

  it('counts years 0 to 1899 from 1900, without Date.UTC remapping small years', () => {
    expect(call('DATE', 108, 1, 2)).toEqual(day(2008, 1, 2));
    expect(call('DATE', 50, 1, 1)).toEqual(day(1950, 1, 1));
    expect(call('DATE', 0, 1, 1)).toEqual(day(1900, 1, 1));
  });

  it('truncates fractional arguments and converts numeric text', () => {
    expect(call('DATE', 2024.9, 2.7, 29.9)).toEqual(day(2024, 2, 29));
    expect(call('DATE', '2024', '2', '29')).toEqual(day(2024, 2, 29));
  });

  it('returns #NUM! for years outside 0–9999 and results past 9999-12-31', () => {
    expect(call('DATE', -1, 1, 1)).toBe(NUM);
    expect(call('DATE', 10000, 1, 1)).toBe(NUM);
    expect(call('DATE', 9999, 12, 32)).toBe(NUM);
    expect(call('DATE', 2024, 1, 1e300)).toBe(NUM);
  });

  it('returns #VALUE! for non-numeric text', () => {
    expect(call('DATE', 'soon', 1, 1)).toBe(VALUE);
  });
});

describe('TIME', () => {
  it('returns a fraction of a day (Excel: TIME(12,0,0) = 0.5, TIME(16,48,10) = 0.700115741)', () => {
    expect(call('TIME', 12, 0, 0)).toBe(0.5);
    expect(call('TIME', 16, 48, 10)).toBeCloseTo(0.700115741, 9);
  });

  it('carries minutes and seconds into hours and wraps past midnight', () => {
    expect(call('TIME', 0, 750, 0)).toBeCloseTo(0.520833333, 9);
    expect(call('TIME', 27, 0, 0)).toBe(0.125);
    expect(call('TIME', 1, -30, 0)).toBeCloseTo(1 / 48, 12);
  });

  it('returns #NUM! for a negative total or an argument above 32767', () => {
    expect(call('TIME', 0, -1, 0)).toBe(NUM);
    expect(call('TIME', 32768, 0, 0)).toBe(NUM);
  });
});

describe('TODAY and NOW', () => {
  it('read the injected clock in the evaluation time zone', () => {
    expect(call('TODAY')).toEqual(day(2026, 11, 22));
    expect(call('NOW')).toEqual(day(2026, 11, 22, 9, 30));
  });

  it('give the wall-clock date and hour of the zone, which may be another day than UTC', () => {
    const at = (timeZone: string) => testEnv({ now: () => EVENING_UTC, timeZone });
    expect(callFunction('TODAY', [], at('UTC'))).toEqual(day(2026, 11, 22));
    expect(callFunction('TODAY', [], at('Asia/Shanghai'))).toEqual(day(2026, 11, 23));
    expect(callFunction('NOW', [], at('Asia/Shanghai'))).toEqual(day(2026, 11, 23, 1, 30));
    expect(callFunction('HOUR', [callFunction('NOW', [], at('Asia/Shanghai'))])).toBe(1);
    expect(callFunction('HOUR', [callFunction('NOW', [], at('America/Los_Angeles'))])).toBe(9);
    expect(callFunction('TODAY', [], at('America/Los_Angeles'))).toEqual(day(2026, 11, 22));
  });

  it('follow daylight saving time changes in America/New_York', () => {
    const at = (instant: number) => testEnv({ now: () => instant, timeZone: 'America/New_York' });
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT at 07:00Z.
    expect(callFunction('NOW', [], at(Date.UTC(2026, 2, 8, 6, 30)))).toEqual(day(2026, 3, 8, 1, 30));
    expect(callFunction('NOW', [], at(Date.UTC(2026, 2, 8, 7, 30)))).toEqual(day(2026, 3, 8, 3, 30));
    expect(callFunction('TODAY', [], at(Date.UTC(2026, 2, 8, 4, 30)))).toEqual(day(2026, 3, 7));
    // 2026-11-01: 01:30 happens twice, at 05:30Z (EDT) and 06:30Z (EST).
    expect(callFunction('NOW', [], at(Date.UTC(2026, 10, 1, 5, 30)))).toEqual(day(2026, 11, 1, 1, 30));
    expect(callFunction('NOW', [], at(Date.UTC(2026, 10, 1, 6, 30)))).toEqual(day(2026, 11, 1, 1, 30));
  });
});

describe('YEAR, MONTH and DAY', () => {
  it('read the calendar fields of a date (Excel: YEAR(7/5/2008) = 2008, MONTH and DAY of 15-Apr-11)', () => {
    expect(call('YEAR', day(2008, 7, 5))).toBe(2008);
    expect(call('MONTH', day(2011, 4, 15))).toBe(4);
    expect(call('DAY', day(2011, 4, 15))).toBe(15);
  });

  it('parse date text in ISO, slash and Chinese forms, and English month names', () => {
    expect(call('YEAR', '2024-02-29')).toBe(2024);
    expect(call('MONTH', '2024/2/29')).toBe(2);
    expect(call('DAY', '2024年2月29日')).toBe(29);
    expect(call('MONTH', '22-May-2011')).toBe(5);
    expect(call('DAY', 'Sept 9, 2012')).toBe(9);
  });

  it('read numbers as Excel serial numbers', () => {
    expect(call('YEAR', 45351)).toBe(2024);
    expect(call('DAY', 45351)).toBe(29);
  });

  it('return blank for a blank date or an empty list, and read a one-item list', () => {
    expect(call('YEAR', null)).toBeNull();
    expect(call('MONTH', '')).toBeNull();
    expect(call('DAY', [])).toBeNull();
    expect(call('DAY', [day(2024, 3, 7)])).toBe(7);
  });

  it('return #VALUE! for text that is not a date and #NUM! for serials beyond year 9999', () => {
    expect(call('YEAR', 'next week')).toBe(VALUE);
    expect(call('DAY', '2023-02-29')).toBe(VALUE);
    expect(call('YEAR', 1e9)).toBe(NUM);
  });
});

describe('HOUR, MINUTE and SECOND', () => {
  it("follow Excel's examples", () => {
    expect(call('HOUR', 0.75)).toBe(18);
    expect(call('HOUR', day(2011, 7, 18, 7, 45))).toBe(7);
    expect(call('HOUR', day(2012, 4, 21))).toBe(0);
    expect(call('MINUTE', '12:45:00 PM')).toBe(45);
    expect(call('SECOND', '4:48:18 PM')).toBe(18);
    expect(call('SECOND', '4:48 PM')).toBe(0);
  });

  it('read the time of a date-time text, including Chinese 上午/下午', () => {
    expect(call('HOUR', '2024-02-29 13:45')).toBe(13);
    expect(call('MINUTE', '2024-02-29 13:45')).toBe(45);
    expect(call('HOUR', '下午3:30')).toBe(15);
    expect(call('HOUR', '2024年2月29日下午3:30')).toBe(15);
    expect(call('HOUR', '12:05 AM')).toBe(0);
  });

  it('round to the nearest second before splitting the time', () => {
    expect(call('HOUR', (10 * 3600 + 59 * 60 + 59.6) / 86_400)).toBe(11);
    expect(call('SECOND', '12:00:00.6')).toBe(1);
  });

  it('return blank for blank and #VALUE! for an impossible time', () => {
    expect(call('HOUR', null)).toBeNull();
    expect(call('HOUR', '25:00')).toBe(VALUE);
    expect(call('HOUR', '13:00 PM')).toBe(VALUE);
  });
});

describe('DATEDIF', () => {
  it("follows Excel's documented examples", () => {
    expect(call('DATEDIF', day(2001, 1, 1), day(2003, 1, 1), 'Y')).toBe(2);
    expect(call('DATEDIF', day(2001, 6, 1), day(2002, 8, 15), 'D')).toBe(440);
    expect(call('DATEDIF', day(2001, 6, 1), day(2002, 8, 15), 'YD')).toBe(75);
    expect(call('DATEDIF', day(2001, 6, 1), day(2002, 8, 15), 'MD')).toBe(14);
  });

  it('counts complete months and the months left over after whole years', () => {
    expect(call('DATEDIF', day(2001, 6, 1), day(2002, 8, 15), 'M')).toBe(14);
    expect(call('DATEDIF', day(2001, 6, 1), day(2002, 8, 15), 'YM')).toBe(2);
    expect(call('DATEDIF', day(2024, 1, 31), day(2024, 2, 29), 'M')).toBe(0);
    expect(call('DATEDIF', day(2024, 1, 31), day(2024, 3, 31), 'M')).toBe(2);
  });

  it('treats a February 29 birthday as not yet reached on February 28', () => {
    expect(call('DATEDIF', day(2020, 2, 29), day(2021, 2, 28), 'Y')).toBe(0);
    expect(call('DATEDIF', day(2020, 2, 29), day(2021, 3, 1), 'Y')).toBe(1);
    expect(call('DATEDIF', day(2020, 2, 29), day(2024, 2, 29), 'Y')).toBe(4);
  });

  it('reproduces the negative "MD" Excel gives when the start day is missing from the prior month', () => {
    expect(call('DATEDIF', day(2011, 1, 31), day(2011, 3, 1), 'MD')).toBe(-2);
    expect(call('DATEDIF', day(2011, 1, 15), day(2011, 3, 10), 'MD')).toBe(23);
  });

  it('accepts lower-case units, text dates and ignores the time of day', () => {
    expect(call('DATEDIF', '2024-01-01', '2025-06-30', 'y')).toBe(1);
    expect(call('DATEDIF', day(2024, 1, 1, 18), day(2024, 1, 2, 6), 'D')).toBe(1);
  });

  it('returns #NUM! when start is after end or the unit is unknown, and blank for a blank date', () => {
    expect(call('DATEDIF', day(2024, 1, 2), day(2024, 1, 1), 'D')).toBe(NUM);
    expect(call('DATEDIF', day(2024, 1, 1), day(2024, 2, 1), 'W')).toBe(NUM);
    expect(call('DATEDIF', null, day(2024, 2, 1), 'D')).toBeNull();
  });
});

describe('DAYS', () => {
  it("follows Excel's examples", () => {
    expect(call('DAYS', '15-MAR-2021', '1-FEB-2021')).toBe(42);
    expect(call('DAYS', day(2021, 12, 31), day(2021, 1, 1))).toBe(364);
  });

  it('is negative when end is before start, ignores times and is blank for a blank date', () => {
    expect(call('DAYS', day(2024, 2, 28), day(2024, 3, 1))).toBe(-2);
    expect(call('DAYS', day(2024, 3, 1, 1), day(2024, 2, 29, 23))).toBe(1);
    expect(call('DAYS', day(2024, 3, 1), null)).toBeNull();
  });
});

describe('DAYS360', () => {
  it("follows Excel's examples with the US method", () => {
    expect(call('DAYS360', day(2011, 1, 1), day(2011, 1, 30))).toBe(29);
    expect(call('DAYS360', day(2011, 1, 1), day(2011, 12, 31))).toBe(360);
    expect(call('DAYS360', day(2011, 1, 30), day(2011, 12, 31))).toBe(330);
  });

  it('counts the last day of February as the 30th for the US method', () => {
    expect(call('DAYS360', day(2011, 2, 28), day(2011, 3, 31))).toBe(30);
    expect(call('DAYS360', day(2011, 1, 31), day(2011, 2, 28))).toBe(28);
  });

  it('moves every 31st to the 30th with the European method', () => {
    expect(call('DAYS360', day(2011, 1, 1), day(2011, 12, 31), true)).toBe(359);
    expect(call('DAYS360', day(2011, 2, 28), day(2011, 3, 31), true)).toBe(32);
  });

  it('does not swap reversed dates, like Excel (−418, not −419)', () => {
    expect(call('DAYS360', day(2000, 3, 31), day(1999, 2, 2))).toBe(-418);
  });
});

describe('EDATE', () => {
  it("follows Excel's examples", () => {
    expect(call('EDATE', day(2011, 1, 15), 1)).toEqual(day(2011, 2, 15));
    expect(call('EDATE', day(2011, 1, 15), -1)).toEqual(day(2010, 12, 15));
    expect(call('EDATE', day(2011, 1, 15), 2)).toEqual(day(2011, 3, 15));
  });

  it("clamps to the target month's last day", () => {
    expect(call('EDATE', day(2024, 1, 31), 1)).toEqual(day(2024, 2, 29));
    expect(call('EDATE', day(2023, 1, 31), 1)).toEqual(day(2023, 2, 28));
    expect(call('EDATE', day(2024, 3, 31), -1)).toEqual(day(2024, 2, 29));
    expect(call('EDATE', day(2024, 2, 29), 12)).toEqual(day(2025, 2, 28));
  });

  it('drops the time of day and truncates fractional months', () => {
    expect(call('EDATE', day(2024, 1, 15, 13, 0), 1)).toEqual(day(2024, 2, 15));
    expect(call('EDATE', day(2024, 1, 15), 2.9)).toEqual(day(2024, 3, 15));
  });

  it('returns blank for a blank start, #VALUE! for bad months and #NUM! past year 9999', () => {
    expect(call('EDATE', null, 1)).toBeNull();
    expect(call('EDATE', day(2024, 1, 15), 'soon')).toBe(VALUE);
    expect(call('EDATE', day(9999, 12, 15), 1)).toBe(NUM);
  });
});

describe('EOMONTH', () => {
  it("follows Excel's examples", () => {
    expect(call('EOMONTH', day(2011, 1, 1), 1)).toEqual(day(2011, 2, 28));
    expect(call('EOMONTH', day(2011, 1, 1), -3)).toEqual(day(2010, 10, 31));
  });

  it('knows leap years and gives a midnight', () => {
    expect(call('EOMONTH', day(2024, 1, 15), 1)).toEqual(day(2024, 2, 29));
    expect(call('EOMONTH', day(2024, 1, 1, 15), 0)).toEqual(day(2024, 1, 31));
    expect(call('EOMONTH', '2023-12-05', 2)).toEqual(day(2024, 2, 29));
  });

  it('returns #NUM! past year 9999 and blank for a blank start', () => {
    expect(call('EOMONTH', day(9999, 12, 1), 1)).toBe(NUM);
    expect(call('EOMONTH', '', 1)).toBeNull();
  });
});

describe('WEEKDAY', () => {
  it("follows Excel's example for Thursday 2008-02-14", () => {
    expect(call('WEEKDAY', day(2008, 2, 14))).toBe(5);
    expect(call('WEEKDAY', day(2008, 2, 14), 2)).toBe(4);
    expect(call('WEEKDAY', day(2008, 2, 14), 3)).toBe(3);
  });

  it('supports return types 11 to 17, each starting the week on another day', () => {
    expect(call('WEEKDAY', day(2008, 2, 14), 11)).toBe(4);
    expect(call('WEEKDAY', day(2008, 2, 14), 12)).toBe(3);
    expect(call('WEEKDAY', day(2008, 2, 14), 14)).toBe(1);
    expect(call('WEEKDAY', day(2008, 2, 14), 17)).toBe(5);
  });

  it('numbers Sunday as 1 by default, 7 for type 2 and 6 for type 3', () => {
    expect(call('WEEKDAY', day(2026, 11, 22))).toBe(1);
    expect(call('WEEKDAY', day(2026, 11, 22), 2)).toBe(7);
    expect(call('WEEKDAY', day(2026, 11, 22), 3)).toBe(6);
  });

  it('returns #NUM! for other return types and treats a blank type as omitted', () => {
    expect(call('WEEKDAY', day(2008, 2, 14), 4)).toBe(NUM);
    expect(call('WEEKDAY', day(2008, 2, 14), 0)).toBe(NUM);
    expect(call('WEEKDAY', day(2008, 2, 14), null)).toBe(5);
    expect(call('WEEKDAY', null)).toBeNull();
  });
});

describe('WEEKNUM', () => {
  it("follows Excel's example for 2012-03-09", () => {
    expect(call('WEEKNUM', day(2012, 3, 9))).toBe(10);
    expect(call('WEEKNUM', day(2012, 3, 9), 2)).toBe(11);
  });

  it('starts week 2 on the first week-start day after January 1', () => {
    // 2026-01-01 is a Thursday: with Sunday weeks, Sunday 4 January begins week 2.
    expect(call('WEEKNUM', day(2026, 1, 3))).toBe(1);
    expect(call('WEEKNUM', day(2026, 1, 4))).toBe(2);
    expect(call('WEEKNUM', day(2026, 1, 5), 2)).toBe(2);
    expect(call('WEEKNUM', day(2026, 1, 2), 15)).toBe(2);
    expect(call('WEEKNUM', day(2026, 12, 31))).toBe(53);
  });

  it('uses ISO weeks for type 21 and rejects other types', () => {
    expect(call('WEEKNUM', day(2021, 1, 1))).toBe(1);
    expect(call('WEEKNUM', day(2021, 1, 1), 21)).toBe(53);
    expect(call('WEEKNUM', day(2012, 3, 9), 3)).toBe(NUM);
  });
});

describe('ISOWEEKNUM', () => {
  it("follows Excel's example and the ISO year boundaries", () => {
    expect(call('ISOWEEKNUM', day(2012, 3, 9))).toBe(10);
    expect(call('ISOWEEKNUM', day(2020, 12, 31))).toBe(53);
    expect(call('ISOWEEKNUM', day(2021, 1, 4))).toBe(1);
    expect(call('ISOWEEKNUM', day(2024, 12, 30))).toBe(1);
    expect(call('ISOWEEKNUM', '')).toBeNull();
  });
});

describe('NETWORKDAYS', () => {
  it("follows Excel's examples", () => {
    expect(call('NETWORKDAYS', day(2012, 10, 1), day(2013, 3, 1))).toBe(110);
    expect(call('NETWORKDAYS', day(2012, 10, 1), day(2013, 3, 1), day(2012, 11, 22))).toBe(109);
    const holidays = [day(2012, 11, 22), day(2012, 12, 4), day(2013, 1, 21)];
    expect(call('NETWORKDAYS', day(2012, 10, 1), day(2013, 3, 1), holidays)).toBe(107);
  });

  it('counts negatively when start is after end', () => {
    expect(call('NETWORKDAYS', day(2013, 3, 1), day(2012, 10, 1))).toBe(-110);
  });

  it('counts both ends, and nothing for a weekend day', () => {
    expect(call('NETWORKDAYS', day(2024, 3, 1), day(2024, 3, 1))).toBe(1);
    expect(call('NETWORKDAYS', day(2024, 3, 2), day(2024, 3, 3))).toBe(0);
    expect(call('NETWORKDAYS', day(2024, 3, 1), day(2024, 3, 4))).toBe(2);
  });

  it('ignores weekend, duplicate and blank holidays and reads holiday text', () => {
    const holidays = [day(2024, 3, 2), '2024-03-04', day(2024, 3, 4), null];
    expect(call('NETWORKDAYS', day(2024, 3, 1), day(2024, 3, 8), holidays)).toBe(5);
  });

  it('returns blank for a blank date and #VALUE! for a holiday that is not a date', () => {
    expect(call('NETWORKDAYS', day(2024, 3, 1), null)).toBeNull();
    expect(call('NETWORKDAYS', day(2024, 3, 1), day(2024, 3, 8), ['someday'])).toBe(VALUE);
  });
});

describe('NETWORKDAYS.INTL', () => {
  it("follows Excel's examples", () => {
    expect(call('NETWORKDAYS.INTL', day(2006, 1, 1), day(2006, 1, 31))).toBe(22);
    expect(call('NETWORKDAYS.INTL', day(2006, 2, 28), day(2006, 1, 31))).toBe(-21);
    const holidays = ['2006/1/2', '2006/1/16'];
    expect(call('NETWORKDAYS.INTL', day(2006, 1, 1), day(2006, 2, 1), 7, holidays)).toBe(22);
    expect(call('NETWORKDAYS.INTL', day(2006, 1, 1), day(2006, 2, 1), '0010001', holidays)).toBe(20);
  });

  it('supports single-day weekends and rejects unknown weekend codes', () => {
    expect(call('NETWORKDAYS.INTL', day(2024, 3, 1), day(2024, 3, 7), 11)).toBe(6);
    expect(call('NETWORKDAYS.INTL', day(2024, 3, 1), day(2024, 3, 7), 8)).toBe(NUM);
    expect(call('NETWORKDAYS.INTL', day(2024, 3, 1), day(2024, 3, 7), '1111111')).toBe(VALUE);
    expect(call('NETWORKDAYS.INTL', day(2024, 3, 1), day(2024, 3, 7), '00011')).toBe(VALUE);
  });
});

describe('WORKDAY', () => {
  it("follows Excel's examples", () => {
    expect(call('WORKDAY', day(2008, 10, 1), 151)).toEqual(day(2009, 4, 30));
    const holidays = [day(2008, 11, 26), day(2008, 12, 4), day(2009, 1, 21)];
    expect(call('WORKDAY', day(2008, 10, 1), 151, holidays)).toEqual(day(2009, 5, 5));
  });

  it('skips weekends forwards and backwards, and returns the start itself for 0 days', () => {
    expect(call('WORKDAY', day(2024, 3, 1), 1)).toEqual(day(2024, 3, 4));
    expect(call('WORKDAY', day(2024, 3, 4), -1)).toEqual(day(2024, 3, 1));
    expect(call('WORKDAY', day(2024, 3, 2), 1)).toEqual(day(2024, 3, 4));
    expect(call('WORKDAY', day(2024, 3, 2), 0)).toEqual(day(2024, 3, 2));
    expect(call('WORKDAY', day(2024, 3, 1), 10)).toEqual(day(2024, 3, 15));
  });

  it('steps over holidays, including the one it would land on', () => {
    expect(call('WORKDAY', day(2024, 3, 1), 1, day(2024, 3, 4))).toEqual(day(2024, 3, 5));
    expect(call('WORKDAY', day(2024, 3, 5), -1, [day(2024, 3, 4), day(2024, 3, 1)])).toEqual(
      day(2024, 2, 29),
    );
    expect(call('WORKDAY', day(2024, 3, 1), 2, [day(2024, 3, 4), day(2024, 3, 5)])).toEqual(day(2024, 3, 7));
  });

  it('returns #NUM! when the result leaves the calendar and blank for a blank start', () => {
    expect(call('WORKDAY', day(2024, 3, 1), 1e7)).toBe(NUM);
    expect(call('WORKDAY', day(9999, 12, 31), 1)).toBe(NUM);
    expect(call('WORKDAY', null, 5)).toBeNull();
  });
});

describe('WORKDAY.INTL', () => {
  it("follows Excel's examples", () => {
    expect(call('WORKDAY.INTL', day(2012, 1, 1), 30, 0)).toBe(NUM);
    expect(call('WORKDAY.INTL', day(2012, 1, 1), 90, 11)).toEqual(day(2012, 4, 14));
    expect(call('WORKDAY.INTL', day(2012, 1, 1), 30, 17)).toEqual(day(2012, 2, 5));
  });

  it('accepts a weekend string counted from Monday', () => {
    // Friday and Saturday off: from Thursday 2024-03-07, one working day later is Sunday the 10th.
    expect(call('WORKDAY.INTL', day(2024, 3, 7), 1, '0000110')).toEqual(day(2024, 3, 10));
  });
});

describe('DATEVALUE', () => {
  it("follows Excel's examples and returns a date", () => {
    expect(call('DATEVALUE', '22-MAY-2011')).toEqual(day(2011, 5, 22));
    expect(call('DATEVALUE', '2011/02/23')).toEqual(day(2011, 2, 23));
    expect(call('DATEVALUE', 'May 22, 2011')).toEqual(day(2011, 5, 22));
  });

  it('drops a time and reads Chinese dates', () => {
    expect(call('DATEVALUE', '2024-02-29 13:45')).toEqual(day(2024, 2, 29));
    expect(call('DATEVALUE', '2024年2月29日')).toEqual(day(2024, 2, 29));
  });

  it('returns #VALUE! for text that is not a date and blank for blank', () => {
    expect(call('DATEVALUE', '31-Foo-2011')).toBe(VALUE);
    expect(call('DATEVALUE', '2024-13-01')).toBe(VALUE);
    expect(call('DATEVALUE', '')).toBeNull();
  });
});

describe('TIMEVALUE', () => {
  it("follows Excel's examples", () => {
    expect(call('TIMEVALUE', '2:24 AM')).toBeCloseTo(0.1, 12);
    expect(call('TIMEVALUE', '22-Aug-2011 6:35 AM')).toBeCloseTo(0.274305556, 9);
  });

  it('reads 24-hour times, noon and midnight, and gives 0 for a date alone', () => {
    expect(call('TIMEVALUE', '18:00')).toBe(0.75);
    expect(call('TIMEVALUE', '12:00 PM')).toBe(0.5);
    expect(call('TIMEVALUE', '12:00 AM')).toBe(0);
    expect(call('TIMEVALUE', '2024-02-29')).toBe(0);
  });

  it('returns #VALUE! for text that is not a time', () => {
    expect(call('TIMEVALUE', 'noonish')).toBe(VALUE);
  });
});

describe('YEARFRAC', () => {
  it("follows Excel's examples for 2012-01-01 to 2012-07-30", () => {
    expect(call('YEARFRAC', day(2012, 1, 1), day(2012, 7, 30))).toBeCloseTo(0.58055556, 8);
    expect(call('YEARFRAC', day(2012, 1, 1), day(2012, 7, 30), 1)).toBeCloseTo(0.57650273, 8);
    expect(call('YEARFRAC', day(2012, 1, 1), day(2012, 7, 30), 3)).toBeCloseTo(0.57808219, 8);
  });

  it('supports actual/360 and European 30/360', () => {
    expect(call('YEARFRAC', day(2012, 1, 1), day(2012, 7, 30), 2)).toBeCloseTo(211 / 360, 12);
    expect(call('YEARFRAC', day(2012, 1, 31), day(2012, 7, 31), 4)).toBeCloseTo(0.5, 12);
  });

  it('averages year lengths over spans longer than a year with basis 1', () => {
    const expected = 941 / ((365 + 365 + 366) / 3);
    expect(call('YEARFRAC', day(2010, 1, 1), day(2012, 7, 30), 1)).toBeCloseTo(expected, 12);
  });

  it('counts 366 days when a February 29 lies inside a span of at most a year', () => {
    expect(call('YEARFRAC', day(2011, 6, 1), day(2012, 3, 1), 1)).toBeCloseTo(274 / 366, 12);
    expect(call('YEARFRAC', day(2012, 6, 1), day(2013, 3, 1), 1)).toBeCloseTo(273 / 365, 12);
  });

  it('treats two February month ends as the 30th with basis 0', () => {
    expect(call('YEARFRAC', day(2011, 2, 28), day(2012, 2, 29))).toBe(1);
  });

  it('is the same in either order and returns #NUM! for an unknown basis', () => {
    expect(call('YEARFRAC', day(2012, 7, 30), day(2012, 1, 1), 3)).toBeCloseTo(0.57808219, 8);
    expect(call('YEARFRAC', day(2012, 1, 1), day(2012, 7, 30), 5)).toBe(NUM);
  });
});

describe('DATEADD', () => {
  it('adds calendar months and years, clamping to the month end like EDATE', () => {
    expect(call('DATEADD', day(2024, 1, 31), 1, 'month')).toEqual(day(2024, 2, 29));
    expect(call('DATEADD', day(2024, 2, 29), 1, 'years')).toEqual(day(2025, 2, 28));
    expect(call('DATEADD', day(2024, 1, 31), 1, '月')).toEqual(day(2024, 2, 29));
    expect(call('DATEADD', day(2024, 1, 31), 1.5, 'years')).toEqual(day(2025, 7, 31));
    expect(call('DATEADD', day(2024, 1, 31), -1, '季度')).toEqual(day(2023, 10, 31));
  });

  it('adds exact weeks, days, hours, minutes and seconds, keeping the time of day', () => {
    expect(call('DATEADD', day(2024, 3, 1), -1, 'days')).toEqual(day(2024, 2, 29));
    expect(call('DATEADD', day(2024, 3, 1), 2, '周')).toEqual(day(2024, 3, 15));
    expect(call('DATEADD', day(2024, 3, 1, 10, 30), 90, 'minutes')).toEqual(day(2024, 3, 1, 12, 0));
    expect(call('DATEADD', day(2024, 3, 1), 1.5, '小时')).toEqual(day(2024, 3, 1, 1, 30));
    expect(call('DATEADD', day(2024, 3, 1, 10, 30), 1, 'months')).toEqual(day(2024, 4, 1, 10, 30));
    expect(call('DATEADD', '2024-03-01', '45', 'Seconds')).toEqual(day(2024, 3, 1, 0, 0, 45));
  });

  it('returns #NUM! for an unknown unit or a result past year 9999, and blank for a blank date', () => {
    expect(call('DATEADD', day(2024, 3, 1), 1, 'fortnight')).toBe(NUM);
    expect(call('DATEADD', day(9999, 12, 31), 1, 'day')).toBe(NUM);
    expect(call('DATEADD', day(2024, 3, 1), 1e300, 'months')).toBe(NUM);
    expect(call('DATEADD', null, 1, 'days')).toBeNull();
  });
});

describe('DATETIME_DIFF', () => {
  it('subtracts the second date from the first in the given unit', () => {
    expect(call('DATETIME_DIFF', day(2024, 3, 10), day(2024, 3, 1), 'days')).toBe(9);
    expect(call('DATETIME_DIFF', day(2024, 3, 1), day(2024, 3, 10), 'day')).toBe(-9);
    expect(call('DATETIME_DIFF', day(2024, 3, 15), day(2024, 3, 1), '周')).toBe(2);
    expect(call('DATETIME_DIFF', day(2024, 3, 1, 0, 1), day(2024, 3, 1), '秒')).toBe(60);
  });

  it('truncates toward zero and never returns −0', () => {
    expect(call('DATETIME_DIFF', day(2024, 3, 2, 11), day(2024, 3, 1, 12), 'days')).toBe(0);
    expect(call('DATETIME_DIFF', day(2024, 3, 2, 11), day(2024, 3, 1, 12), 'hours')).toBe(23);
    expect(call('DATETIME_DIFF', day(2024, 3, 1), day(2024, 3, 2, 12), '天')).toBe(-1);
    expect(call('DATETIME_DIFF', day(2024, 3, 1), day(2024, 3, 1, 12), 'days')).toBe(0);
  });

  it('counts calendar months and years the way DATEADD adds them', () => {
    expect(call('DATETIME_DIFF', day(2024, 2, 29), day(2024, 1, 31), 'months')).toBe(1);
    expect(call('DATETIME_DIFF', day(2024, 2, 28), day(2024, 1, 31), 'months')).toBe(0);
    expect(call('DATETIME_DIFF', day(2024, 1, 31), day(2024, 3, 31), 'months')).toBe(-2);
    expect(call('DATETIME_DIFF', day(2025, 1, 15), day(2024, 1, 16), 'years')).toBe(0);
    expect(call('DATETIME_DIFF', day(2025, 1, 16), day(2024, 1, 16), '年')).toBe(1);
  });

  it('returns #NUM! for an unknown unit and blank for a blank date', () => {
    expect(call('DATETIME_DIFF', day(2024, 3, 1), day(2024, 2, 1), 'eons')).toBe(NUM);
    expect(call('DATETIME_DIFF', day(2024, 3, 1), '', 'days')).toBeNull();
  });
});
