// The board as this client sees it: the committed document in server clock order, with edits that
// are known but not yet in order (acked ahead of a gap) and local pending edits layered on top.
// Pure: no transport, no timers; time comes in through `now`.
import type {
  BoardResume,
  BoardSnapshot,
  CommittedOp,
  Element,
  ElementOp,
  OpsApplied,
  PushOpsResult,
} from '../protocol';
import { BoardDocument, nextElementState, type ChangeMeta, type ElementChange } from '../store/document';
import type { NewElementOp, PendingQueue } from './pendingQueue';

interface KnownOp {
  readonly change: ElementChange;
  readonly meta: ChangeMeta;
}

/** What one call changed, so callers redraw only what they must. */
export interface BoardChange {
  /** Committed element ids touched (created, patched or deleted). */
  readonly committedIds: readonly string[];
  /** Whether the visible board (committed + ahead + pending) may look different. */
  readonly visible: boolean;
}

const NO_CHANGE: BoardChange = { committedIds: [], visible: false };

/** Client side of the board sync: clock, join rule P-JOIN-3, acks, and the local overlay. */
export class BoardSync {
  private readonly document = new BoardDocument();
  private boardClock = 0;
  private joining = true;
  /** Ops with a clock above `boardClock + 1`, waiting for the clocks between (P-OPS-1). */
  private readonly ahead = new Map<number, KnownOp>();
  private gapSince: number | null = null;
  private overlay: Map<string, Element | null> | null = null;
  private localAuthorId = '';
  /** Drawing order as of one overlay; a new overlay (any change) makes it stale. */
  private visibleCache: { readonly overlay: Map<string, Element | null>; readonly elements: readonly Element[] } | null = null;

  constructor(
    private readonly queue: PendingQueue,
    private readonly now: () => number = Date.now,
  ) {}

  /** Board clock: the highest clock up to which every op is applied. */
  get clock(): number {
    return this.boardClock;
  }

  /** Whether a join is in flight (ops are buffered until its snapshot). */
  get isJoining(): boolean {
    return this.joining;
  }

  /** Committed, non-deleted elements. */
  get committedCount(): number {
    return this.document.size;
  }

  /** Local ops not yet acknowledged. */
  get pendingCount(): number {
    return this.queue.size;
  }

  /** Local ops not yet acknowledged, oldest first. */
  get pendingOps(): readonly ElementOp[] {
    return this.queue.pending;
  }

  /** Whether the committed document has the element. */
  isCommitted(id: string): boolean {
    return this.document.has(id);
  }

  /** A committed element. */
  committed(id: string): Element | undefined {
    return this.document.get(id);
  }

  /** Starts a (re)join: until `applySnapshot`, incoming ops are only buffered (P-JOIN-3). */
  beginJoin(): void {
    this.joining = true;
  }

  /**
   * Replaces the document with a join snapshot, then applies buffered ops newer than it
   * (P-JOIN-3); older ones are dropped. Local pending ops stay on top.
   */
  applySnapshot(snapshot: BoardSnapshot, selfUserId: string): BoardChange {
    this.localAuthorId = selfUserId;
    this.document.reset(snapshot.elements);
    this.boardClock = snapshot.clock;
    for (const clock of [...this.ahead.keys()]) {
      if (clock <= this.boardClock) this.ahead.delete(clock);
    }
    this.joining = false;
    const drained = this.drain();
    this.overlay = null;
    return { committedIds: [...snapshot.elements.map((e) => e.id), ...drained], visible: true };
  }

  /**
   * Takes a `resume` answer (P-JOIN-4): the document stays and the missed ops follow in clock
   * order; buffered ops at or below the clock are dropped. Local pending ops stay on top.
   */
  applyResume(resume: BoardResume, selfUserId: string): BoardChange {
    this.localAuthorId = selfUserId;
    for (const op of resume.ops) this.remember(op, op.authorId ?? '');
    this.joining = false;
    const drained = this.drain();
    this.overlay = null;
    return { committedIds: drained, visible: true };
  }

  /** Takes an `OpsApplied`: ops at or below the clock are ignored, newer ones applied in order. */
  receive(event: OpsApplied): BoardChange {
    let known = false;
    for (const op of event.ops) {
      if (this.remember(op, event.authorId)) known = true;
    }
    if (!known) return NO_CHANGE;
    return this.settle();
  }

  /** Applies a local edit at once and queues it for `PushOps`. */
  edit(op: NewElementOp): ElementOp {
    const queued = this.queue.enqueue(op);
    this.overlay = null;
    return queued;
  }

