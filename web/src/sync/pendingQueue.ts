// Local edits not yet acknowledged by the server, with their clientSeq (P-OPS-3). Persisted so a
// reload of the tab neither loses an unacknowledged stroke nor reuses a clientSeq.
import type { ElementOp, OpAck } from '../protocol';
import type { EnumerableStorage, StorageLike } from './storage';

/** An op before the queue gives it a `clientSeq`. */
export type NewElementOp = Omit<ElementOp, 'clientSeq'>;

/** An op the server acknowledged, with the clock it got (0: a resend it had already applied). */
export interface AckedOp {
  readonly op: ElementOp;
  readonly clock: number;
}

/** Storage key prefix of the pending ops of one room and client. */
export const PENDING_KEY_PREFIX = 'studyrooms.pending.v1.';
/** Storage key prefix of the last clientSeq a client used, in any room. */
export const CLIENT_SEQ_KEY_PREFIX = 'studyrooms.clientSeq.v1.';
/** Stored queues and counters untouched for this long belong to tabs long closed. */
export const STALE_CLIENT_STATE_MS = 30 * 24 * 60 * 60 * 1000;

interface StoredQueue {
  readonly lastSeq: number;
  readonly updatedAt: number;
  readonly ops: readonly ElementOp[];
}

interface StoredSeq {
  readonly lastSeq: number;
  readonly updatedAt: number;
}

/** Storage key of one room's pending ops for one client. */
export function pendingKey(roomId: string, clientId: string): string {
  return `${PENDING_KEY_PREFIX}${clientId}.${roomId}`;
}

/** Storage key of one client's clientSeq counter. */
export function clientSeqKey(clientId: string): string {
  return `${CLIENT_SEQ_KEY_PREFIX}${clientId}`;
}

/** Pending ops of one room for one client, oldest first; clientSeq strictly increasing. */
export class PendingQueue {
  private ops: ElementOp[] = [];
  private lastSeq = 0;

  private constructor(
    private readonly storage: StorageLike | null,
    private readonly roomId: string,
    private readonly clientId: string,
    private readonly now: () => number,
    private readonly onPersistError: (error: unknown) => void,
  ) {}

  /** Loads the queue and the client's counter from storage (or starts empty without storage). */
  static load(
    storage: StorageLike | null,
    roomId: string,
    clientId: string,
    options: { now?: () => number; onPersistError?: (error: unknown) => void } = {},
  ): PendingQueue {
    const queue = new PendingQueue(
      storage,
      roomId,
      clientId,
      options.now ?? Date.now,
      options.onPersistError ?? ((error) => console.warn('StudyRooms: could not save pending edits', error)),
    );
    if (storage !== null) {
      const stored = readJson<StoredQueue>(storage, pendingKey(roomId, clientId));
      const seq = readJson<StoredSeq>(storage, clientSeqKey(clientId));
      queue.ops = (stored?.ops ?? []).filter(isStoredOp);
      queue.lastSeq = Math.max(
        finiteOr0(stored?.lastSeq),
        finiteOr0(seq?.lastSeq),
        ...queue.ops.map((op) => op.clientSeq),
      );
    }
    return queue;
  }

  /** Ops waiting for an ack, oldest first. */
  get pending(): readonly ElementOp[] {
    return this.ops;
  }

  get size(): number {
    return this.ops.length;
  }

  /** The highest clientSeq handed out so far. */
  get lastClientSeq(): number {
    return this.lastSeq;
  }

  /** Gives the op the next clientSeq, keeps it until acked, and saves at once. */
  enqueue(op: NewElementOp): ElementOp {
    return this.enqueueAll([op])[0] ?? { ...op, clientSeq: this.lastSeq };
  }

  /** Enqueues several ops (one user action) and saves once, so a large paste is not quadratic. */
  enqueueAll(ops: readonly NewElementOp[]): ElementOp[] {
    const queued = ops.map((op): ElementOp => ({ ...op, clientSeq: ++this.lastSeq }));
    this.ops.push(...queued);
    if (queued.length > 0) this.persist();
    return queued;
  }

  /** The oldest ops, at most `max`, to (re)send with their original clientSeq. */
  peek(max: number): ElementOp[] {
    return this.ops.slice(0, Math.max(0, max));
  }

  /** Removes the acknowledged ops and returns them with their clocks, in queue order. */
  acknowledge(acks: readonly OpAck[]): AckedOp[] {
    const clockBySeq = new Map(acks.map((ack) => [ack.clientSeq, ack.clock] as const));
    const acked: AckedOp[] = [];
    this.ops = this.ops.filter((op) => {
      const clock = clockBySeq.get(op.clientSeq);
      if (clock === undefined) return true;
      acked.push({ op, clock });
      return false;
    });
    if (acked.length > 0) this.persist();
    return acked;
  }

  /** Drops ops the server refused for good (P-ERR-3); returns them. */
  drop(clientSeqs: readonly number[]): ElementOp[] {
    const doomed = new Set(clientSeqs);
    const dropped = this.ops.filter((op) => doomed.has(op.clientSeq));
    if (dropped.length > 0) {
      this.ops = this.ops.filter((op) => !doomed.has(op.clientSeq));
      this.persist();
    }
    return dropped;
  }

  private persist(): void {
    if (this.storage === null) return;
    const updatedAt = this.now();
    try {
      const key = pendingKey(this.roomId, this.clientId);
      if (this.ops.length === 0) this.storage.removeItem(key);
      else {
        const stored: StoredQueue = { lastSeq: this.lastSeq, updatedAt, ops: this.ops };
        this.storage.setItem(key, JSON.stringify(stored));
      }
      const seq: StoredSeq = { lastSeq: this.lastSeq, updatedAt };
      this.storage.setItem(clientSeqKey(this.clientId), JSON.stringify(seq));
    } catch (error) {
      // A full or disabled storage must not stop editing; the ops stay queued in memory.
      this.onPersistError(error);
    }
  }
}

/** Removes stored queues and counters not written for `maxAgeMs`; returns how many went. */
export function pruneStaleClientState(
  storage: EnumerableStorage,
  now: number,
  maxAgeMs: number = STALE_CLIENT_STATE_MS,
): number {
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === null) continue;
    if (!key.startsWith(PENDING_KEY_PREFIX) && !key.startsWith(CLIENT_SEQ_KEY_PREFIX)) continue;
    const updatedAt = readJson<{ updatedAt?: unknown }>(storage, key)?.updatedAt;
    if (typeof updatedAt !== 'number' || now - updatedAt > maxAgeMs) stale.push(key);
  }
  for (const key of stale) storage.removeItem(key);
  return stale.length;
}

function readJson<T>(storage: StorageLike, key: string): Partial<T> | null {
  const text = storage.getItem(key);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value) : null;
  } catch {
    // A corrupt entry is treated as absent; the next write replaces it.
    return null;
  }
}

function finiteOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function isStoredOp(value: unknown): value is ElementOp {
  if (typeof value !== 'object' || value === null) return false;
  const op = value as Partial<ElementOp>;
  return (
    typeof op.elementId === 'string' &&
    typeof op.kind === 'string' &&
    typeof op.clientSeq === 'number' &&
    Number.isInteger(op.clientSeq) &&
    op.clientSeq > 0
  );
}
