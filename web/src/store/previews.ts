// Presence: other members' strokes while they are drawn (P-LIVE-1, P-LIVE-2). Never persisted.
import { MAX_POINT_NUMBERS, PREVIEW_TIMEOUT_MS, type StrokeProgressed } from '../protocol';

/** A remote in-progress stroke in absolute board coordinates. */
export interface StrokePreview {
  readonly strokeId: string;
  readonly userId: string;
  readonly strokeColor: string;
  readonly strokeWidth: number;
  readonly points: readonly number[];
  /** When progress last arrived (ms, from the injected clock). */
  readonly updatedAt: number;
}

interface MutablePreview {
  strokeId: string;
  userId: string;
  strokeColor: string;
  strokeWidth: number;
  points: number[];
  updatedAt: number;
}

/** Remote previews by stroke id. */
export class PreviewStore {
  private readonly byId = new Map<string, MutablePreview>();

  constructor(private readonly timeoutMs: number = PREVIEW_TIMEOUT_MS) {}

  /**
   * Merges a progress message; returns false when it was dropped (malformed, or the stroke is
   * already committed, since a late chunk must not bring a finished stroke back as a preview).
   */
  applyProgress(event: StrokeProgressed, now: number, isCommitted: (id: string) => boolean): boolean {
    if (!isWellFormed(event) || isCommitted(event.strokeId)) return false;
    let preview = this.byId.get(event.strokeId);
    if (preview === undefined) {
      preview = {
        strokeId: event.strokeId,
        userId: event.userId,
        strokeColor: event.strokeColor,
        strokeWidth: event.strokeWidth,
        points: [],
        updatedAt: now,
      };
      this.byId.set(event.strokeId, preview);
    }
    // A repeated chunk overwrites from its start index; a lost chunk (volatile traffic) leaves a
    // gap, which the preview bridges with a straight segment until the committed element arrives.
    if (event.startIndex < preview.points.length) preview.points.length = event.startIndex;
    const room = MAX_POINT_NUMBERS - preview.points.length;
    const take = Math.min(room - (room % 2), event.points.length);
    for (let i = 0; i < take; i++) preview.points.push(event.points[i] ?? 0);
    preview.strokeColor = event.strokeColor;
    preview.strokeWidth = event.strokeWidth;
    preview.updatedAt = now;
    return true;
  }

  /** Removes a preview, e.g. when its element is committed (P-LIVE-2). */
  remove(strokeId: string): boolean {
    return this.byId.delete(strokeId);
  }

  /** Removes every preview of a user, e.g. when they leave. */
  removeUser(userId: string): boolean {
    let removed = false;
    for (const [id, preview] of this.byId) {
      if (preview.userId === userId) removed = this.byId.delete(id) || removed;
    }
    return removed;
  }

  /** Discards previews without progress for the timeout (P-LIVE-2); returns how many went. */
  expire(now: number): number {
    let removed = 0;
    for (const [id, preview] of this.byId) {
      if (now - preview.updatedAt >= this.timeoutMs) {
        this.byId.delete(id);
        removed++;
      }
    }
    return removed;
  }

  /** Drops every preview, e.g. when the connection is lost. */
  clear(): void {
    this.byId.clear();
  }

  values(): IterableIterator<StrokePreview> {
    return this.byId.values();
  }

  has(strokeId: string): boolean {
    return this.byId.has(strokeId);
  }

  get size(): number {
    return this.byId.size;
  }
}

function isWellFormed(event: StrokeProgressed): boolean {
  return (
    typeof event.strokeId === 'string' &&
    event.strokeId.length > 0 &&
    Number.isInteger(event.startIndex) &&
    event.startIndex >= 0 &&
    event.startIndex % 2 === 0 &&
    Array.isArray(event.points) &&
    event.points.length % 2 === 0 &&
    event.points.every(Number.isFinite)
  );
}
