// The guest identity of this browser (P-AUTH-1), kept in localStorage.
import type { SessionResult } from '../protocol';
import type { StorageLike } from '../sync/storage';

/** Storage key of the guest session. */
export const AUTH_SESSION_KEY = 'studyrooms.session.v1';
/** Storage key of the last display name, kept when the session goes so the prompt can offer it. */
export const LAST_DISPLAY_NAME_KEY = 'studyrooms.displayName.v1';
/** A token this close to expiry is treated as expired, so a join does not fail half-way. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;

/**
 * The stored session; `username` when it came from a password account here (sign-in or sign-up),
 * because deleting the user must name the account too (P-ACCT-4).
 */
export type AuthSession = SessionResult & { readonly username?: string };

/** Whether the session's token is expired (or about to be) at `now`. */
export function isExpired(session: AuthSession, now: number): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return !Number.isFinite(expiresAt) || expiresAt - TOKEN_EXPIRY_MARGIN_MS <= now;
}

/** Reads and writes the guest session. */
export class AuthSessionStore {
  /** The session when storage refused it: lasts as long as the page. */
  private memory: AuthSession | null = null;

  constructor(
    private readonly storage: StorageLike,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored session, or null when there is none or its token expired. */
  current(): AuthSession | null {
    const session = this.read();
    return session !== null && !isExpired(session, this.now()) ? session : null;
  }

  /** The display name last used here, even after the session went (to prefill the prompt). */
  lastDisplayName(): string {
    try {
      const stored = this.storage.getItem(LAST_DISPLAY_NAME_KEY);
      if (stored !== null) return stored;
    } catch (error) {
      console.warn('StudyRooms: could not read the display name', error);
    }
    return this.read()?.displayName ?? '';
  }

  /** Stores `session`; a refreshed one (no username) keeps the username of the same user. */
  save(session: AuthSession): void {
    const previous = this.read();
    const kept = session.username === undefined && previous?.username !== undefined && previous.userId === session.userId
      ? { ...session, username: previous.username }
      : session;
    try {
      this.storage.setItem(AUTH_SESSION_KEY, JSON.stringify(kept));
      this.storage.setItem(LAST_DISPLAY_NAME_KEY, session.displayName);
    } catch (error) {
      // Without storage the session lasts as long as the page; the user is asked again next time.
      console.warn('StudyRooms: could not save the session', error);
      this.memory = kept;
    }
  }

  /** Forgets the session (after a 401, or to change name); the display name stays on offer. */
  clear(): void {
    this.memory = null;
    try {
      this.storage.removeItem(AUTH_SESSION_KEY);
    } catch (error) {
      console.warn('StudyRooms: could not clear the session', error);
    }
  }

  /** Forgets the session and the display name: the user was deleted, nothing of them stays here. */
  forget(): void {
    this.clear();
    try {
      this.storage.removeItem(LAST_DISPLAY_NAME_KEY);
    } catch (error) {
      console.warn('StudyRooms: could not clear the display name', error);
    }
  }

  private read(): AuthSession | null {
    let text: string | null = null;
    try {
      text = this.storage.getItem(AUTH_SESSION_KEY);
    } catch (error) {
      console.warn('StudyRooms: could not read the session', error);
    }
    if (text === null) return this.memory;
    try {
      const value = JSON.parse(text) as Partial<AuthSession> | null;
      if (
        value !== null &&
        typeof value.userId === 'string' &&
        typeof value.displayName === 'string' &&
        typeof value.token === 'string' &&
        typeof value.expiresAt === 'string'
      ) {
        const session = { userId: value.userId, displayName: value.displayName, token: value.token, expiresAt: value.expiresAt };
        return typeof value.username === 'string' ? { ...session, username: value.username } : session;
      }
    } catch {
      // Corrupt entry: treated as no session; the next sign-in overwrites it.
    }
    return null;
  }
}
