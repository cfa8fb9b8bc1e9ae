import { describe, expect, it } from 'vitest';
import { FIRST_Z_KEY, isValidKey, keyBetween, keysBetween } from './fractionalIndex';

describe('fractional index keys (P-EL-3)', () => {
  it('starts an empty board at a0 and orders keys as plain strings', () => {
    expect(keyBetween(null, null)).toBe(FIRST_Z_KEY);
    const above = keyBetween('a0', null);
    const below = keyBetween(null, 'a0');
    expect(below < 'a0' && 'a0' < above).toBe(true);
  });

  it('always finds a key strictly between two neighbours', () => {
    let low = 'a0';
    const high = 'a1';
    for (let i = 0; i < 200; i++) {
      const mid = keyBetween(low, high);
      expect(mid > low && mid < high).toBe(true);
      expect(isValidKey(mid)).toBe(true);
      low = mid;
    }
  });

  it('keeps keys short when appending ten thousand elements', () => {
    const keys = keysBetween(null, null, 10_000);
    for (let i = 1; i < keys.length; i++) expect((keys[i - 1] ?? '') < (keys[i] ?? '')).toBe(true);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4);
    for (const key of keys) expect(key).toMatch(/^[0-9A-Za-z]{1,64}$/);
  });

  it('refuses keys in the wrong order', () => {
    expect(() => keyBetween('a1', 'a0')).toThrow();
    expect(isValidKey('a10')).toBe(false);
    expect(isValidKey('!')).toBe(false);
  });
});
