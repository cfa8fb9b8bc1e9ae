// Keeps the signed-in session's token fresh (P-AUTH-3): refreshed half-way through its lifetime,
// so an open page never meets an expired token. Hub connections read the token on every (re)connect.
import type { SessionResult } from '../protocol';
import type { AuthSession, AuthSessionStore } from './authSession';

/** How often the refresher looks at the session (also catches up after the computer slept). */
export const SESSION_CHECK_INTERVAL_MS = 60_000;
/** Without a readable lifetime in the token, refresh this long before `expiresAt`. */
export const REFRESH_FALLBACK_BEFORE_MS = 5 * 60_000;

/** When `session` should be refreshed: half-way between its token's `iat` and `exp`. */
export function refreshDueAt(session: AuthSession): number {
  const lifetime = tokenLifetime(session.token);
  if (lifetime !== null) return (lifetime.issuedAt + (lifetime.expires - lifetime.issuedAt) / 2) * 1000;
  return Date.parse(session.expiresAt) - REFRESH_FALLBACK_BEFORE_MS;
}

/** The `iat` and `exp` claims (seconds) of a JWT, or null when it cannot be read. */
export function tokenLifetime(token: string): { issuedAt: number; expires: number } | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const value: unknown = JSON.parse(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)));
    if (typeof value !== 'object' || value === null) return null;
    const { iat, exp } = value as { iat?: unknown; exp?: unknown };
    return typeof iat === 'number' && typeof exp === 'number' && exp > iat ? { issuedAt: iat, expires: exp } : null;
  } catch {
    // Not a JWT we can read: the caller falls back to `expiresAt`.
    return null;
  }
}

/** What one check did. */
export type RefreshOutcome = 'noSession' | 'notDue' | 'refreshed' | 'failed' | 'superseded';

/** Refreshes the stored session when due; `start` checks now and every minute. */
export class SessionRefresher {
  private timer: ReturnType<typeof setInterval> | null = null;
  private inFlight: Promise<RefreshOutcome> | null = null;

  constructor(
    private readonly store: AuthSessionStore,
    private readonly refresh: (token: string) => Promise<SessionResult>,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    if (this.timer !== null) return;
    void this.refreshIfDue();
    this.timer = setInterval(() => void this.refreshIfDue(), SESSION_CHECK_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Refreshes the session if half its lifetime has passed; one refresh at a time. */
  refreshIfDue(): Promise<RefreshOutcome> {
    this.inFlight ??= this.check().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async check(): Promise<RefreshOutcome> {
    const session = this.store.current();
    if (session === null) return 'noSession';
    if (this.now() < refreshDueAt(session)) return 'notDue';
    let fresh: SessionResult;
    try {
      fresh = await this.refresh(session.token);
    } catch (error) {
      // Offline or refused: the current token stays until it expires; the next check tries again.
      console.warn('StudyRooms: could not refresh the session', error);
      return 'failed';
    }
    // Signed in again or out meanwhile: that session wins.
    if (this.store.current()?.token !== session.token || fresh.userId !== session.userId) return 'superseded';
    this.store.save(fresh);
    return 'refreshed';
  }
}
