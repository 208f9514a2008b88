// Auto-number texts and counter keys: prefix + creation date in the user's zone + zero-padded sequence.
import { describe, expect, it } from 'vitest';
import { autoNumberKey, formatAutoNumber } from '../../../src/engine';

// 2026-11-21 23:30 UTC is already 2026-11-22 in Shanghai.
const CREATED = Date.UTC(2026, 10, 21, 23, 30);

describe('auto numbers', () => {
  it('joins prefix, the creation day in the zone and the padded sequence', () => {
    const field = { prefix: 'KH-', dateFormat: 'yyyyMMdd' as const, digits: 4 };
    expect(formatAutoNumber(field, 7, CREATED, 'Asia/Shanghai')).toBe('KH-20261122-0007');
    expect(formatAutoNumber(field, 7, CREATED, 'UTC')).toBe('KH-20261121-0007');
    expect(formatAutoNumber({ dateFormat: 'none', digits: 3 }, 12345, CREATED)).toBe('12345');
    expect(formatAutoNumber({ dateFormat: 'yyyyMM', digits: 2 }, 3, CREATED)).toBe('202611-03');
  });

  it('keeps one counter per field, or one per period when it restarts with the date', () => {
    const base = { id: 'f', dateFormat: 'yyyy' as const };
    expect(autoNumberKey('t', base, CREATED)).toBe('t/f');
    expect(autoNumberKey('t', { ...base, resetWithDate: true }, CREATED)).toBe('t/f/2026');
  });
});
