// This tab's clientId (P-JOIN-1): random per tab, kept in sessionStorage so a reload keeps it.
import { ID_PATTERN } from '../protocol';
import { newClientId } from '../sync/ids';
import type { StorageLike } from '../sync/storage';

/** sessionStorage key of the tab's client id. */
export const CLIENT_ID_KEY = 'studyrooms.clientId.v1';
/** How long to wait for another page to release the id before taking a new one. */
export const CLIENT_ID_LOCK_WAIT_MS = 1_500;

/** The part of the Web Locks API used here. */
export interface LockManagerLike {
  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
}

/**
 * The client id of this tab. A duplicated tab copies sessionStorage and so the id, and two live
 * pages sharing an id would clash on clientSeq (P-OPS-3): where the Web Locks API exists, the id is
 * held by a lock for the page's lifetime, and a page that cannot get it in time takes a new id.
 */
export async function acquireClientId(
  storage: StorageLike,
  locks: LockManagerLike | undefined,
  waitMs: number = CLIENT_ID_LOCK_WAIT_MS,
  makeId: () => string = newClientId,
): Promise<string> {
  let id = readId(storage);
  if (id === null) {
    id = makeId();
    writeId(storage, id);
  }
  if (locks === undefined) return id;
  if (await holdLock(locks, id, waitMs)) return id;
  const fresh = makeId();
  writeId(storage, fresh);
  await holdLock(locks, fresh, waitMs);
  return fresh;
}

function holdLock(locks: LockManagerLike, id: string, waitMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), waitMs);
    locks
      .request(`studyrooms.client.${id}`, { signal: abort.signal }, () => {
        clearTimeout(timer);
        resolve(true);
        // Held until the page goes away.
        return new Promise<never>(() => undefined);
      })
      .catch(() => {
        // Aborted after waiting: another page holds this id.
        clearTimeout(timer);
        resolve(false);
      });
  });
}

function readId(storage: StorageLike): string | null {
  try {
    const id = storage.getItem(CLIENT_ID_KEY);
    return id !== null && ID_PATTERN.test(id) ? id : null;
  } catch {
    // Storage disabled: a fresh id per page load is the best this tab can do.
    return null;
  }
}

function writeId(storage: StorageLike, id: string): void {
  try {
    storage.setItem(CLIENT_ID_KEY, id);
  } catch (error) {
    console.warn('StudyRooms: could not keep the client id', error);
  }
}
