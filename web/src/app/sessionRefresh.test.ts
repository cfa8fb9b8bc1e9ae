// Proves the client refreshes its token half-way through its lifetime and never loses a session to a
// failed or overtaken refresh (P-AUTH-3).
import { describe, expect, it } from 'vitest';
import type { SessionResult } from '../protocol';
import { MemoryStorage } from '../sync/storage';
import { AuthSessionStore } from './authSession';
import { REFRESH_FALLBACK_BEFORE_MS, SessionRefresher, refreshDueAt, tokenLifetime } from './sessionRefresh';

/** An unsigned JWT-shaped token with the given claims (the client never checks signatures). */
function jwt(claims: object): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.sig`;
}

const issuedAt = Date.parse('2030-01-01T00:00:00Z') / 1000;
const lifetimeS = 7 * 24 * 3600;
const session = (iat: number, name = 'Ada'): SessionResult => ({
  userId: 'u_1',
  displayName: name,
  token: jwt({ sub: 'u_1', name, iat, exp: iat + lifetimeS }),
  expiresAt: new Date((iat + lifetimeS) * 1000).toISOString(),
});

describe('refreshDueAt', () => {
  it('is half-way through the token lifetime', () => {
    expect(refreshDueAt(session(issuedAt))).toBe((issuedAt + lifetimeS / 2) * 1000);
    expect(tokenLifetime(session(issuedAt).token)).toEqual({ issuedAt, expires: issuedAt + lifetimeS });
  });

  it('falls back to shortly before expiresAt for a token it cannot read', () => {
    const opaque = { ...session(issuedAt), token: 'not-a-jwt' };
    expect(refreshDueAt(opaque)).toBe(Date.parse(opaque.expiresAt) - REFRESH_FALLBACK_BEFORE_MS);
    expect(tokenLifetime('a.%%%.c')).toBeNull();
  });
});

describe('SessionRefresher', () => {
  const dueMs = (issuedAt + lifetimeS / 2) * 1000;

  it('refreshes only once due, and saves the fresh session', async () => {
    let now = dueMs - 1000;
    const store = new AuthSessionStore(new MemoryStorage(), () => now);
    store.save(session(issuedAt));
    const asked: string[] = [];
    const fresh = session(issuedAt + lifetimeS / 2);
    const refresher = new SessionRefresher(store, (token) => (asked.push(token), Promise.resolve(fresh)), () => now);

    expect(await refresher.refreshIfDue()).toBe('notDue');
    now = dueMs;
    expect(await refresher.refreshIfDue()).toBe('refreshed');
    expect(asked).toEqual([session(issuedAt).token]);
    expect(store.current()).toEqual(fresh);
    expect(await refresher.refreshIfDue()).toBe('notDue');
  });

  it('keeps the session when the refresh fails, and tries again next time', async () => {
    const store = new AuthSessionStore(new MemoryStorage(), () => dueMs);
    store.save(session(issuedAt));
    let fail = true;
    const fresh = session(issuedAt + lifetimeS / 2);
    const refresher = new SessionRefresher(store, () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(fresh)), () => dueMs);

    expect(await refresher.refreshIfDue()).toBe('failed');
    expect(store.current()).toEqual(session(issuedAt));
    fail = false;
    expect(await refresher.refreshIfDue()).toBe('refreshed');
    expect(store.current()).toEqual(fresh);
  });

  it('does not overwrite a session that changed while the refresh was in flight', async () => {
    const store = new AuthSessionStore(new MemoryStorage(), () => dueMs);
    store.save(session(issuedAt));
    const other = session(issuedAt + 10, 'Bea');
    const refresher = new SessionRefresher(store, () => {
      store.save(other);
      return Promise.resolve(session(issuedAt + lifetimeS / 2));
    }, () => dueMs);

    expect(await refresher.refreshIfDue()).toBe('superseded');
    expect(store.current()).toEqual(other);
  });

  it('does nothing without a session', async () => {
    const store = new AuthSessionStore(new MemoryStorage(), () => dueMs);
    const refresher = new SessionRefresher(store, () => Promise.reject(new Error('not called')), () => dueMs);
    expect(await refresher.refreshIfDue()).toBe('noSession');
  });
});
