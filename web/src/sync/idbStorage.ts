// Pending ops in IndexedDB (larger and sturdier than localStorage), behind the synchronous
// StorageLike the queue uses: everything is read into memory once at start-up, reads come from
// memory, and every write goes to memory at once and to IndexedDB in order (readwrite
// transactions on one store commit in the order they were created). Without IndexedDB the
// fallback (localStorage) is used as before.
import { CLIENT_SEQ_KEY_PREFIX, PENDING_KEY_PREFIX } from './pendingQueue';
import type { EnumerableStorage } from './storage';

/** Name of the IndexedDB database and its one key-value store. */
export const PENDING_DB_NAME = 'studyrooms';
export const PENDING_DB_STORE = 'kv';
/** Give up on IndexedDB (and use the fallback) when it does not open within this time. */
export const IDB_OPEN_TIMEOUT_MS = 3_000;

/** An EnumerableStorage mirrored into IndexedDB. */
export class IdbMirrorStorage implements EnumerableStorage {
  private constructor(
    private readonly db: IDBDatabase,
    private readonly items: Map<string, string>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Opens the database and reads every entry. */
  static async open(factory: IDBFactory, onError: (error: unknown) => void): Promise<IdbMirrorStorage> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(PENDING_DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(PENDING_DB_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
      request.onblocked = () => reject(new Error('IndexedDB open blocked'));
    });
    const items = await new Promise<Map<string, string>>((resolve, reject) => {
      const map = new Map<string, string>();
      const cursor = db.transaction(PENDING_DB_STORE, 'readonly').objectStore(PENDING_DB_STORE).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c === null) {
          resolve(map);
          return;
        }
        if (typeof c.key === 'string' && typeof c.value === 'string') map.set(c.key, c.value);
        c.continue();
      };
      cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB read failed'));
    });
    return new IdbMirrorStorage(db, items, onError);
  }

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
    this.write((store) => store.put(value, key));
  }

  removeItem(key: string): void {
    this.items.delete(key);
    this.write((store) => store.delete(key));
  }

  private write(action: (store: IDBObjectStore) => void): void {
    try {
      const tx = this.db.transaction(PENDING_DB_STORE, 'readwrite');
      tx.onerror = () => this.onError(tx.error);
      action(tx.objectStore(PENDING_DB_STORE));
    } catch (error) {
      // The page keeps working from memory; the queue reports, as it does for a full localStorage.
      this.onError(error);
    }
  }
}

/**
 * Moves pending queues and clientSeq counters from `from` (localStorage of an older client) into
 * `to`, where `to` has no newer entry; returns how many moved.
 */
export function migratePendingState(from: EnumerableStorage, to: EnumerableStorage): number {
  const keys: string[] = [];
  for (let i = 0; i < from.length; i++) {
    const key = from.key(i);
    if (key !== null && (key.startsWith(PENDING_KEY_PREFIX) || key.startsWith(CLIENT_SEQ_KEY_PREFIX))) keys.push(key);
  }
  let moved = 0;
  for (const key of keys) {
    const value = from.getItem(key);
    if (value === null) continue;
    if (to.getItem(key) === null || updatedAt(value) > updatedAt(to.getItem(key) ?? '')) {
      to.setItem(key, value);
      moved++;
    }
    from.removeItem(key);
  }
  return moved;
}

/** The storage for pending ops: IndexedDB when it opens, else the fallback (P-OPS-3 state survives reloads either way). */
export async function openPendingStorage(
  factory: IDBFactory | undefined,
  fallback: EnumerableStorage,
  timeoutMs: number = IDB_OPEN_TIMEOUT_MS,
): Promise<EnumerableStorage> {
  if (factory === undefined) return fallback;
  const onError = (error: unknown): void => console.warn('StudyRooms: could not save pending edits to IndexedDB', error);
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('IndexedDB open timed out')), timeoutMs)));
    const storage = await Promise.race([IdbMirrorStorage.open(factory, onError), timeout]);
    clearTimeout(timer);
    migratePendingState(fallback, storage);
    return storage;
  } catch (error) {
    console.warn('StudyRooms: IndexedDB unavailable, pending edits stay in localStorage', error);
    return fallback;
  }
}

function updatedAt(json: string): number {
  try {
    const value = JSON.parse(json) as { updatedAt?: unknown } | null;
    return typeof value?.updatedAt === 'number' ? value.updatedAt : 0;
  } catch {
    // An unreadable entry counts as the oldest.
    return 0;
  }
}
