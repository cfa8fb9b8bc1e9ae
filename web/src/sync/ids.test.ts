// Proves generated ids fit the protocol's id rule (P-OPS-4, P-JOIN-1).
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../protocol';
import { newClientId, newElementId, randomId } from './ids';

describe('ids', () => {
  it('match the protocol id pattern', () => {
    for (let i = 0; i < 50; i++) {
      expect(newElementId()).toMatch(ID_PATTERN);
      expect(newClientId()).toMatch(ID_PATTERN);
    }
  });

  it('use every byte value of the alphabet', () => {
    const id = randomId('', 4, (bytes) => bytes.set([0, 63, 64, 255]));
    expect(id).toBe('A_A_');
  });
});
