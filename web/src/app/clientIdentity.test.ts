// Proves a tab keeps its client id across reloads (P-JOIN-1) and a duplicated tab gets its own.
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../sync/storage';
import { acquireClientId, CLIENT_ID_KEY, type LockManagerLike } from './clientIdentity';

class FakeLocks implements LockManagerLike {
  readonly held = new Set<string>();
  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown> {
    if (!this.held.has(name)) {
      this.held.add(name);
      return callback({});
    }
    return new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(new Error('AbortError'))));
  }
}

let counter = 0;
const makeId = () => `c_test${++counter}`;

describe('acquireClientId', () => {
  it('creates an id once and keeps it for the tab', async () => {
    const storage = new MemoryStorage();
    const first = await acquireClientId(storage, undefined, 10, makeId);
    expect(await acquireClientId(storage, undefined, 10, makeId)).toBe(first);
    expect(storage.getItem(CLIENT_ID_KEY)).toBe(first);
  });

  it('gives a duplicated tab a new id when the original page still holds it', async () => {
    const locks = new FakeLocks();
    const original = new MemoryStorage();
    const id = await acquireClientId(original, locks, 10, makeId);
    const duplicate = new MemoryStorage();
    duplicate.setItem(CLIENT_ID_KEY, id);
    const other = await acquireClientId(duplicate, locks, 10, makeId);
    expect(other).not.toBe(id);
    expect(duplicate.getItem(CLIENT_ID_KEY)).toBe(other);
  });

  it('replaces a stored id that breaks the protocol rule', async () => {
    const storage = new MemoryStorage();
    storage.setItem(CLIENT_ID_KEY, 'bad id!');
    expect(await acquireClientId(storage, undefined, 10, makeId)).toMatch(/^c_test\d+$/);
  });
});
