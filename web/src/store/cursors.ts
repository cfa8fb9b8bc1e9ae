// Presence: peers' cursors, selections, viewports and laser trails (P-LIVE-3). Never persisted.
import type { CursorMoved, Viewport } from '../protocol';

/** How long a laser trail point stays visible. */
export const LASER_FADE_MS = 1_200;
/**
 * A tab's cursor with no update for this long, while another tab of the same user moved since, is
 * dropped: that tab most likely closed and its `visible: false` was lost (there is no per-tab leave).
 */
export const CURSOR_IDLE_MS = 30_000;
/** How often the whiteboard looks for such stale tabs. */
export const CURSOR_SWEEP_MS = 5_000;

/** One laser trail point, board coordinates. */
export interface TrailPoint {
  readonly x: number;
  readonly y: number;
  readonly at: number;
}

/** A peer's cursor as last reported: one per tab (P-LIVE-5), so a user with two tabs open shows two. */
export interface PeerCursor {
  readonly userId: string;
  /** The sending tab's client id; null for a sender that sent none (its cursor is then keyed by user). */
  readonly clientId: string | null;
  readonly x: number;
  readonly y: number;
  readonly visible: boolean;
  readonly laser: boolean;
  readonly selection: readonly string[];
  readonly viewport: Viewport | null;
  readonly updatedAt: number;
  /** Recent laser points, oldest first. */
  readonly trail: readonly TrailPoint[];
}

/**
 * Peers' cursors, one per tab: keyed by the sending tab's client id, or by the user for a sender that
 * sent none. Another tab of the same user is a cursor of its own, as a collaborator is per socket in
 * Excalidraw (P-LIVE-5). A closing tab sends `visible: false`; one whose last message was lost is
 * dropped once idle while another tab of that user is newer. A user's newest cursor stays where it
 * is while they are in the room, however still (a student reading), as collaborators' cursors do in
 * Excalidraw; the whiteboard dims it while they are idle or away.
 */
export class CursorStore {
  private readonly byTab = new Map<string, PeerCursor>();

  /** Takes a `CursorMoved`; returns false for a malformed one. */
  apply(event: CursorMoved, now: number): boolean {
    if (typeof event.userId !== 'string' || !Number.isFinite(event.x) || !Number.isFinite(event.y)) return false;
    const clientId = typeof event.clientId === 'string' && event.clientId.length > 0 ? event.clientId : null;
    const key = clientId === null ? `user:${event.userId}` : `tab:${clientId}`;
    const old = this.byTab.get(key);
    const trail = (old?.userId === event.userId ? old.trail : []).filter((p) => now - p.at < LASER_FADE_MS);
    if (event.laser && event.visible) trail.push({ x: event.x, y: event.y, at: now });
    this.byTab.set(key, {
      userId: event.userId,
      clientId,
      x: event.x,
      y: event.y,
      visible: event.visible,
      laser: event.laser,
      selection: Array.isArray(event.selection) ? event.selection : [],
      viewport: event.viewport ?? null,
      updatedAt: now,
      trail,
    });
    return true;
  }

  /** Drops laser points older than the fade time; returns whether anything is still fading. */
  fade(now: number): boolean {
    let fading = false;
    for (const [key, cursor] of this.byTab) {
      if (cursor.trail.length === 0) continue;
      const trail = cursor.trail.filter((p) => now - p.at < LASER_FADE_MS);
      this.byTab.set(key, { ...cursor, trail });
      if (trail.length > 0) fading = true;
    }
    return fading;
  }

  /**
   * Drops each cursor silent for longer than {@link CURSOR_IDLE_MS} whose user has a newer cursor (a
   * closed tab whose last message was lost); returns whether it dropped any.
   */
  dropStaleTabs(now: number): boolean {
    const newest = new Map<string, number>();
    for (const cursor of this.byTab.values()) {
      newest.set(cursor.userId, Math.max(newest.get(cursor.userId) ?? -Infinity, cursor.updatedAt));
    }
    let dropped = false;
    for (const [key, cursor] of this.byTab) {
      if (now - cursor.updatedAt > CURSOR_IDLE_MS && cursor.updatedAt < (newest.get(cursor.userId) ?? -Infinity)) {
        this.byTab.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  /** Drops every cursor of a user (their last connection left the room); returns whether there was one. */
  remove(userId: string): boolean {
    let removed = false;
    for (const [key, cursor] of this.byTab) {
      if (cursor.userId === userId) {
        this.byTab.delete(key);
        removed = true;
      }
    }
    return removed;
  }

  clear(): void {
    this.byTab.clear();
  }

  /** The user's most recently moved cursor, of whichever tab (what following a participant shows). */
  get(userId: string): PeerCursor | undefined {
    let latest: PeerCursor | undefined;
    for (const cursor of this.byTab.values()) {
      if (cursor.userId === userId && (latest === undefined || cursor.updatedAt >= latest.updatedAt)) latest = cursor;
    }
    return latest;
  }

  values(): IterableIterator<PeerCursor> {
    return this.byTab.values();
  }

  /** Cursors shown: one per tab. */
  get size(): number {
    return this.byTab.size;
  }
}

/** Decides when a cursor update may go: at most one per interval, the latest one winning (P-LIVE-3). */
export class Throttle<T> {
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private waiting: T | null = null;

  constructor(private readonly intervalMs: number) {}

  /** Offers a value; returns it when it may go now, else keeps it as the one to send when due. */
  offer(value: T, now: number): T | null {
    if (now - this.lastSentAt >= this.intervalMs) {
      this.lastSentAt = now;
      this.waiting = null;
      return value;
    }
    this.waiting = value;
    return null;
  }

  /** Milliseconds until the waiting value may go, or null when none waits. */
  dueInMs(now: number): number | null {
    return this.waiting === null ? null : Math.max(0, this.lastSentAt + this.intervalMs - now);
  }

  /** Forgets the waiting value: a later one superseded it outside the throttle. */
  drop(): void {
    this.waiting = null;
  }

  /** The waiting value, if due. */
  takeDue(now: number): T | null {
    if (this.waiting === null || now - this.lastSentAt < this.intervalMs) return null;
    const value = this.waiting;
    this.waiting = null;
    this.lastSentAt = now;
    return value;
  }
}
