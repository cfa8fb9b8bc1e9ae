import { describe, expect, it } from 'vitest';
import { DELETED_USER_ID } from '../protocol';
import { authorLabel } from './authorLabel';
import { strings } from './strings';

describe('authorLabel (P-ACCT-4)', () => {
  it('names a deleted user with the localized label, whatever name the server sent', () => {
    expect(authorLabel(DELETED_USER_ID, 'Deleted user')).toBe(strings.deletedUser);
    expect(authorLabel(DELETED_USER_ID, '')).toBe(strings.deletedUser);
  });

  it('keeps everyone else\'s display name', () => {
    expect(authorLabel('u_abc', 'Ada')).toBe('Ada');
  });
});
