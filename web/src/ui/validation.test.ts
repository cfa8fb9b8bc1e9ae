// Proves the client refuses what the server would (P-AUTH-2, P-ROOM-1) and trims the rest.
import { describe, expect, it } from 'vitest';
import { validDisplayName, validRoomName, validTopic } from './validation';

describe('validation', () => {
  it('trims and bounds display names', () => {
    expect(validDisplayName('  Ada ')).toBe('Ada');
    expect(validDisplayName('   ')).toBeNull();
    expect(validDisplayName('x'.repeat(41))).toBeNull();
    expect(validDisplayName('A\u0007da')).toBeNull();
  });

  it('bounds room names and topics', () => {
    expect(validRoomName('Calculus')).toBe('Calculus');
    expect(validRoomName('')).toBeNull();
    expect(validRoomName('x'.repeat(81))).toBeNull();
    expect(validTopic('')).toBe('');
    expect(validTopic('x'.repeat(81))).toBeNull();
  });
});
