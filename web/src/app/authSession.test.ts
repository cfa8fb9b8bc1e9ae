// Proves the stored guest session is dropped once its token expires (P-AUTH-1).
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../sync/storage';
import { AUTH_SESSION_KEY, AuthSessionStore, isExpired } from './authSession';

const session = { userId: 'u_1', displayName: 'Ada', token: 't', expiresAt: '2030-01-01T00:00:00Z' };
const at = (iso: string) => () => Date.parse(iso);

describe('AuthSessionStore', () => {
  it('returns a saved session until shortly before it expires', () => {
    const storage = new MemoryStorage();
    new AuthSessionStore(storage).save(session);
    expect(new AuthSessionStore(storage, at('2029-12-31T23:00:00Z')).current()).toEqual(session);
    expect(new AuthSessionStore(storage, at('2029-12-31T23:59:30Z')).current()).toBeNull();
    expect(new AuthSessionStore(storage, at('2031-01-01T00:00:00Z')).lastDisplayName()).toBe('Ada');
  });

  it('treats corrupt or cleared entries as no session', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTH_SESSION_KEY, '{"userId":1}');
    expect(new AuthSessionStore(storage).current()).toBeNull();
    const store = new AuthSessionStore(storage, at('2020-01-01T00:00:00Z'));
    store.save(session);
    store.clear();
    expect(store.current()).toBeNull();
    expect(store.lastDisplayName()).toBe('Ada');
  });

  it('keeps the username of a password account across a refresh of the same user, and forgets all on deletion', () => {
    const storage = new MemoryStorage();
    const store = new AuthSessionStore(storage, at('2020-01-01T00:00:00Z'));
    store.save({ ...session, username: 'ada' });
    store.save({ ...session, token: 't2' });
    expect(store.current()).toEqual({ ...session, token: 't2', username: 'ada' });
    store.save({ ...session, userId: 'u_2' });
    expect(store.current()?.username).toBeUndefined();

    store.forget();
    expect(store.current()).toBeNull();
    expect(store.lastDisplayName()).toBe('');
  });

  it('treats an unparsable expiry as expired', () => {
    expect(isExpired({ ...session, expiresAt: 'soon' }, 0)).toBe(true);
  });
});
