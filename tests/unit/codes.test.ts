// Administrative codes: 9-digit street, 12-digit community, 15-digit grid (DB11/T 2157-2023).
import { describe, expect, it } from 'vitest';
import {
  communityOfGridCode,
  displayGridCode,
  formatGridCode,
  isValidCommunityCode,
  isValidGridCode,
  isValidStreetCode,
  parseGridCode,
} from '../../src/domain/codes.ts';

describe('parseGridCode', () => {
  it('splits a grid code into district, street, community and sequence', () => {
    expect(parseGridCode('110106012003004')).toEqual({
      district: '110106',
      street: '012',
      community: '003',
      sequence: 4,
    });
  });

  it('reads a three-digit sequence', () => {
    expect(parseGridCode('110106012003999')?.sequence).toBe(999);
  });

  it.each([
    ['', 'empty'],
    ['11010601200300', '14 digits'],
    ['1101060120030040', '16 digits'],
    ['110106012003000', 'sequence 000'],
    ['11010601200300a', 'a letter'],
    [' 110106012003004', 'a leading space'],
    ['110106012003004\n', 'a trailing newline'],
    ['１１０１０６０１２００３００４', 'full-width digits'],
    ['110106-012-003-004', 'separators'],
  ])('rejects %j (%s)', (code) => {
    expect(parseGridCode(code)).toBeNull();
    expect(isValidGridCode(code)).toBe(false);
  });

  it('accepts a valid code', () => {
    expect(isValidGridCode('110106012003001')).toBe(true);
  });
});

describe('formatGridCode', () => {
  it('pads the sequence to three digits', () => {
    expect(formatGridCode('110106012003', 4)).toBe('110106012003004');
    expect(formatGridCode('110106012003', 42)).toBe('110106012003042');
    expect(formatGridCode('110106012003', 999)).toBe('110106012003999');
  });

  it('round-trips with parseGridCode and communityOfGridCode', () => {
    const code = formatGridCode('110106012003', 17);
    expect(parseGridCode(code)?.sequence).toBe(17);
    expect(communityOfGridCode(code)).toBe('110106012003');
  });

  it.each([
    ['11010601200', 1],
    ['1101060120030', 1],
    ['11010601200a', 1],
    ['110106012003', 0],
    ['110106012003', 1000],
    ['110106012003', 1.5],
    ['110106012003', -1],
    ['110106012003', Number.NaN],
  ])('throws a RangeError for community %j, sequence %j', (community, sequence) => {
    expect(() => formatGridCode(community, sequence)).toThrow(RangeError);
  });
});

describe('street and community codes', () => {
  it('accepts 9-digit street codes only', () => {
    expect(isValidStreetCode('110106012')).toBe(true);
    expect(isValidStreetCode('11010601')).toBe(false);
    expect(isValidStreetCode('1101060120')).toBe(false);
    expect(isValidStreetCode('11010601x')).toBe(false);
    expect(isValidStreetCode('')).toBe(false);
  });

  it('accepts 12-digit community codes only', () => {
    expect(isValidCommunityCode('110106012003')).toBe(true);
    expect(isValidCommunityCode('11010601200')).toBe(false);
    expect(isValidCommunityCode('110106012003004')).toBe(false);
    expect(isValidCommunityCode('110106012 03')).toBe(false);
  });
});

describe('displayGridCode', () => {
  it('groups a grid code for reading', () => {
    expect(displayGridCode('110106012003004')).toBe('110106 012 003 004');
  });

  it('leaves anything else as it is', () => {
    expect(displayGridCode('abc')).toBe('abc');
    expect(displayGridCode('110106012003000')).toBe('110106012003000');
  });
});
