// Proves the pending queue numbers ops by clientSeq (P-OPS-3), removes them only on ack, keeps the
// seq on resend, and survives a reload through storage.
import { describe, expect, it } from 'vitest';
import {
  clientSeqKey,
  PendingQueue,
  pendingKey,
  pruneStaleClientState,
  type NewElementOp,
} from './pendingQueue';
import { MemoryStorage } from './storage';

const create = (id: string): NewElementOp => ({ kind: 'create', elementId: id, type: 'freehand', props: { x: 1 } });

describe('PendingQueue', () => {
  it('gives each op the next clientSeq', () => {
    const queue = PendingQueue.load(null, 'room', 'c_1');
    expect(queue.enqueue(create('e_1')).clientSeq).toBe(1);
    expect(queue.enqueue(create('e_2')).clientSeq).toBe(2);
    expect(queue.enqueue(create('e_3')).clientSeq).toBe(3);
    expect(queue.size).toBe(3);
    expect(queue.lastClientSeq).toBe(3);
  });

  it('removes acked ops and returns them with their clocks', () => {
    const queue = PendingQueue.load(null, 'room', 'c_1');
    queue.enqueue(create('e_1'));
    queue.enqueue(create('e_2'));
    queue.enqueue(create('e_3'));
    const acked = queue.acknowledge([
      { clientSeq: 1, clock: 18 },
      { clientSeq: 2, clock: 0 },
    ]);
    expect(acked.map((a) => [a.op.elementId, a.clock])).toEqual([
      ['e_1', 18],
      ['e_2', 0],
    ]);
    expect(queue.pending.map((op) => op.clientSeq)).toEqual([3]);
  });

  it('ignores acks for seqs it does not hold', () => {
    const queue = PendingQueue.load(null, 'room', 'c_1');
    queue.enqueue(create('e_1'));
    expect(queue.acknowledge([{ clientSeq: 42, clock: 7 }])).toEqual([]);
    expect(queue.size).toBe(1);
  });

  it('resends unacked ops with their original clientSeq', () => {
    const queue = PendingQueue.load(null, 'room', 'c_1');
    queue.enqueue(create('e_1'));
    queue.enqueue(create('e_2'));
    const first = queue.peek(200).map((op) => op.clientSeq);
    // The answer was lost: nothing acked, the next send carries the same seqs.
    const second = queue.peek(200).map((op) => op.clientSeq);
    expect(second).toEqual(first);
    expect(queue.peek(1).map((op) => op.clientSeq)).toEqual([1]);
    expect(queue.enqueue(create('e_3')).clientSeq).toBe(3);
  });

  it('round-trips ops and the seq counter through storage', () => {
    const storage = new MemoryStorage();
    const queue = PendingQueue.load(storage, 'room', 'c_1', { now: () => 1000 });
    queue.enqueue(create('e_1'));
    queue.enqueue(create('e_2'));
    queue.acknowledge([{ clientSeq: 1, clock: 5 }]);

    const reloaded = PendingQueue.load(storage, 'room', 'c_1');
    expect(reloaded.pending).toEqual([{ ...create('e_2'), clientSeq: 2 }]);
    expect(reloaded.enqueue(create('e_3')).clientSeq).toBe(3);
  });

  it('keeps the counter increasing when the queue empties and across rooms of one client', () => {
    const storage = new MemoryStorage();
    const roomA = PendingQueue.load(storage, 'A', 'c_1');
    roomA.enqueue(create('e_1'));
    roomA.acknowledge([{ clientSeq: 1, clock: 1 }]);
    expect(storage.getItem(pendingKey('A', 'c_1'))).toBeNull();
    expect(PendingQueue.load(storage, 'A', 'c_1').enqueue(create('e_2')).clientSeq).toBe(2);
    expect(PendingQueue.load(storage, 'B', 'c_1').enqueue(create('e_3')).clientSeq).toBe(3);
    expect(PendingQueue.load(storage, 'B', 'c_2').enqueue(create('e_4')).clientSeq).toBe(1);
  });

  it('drops refused ops and persists that', () => {
    const storage = new MemoryStorage();
    const queue = PendingQueue.load(storage, 'room', 'c_1');
    queue.enqueue(create('e_1'));
    queue.enqueue(create('e_2'));
    expect(queue.drop([1]).map((op) => op.elementId)).toEqual(['e_1']);
    expect(PendingQueue.load(storage, 'room', 'c_1').pending.map((op) => op.elementId)).toEqual(['e_2']);
  });

  it('treats corrupt storage as empty and reports failed writes without losing ops', () => {
    const storage = new MemoryStorage();
    storage.setItem(pendingKey('room', 'c_1'), '{not json');
    storage.setItem(clientSeqKey('c_1'), JSON.stringify({ lastSeq: 9, updatedAt: 0 }));
    const errors: unknown[] = [];
    const failing = {
      getItem: (key: string) => storage.getItem(key),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const queue = PendingQueue.load(failing, 'room', 'c_1', { onPersistError: (e) => errors.push(e) });
    expect(queue.size).toBe(0);
    expect(queue.enqueue(create('e_1')).clientSeq).toBe(10);
    expect(queue.size).toBe(1);
    expect(errors).toHaveLength(1);
  });
});

describe('pruneStaleClientState', () => {
  it('removes only old queues and counters', () => {
    const storage = new MemoryStorage();
    const day = 24 * 60 * 60 * 1000;
    PendingQueue.load(storage, 'old', 'c_old', { now: () => 0 }).enqueue(create('e_1'));
    PendingQueue.load(storage, 'new', 'c_new', { now: () => 40 * day }).enqueue(create('e_2'));
    storage.setItem('unrelated', 'x');
    expect(pruneStaleClientState(storage, 40 * day, 30 * day)).toBe(2);
    expect(storage.getItem(pendingKey('old', 'c_old'))).toBeNull();
    expect(storage.getItem(clientSeqKey('c_old'))).toBeNull();
    expect(storage.getItem(pendingKey('new', 'c_new'))).not.toBeNull();
    expect(storage.getItem('unrelated')).toBe('x');
  });
});

describe('PendingQueue.enqueueAll', () => {
  it('numbers a batch in order and saves it once', () => {
    let writes = 0;
    const storage = {
      items: new Map<string, string>(),
      getItem(key: string) {
        return this.items.get(key) ?? null;
      },
      setItem(key: string, value: string) {
        writes++;
        this.items.set(key, value);
      },
      removeItem(key: string) {
        this.items.delete(key);
      },
    };
    const queue = PendingQueue.load(storage, 'room', 'c_batch');
    const ops = queue.enqueueAll(Array.from({ length: 1000 }, (_, i) => ({ kind: 'create' as const, elementId: `e${i}`, type: 'rectangle' })));
    expect(ops.map((op) => op.clientSeq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(writes).toBe(2); // the queue and the counter, once each
  });
});