  /** Applies several local edits at once (one save of the queue). */
  editAll(ops: readonly NewElementOp[]): ElementOp[] {
    const queued = this.queue.enqueueAll(ops);
    this.overlay = null;
    return queued;
  }

  /**
   * Takes a `PushOps` answer: acked ops leave the queue and enter the document at their clock;
   * an ack with clock 0 is a resend the server had already applied (P-OPS-3), which the document
   * already holds (snapshot) or will receive (`OpsApplied`).
   */
  acknowledge(result: PushOpsResult): BoardChange {
    const acked = this.queue.acknowledge(result.acks);
    if (acked.length === 0) return NO_CHANGE;
    for (const { op, clock } of acked) {
      if (clock > 0) this.remember({ ...op, clock }, this.localAuthorId);
    }
    return this.settle();
  }

  /** Drops local ops the server refused for good (P-ERR-3). */
  reject(clientSeqs: readonly number[]): BoardChange {
    const dropped = this.queue.drop(clientSeqs);
    if (dropped.length === 0) return NO_CHANGE;
    this.overlay = null;
    return { committedIds: [], visible: true };
  }

  /** How long ops have waited for a missing clock (null: no gap), to decide on a resync. */
  gapAgeMs(now: number = this.now()): number | null {
    return this.gapSince === null ? null : now - this.gapSince;
  }

  /** The visible element with this id (committed, then ahead and pending on top). */
  visible(id: string): Element | undefined {
    const overlay = this.layered();
    if (overlay.has(id)) return overlay.get(id) ?? undefined;
    return this.document.get(id);
  }

  /**
   * Visible elements in drawing order: creation order, or `zIndex` where elements carry one.
   * Cached until the board changes, so a redraw of a large board does not sort it again.
   */
  visibleElements(): readonly Element[] {
    const overlay = this.layered();
    if (this.visibleCache !== null && this.visibleCache.overlay === overlay) return this.visibleCache.elements;
    const result: Element[] = [];
    let anyZ = false;
    for (const element of this.document.values()) {
      const shown = overlay.has(element.id) ? overlay.get(element.id) : element;
      if (shown) {
        result.push(shown);
        if (shown.props.zIndex !== undefined) anyZ = true;
      }
    }
    for (const [id, element] of overlay) {
      if (element && !this.document.has(id)) {
        result.push(element);
        if (element.props.zIndex !== undefined) anyZ = true;
      }
    }
    if (anyZ) {
      // Array.prototype.sort is stable, so equal zIndex keeps creation order.
      result.sort((a, b) => compareZ(a.props.zIndex ?? '', b.props.zIndex ?? ''));
    }
    this.visibleCache = { overlay, elements: result };
    return result;
  }

  private remember(op: CommittedOp, authorId: string): boolean {
    if (!Number.isInteger(op.clock) || op.clock <= this.boardClock || this.ahead.has(op.clock)) {
      return false;
    }
    this.ahead.set(op.clock, { change: op, meta: { clock: op.clock, authorId } });
    return true;
  }

  private settle(): BoardChange {
    const committedIds = this.joining ? [] : this.drain();
    this.overlay = null;
    return { committedIds, visible: true };
  }

  private drain(): string[] {
    const touched: string[] = [];
    for (;;) {
      const next = this.ahead.get(this.boardClock + 1);
      if (next === undefined) break;
      this.ahead.delete(this.boardClock + 1);
      this.document.apply(next.change, next.meta);
      this.boardClock += 1;
      touched.push(next.change.elementId);
    }
    if (this.ahead.size === 0) this.gapSince = null;
    else this.gapSince ??= this.now();
    return touched;
  }

  private layered(): Map<string, Element | null> {
    if (this.overlay !== null) return this.overlay;
    const overlay = new Map<string, Element | null>();
    const current = (id: string): Element | undefined =>
      overlay.has(id) ? (overlay.get(id) ?? undefined) : this.document.get(id);
    const clocks = [...this.ahead.keys()].sort((a, b) => a - b);
    for (const clock of clocks) {
      const known = this.ahead.get(clock);
      if (known === undefined) continue;
      const id = known.change.elementId;
      overlay.set(id, nextElementState(current(id), known.change, known.meta) ?? null);
    }
    const localMeta: ChangeMeta = { clock: 0, authorId: this.localAuthorId };
    for (const op of this.queue.pending) {
      overlay.set(op.elementId, nextElementState(current(op.elementId), op, localMeta) ?? null);
    }
    this.overlay = overlay;
    return overlay;
  }
}

function compareZ(a: string, b: string): number {
  // Fractional indices compare by code unit, not by locale.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
