import { describe, expect, it } from 'vitest';
import { migratePendingState, openPendingStorage } from './idbStorage';
import { clientSeqKey, pendingKey } from './pendingQueue';
import { MemoryStorage } from './storage';

describe('pending storage', () => {
  it('falls back to localStorage where IndexedDB is missing', async () => {
    const local = new MemoryStorage();
    expect(await openPendingStorage(undefined, local)).toBe(local);
  });

  it('moves pending queues and counters over, keeping the newer copy', () => {
    const from = new MemoryStorage();
    const to = new MemoryStorage();
    from.setItem(pendingKey('r', 'c'), JSON.stringify({ updatedAt: 5, lastSeq: 3, ops: [] }));
    from.setItem(clientSeqKey('c'), JSON.stringify({ updatedAt: 1, lastSeq: 3 }));
    to.setItem(clientSeqKey('c'), JSON.stringify({ updatedAt: 9, lastSeq: 4 }));
    from.setItem('studyrooms.session.v1', 'token stays');
    expect(migratePendingState(from, to)).toBe(1);
    expect(JSON.parse(to.getItem(clientSeqKey('c')) ?? '{}')).toMatchObject({ lastSeq: 4 });
    expect(to.getItem(pendingKey('r', 'c'))).not.toBeNull();
    expect(from.getItem(pendingKey('r', 'c'))).toBeNull();
    expect(from.getItem('studyrooms.session.v1')).toBe('token stays');
  });
});
