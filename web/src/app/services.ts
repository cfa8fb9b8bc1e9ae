// What the screens may ask for: sign in, create a room, open a room session. The screens get
// this object and never reach the transport themselves.
import { ROOM_HUB_PATH, type RoomInfo } from '../protocol';
import { pruneStaleClientState } from '../sync/pendingQueue';
import { openPendingStorage } from '../sync/idbStorage';
import { MemoryStorage, type EnumerableStorage } from '../sync/storage';
import { ApiError, createAccount, createRoom, createSession, deleteMe, refreshSession, signInWithPassword } from '../transport/httpApi';
import { RoomConnection } from '../transport/roomConnection';
import { clearPendingEdits, type DeletionConfirmation } from './accountDeletion';
import { AuthSessionStore, type AuthSession } from './authSession';
import { acquireClientId, type LockManagerLike } from './clientIdentity';
import { RoomSession } from './roomSession';
import { SessionRefresher } from './sessionRefresh';

/** A failed request, as the screens see it: HTTP status (0: no answer) and protocol code. */
export class RequestFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly reason: string,
  ) {
    super(code ? `${code}: ${reason}` : reason);
    this.name = 'RequestFailure';
  }

  /** The token was refused: the user must sign in again. */
  get isUnauthorized(): boolean {
    return this.status === 401 || this.code === 'UNAUTHENTICATED';
  }
}

/** The services of the app. */
export interface AppServices {
  /** The signed-in guest, or null when the user must give a name first. */
  currentSession(): AuthSession | null;
  /** The name last used here, to prefill the prompt. */
  lastDisplayName(): string;
  signIn(displayName: string): Promise<AuthSession>;
  /** Signs in to a password account (P-ACCT-2). */
  signInWithPassword(username: string, password: string): Promise<AuthSession>;
  /** Creates a password account; a signed-in guest keeps their identity (P-ACCT-1). */
  createAccount(username: string, password: string, displayName: string): Promise<AuthSession>;
  signOut(): void;
  /**
   * Deletes the signed-in user (P-ACCT-4), then forgets them here: the session, the display name
   * and the queued offline edits. Failures arrive as `RequestFailure` and change nothing here.
   */
  deleteAccount(typed: DeletionConfirmation): Promise<void>;
  createRoom(name: string, topic: string): Promise<RoomInfo>;
  openRoom(roomId: string): RoomSession;
}

/** Services over the browser's storage, the HTTP API and the room hub. */
export async function createBrowserServices(): Promise<AppServices> {
  const local = storageOr(() => window.localStorage);
  const perTab = storageOr(() => window.sessionStorage);
  const auth = new AuthSessionStore(local);
  const locks = (navigator as Navigator & { locks?: LockManagerLike }).locks;
  const clientId = await acquireClientId(perTab, locks);
  // Pending edits live in IndexedDB where there is one (they survive a reload), else in localStorage.
  const pending = await openPendingStorage(typeof indexedDB === 'undefined' ? undefined : indexedDB, local);
  try {
    pruneStaleClientState(pending, Date.now());
  } catch (error) {
    console.warn('StudyRooms: could not prune old pending edits', error);
  }

  // Tokens are refreshed half-way through their lifetime, so an open page never meets an expired one (P-AUTH-3).
  new SessionRefresher(auth, refreshSession).start();

  const requireSession = (): AuthSession => {
    const session = auth.current();
    if (session === null) throw new RequestFailure(401, 'UNAUTHENTICATED', 'Not signed in.');
    return session;
  };

  return {
    currentSession: () => auth.current(),
    lastDisplayName: () => auth.lastDisplayName(),
    async signIn(displayName) {
      const session = await wrap(() => createSession({ displayName }));
      auth.save(session);
      return session;
    },
    async signInWithPassword(username, password) {
      const session = await wrap(() => signInWithPassword({ username, password }));
      auth.save({ ...session, username: username.trim().toLowerCase() });
      return session;
    },
    async createAccount(username, password, displayName) {
      const guest = auth.current();
      const session = await wrap(() => createAccount(guest?.token ?? null, { username, password, displayName }));
      auth.save({ ...session, username: username.trim().toLowerCase() });
      return session;
    },
    signOut: () => auth.clear(),
    async deleteAccount(typed) {
      const { token, username } = requireSession();
      // The username is sent only for a password account: the server refuses one that is not the caller's.
      await wrap(() => deleteMe(token, { displayName: typed.displayName.trim(), ...(username === undefined ? {} : { username: typed.username.trim() }) }));
      auth.forget();
      try {
        clearPendingEdits(pending);
      } catch (error) {
        console.warn('StudyRooms: could not clear the queued edits', error);
      }
    },
    async createRoom(name, topic) {
      const { token } = requireSession();
      try {
        return await wrap(() => createRoom(token, { name, topic }));
      } catch (error) {
        if (error instanceof RequestFailure && error.isUnauthorized) auth.clear();
        throw error;
      }
    },
    openRoom(roomId) {
      return new RoomSession({
        roomId,
        clientId,
        storage: pending,
        createHub: (handlers) =>
          new RoomConnection({
            hubUrl: ROOM_HUB_PATH,
            // Read on every (re)connect, so a renewed session is picked up.
            accessTokenFactory: () => auth.current()?.token ?? '',
            handlers,
            selfUserId: () => auth.current()?.userId,
            selfClientId: clientId,
          }),
      });
    },
  };
}

async function wrap<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw new RequestFailure(error.status, error.code, error.detail);
    throw error;
  }
}

function storageOr(get: () => Storage): EnumerableStorage {
  try {
    const storage = get();
    const probe = 'studyrooms.probe';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    // Private modes and strict settings refuse Web Storage: keep state for this page only.
    console.warn('StudyRooms: web storage unavailable, state will not survive a reload', error);
    return new MemoryStorage();
  }
}
