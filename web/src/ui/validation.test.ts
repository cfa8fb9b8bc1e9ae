// Proves the client refuses what the server would (P-AUTH-2, P-ROOM-1) and trims the rest.
import { describe, expect, it } from 'vitest';
import { validDisplayName, validPassword, validRoomName, validTopic, validUsername } from './validation';

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

describe('account fields (P-ACCT-1)', () => {
  it('takes usernames as the server compares them', () => {
    expect(validUsername('  Ada.Lovelace ')).toBe('ada.lovelace');
    expect(validUsername('ab')).toBeNull();
    expect(validUsername('has space')).toBeNull();
    expect(validUsername('x'.repeat(33))).toBeNull();
  });

  it('wants passwords of 8 to 128 characters that are not the username', () => {
    expect(validPassword('correct horse', 'ada')).toBe(true);
    expect(validPassword('short', 'ada')).toBe(false);
    expect(validPassword('x'.repeat(129), 'ada')).toBe(false);
    expect(validPassword('Ada.Lovelace', 'ada.lovelace')).toBe(false);
  });
});
