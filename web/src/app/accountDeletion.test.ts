// Proves what the account deletion dialog asks for before it may send DELETE /api/me (P-ACCT-4),
// and that a deleted user's queued offline edits are all forgotten while other state stays.
import { describe, expect, it } from 'vitest';
import { CLIENT_SEQ_KEY_PREFIX, PENDING_KEY_PREFIX } from '../sync/pendingQueue';
import { MemoryStorage } from '../sync/storage';
import { clearPendingEdits, confirmsDeletion } from './accountDeletion';

const guest = { userId: 'u_1', displayName: 'Ada Lovelace', token: 't', expiresAt: '2030-01-01T00:00:00Z' };
const member = { ...guest, username: 'ada.l' };

describe('confirmsDeletion', () => {
  it('asks a guest for the display name only, typed exactly (surrounding spaces aside)', () => {
    expect(confirmsDeletion({ displayName: 'Ada Lovelace', username: '' }, guest)).toBe(true);
    expect(confirmsDeletion({ displayName: '  Ada Lovelace ', username: '' }, guest)).toBe(true);
    expect(confirmsDeletion({ displayName: 'ada lovelace', username: '' }, guest)).toBe(false);
    expect(confirmsDeletion({ displayName: 'Ada', username: '' }, guest)).toBe(false);
  });

  it('asks a password account for its username too, compared as the server cleans it', () => {
    expect(confirmsDeletion({ displayName: 'Ada Lovelace', username: '' }, member)).toBe(false);
    expect(confirmsDeletion({ displayName: 'Ada Lovelace', username: 'ada' }, member)).toBe(false);
    expect(confirmsDeletion({ displayName: 'Ada Lovelace', username: ' Ada.L ' }, member)).toBe(true);
    expect(confirmsDeletion({ displayName: 'Ada', username: 'ada.l' }, member)).toBe(false);
  });
});

describe('clearPendingEdits', () => {
  it('removes every queue of edits and nothing else, not even the edit counters', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${PENDING_KEY_PREFIX}room1.c1`, '{}');
    storage.setItem(`${PENDING_KEY_PREFIX}room2.c2`, '{}');
    storage.setItem(`${CLIENT_SEQ_KEY_PREFIX}c1`, '{}');
    storage.setItem('studyrooms.sprint.prefs.v1', '{}');

    expect(clearPendingEdits(storage)).toBe(2);

    expect(storage.length).toBe(2);
    expect(storage.getItem(`${CLIENT_SEQ_KEY_PREFIX}c1`)).toBe('{}');
    expect(storage.getItem('studyrooms.sprint.prefs.v1')).toBe('{}');
  });
});
