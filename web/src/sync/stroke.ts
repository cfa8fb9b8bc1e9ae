// The stroke being drawn here: throttled, chunked progress for peers (P-LIVE-1) and the `create`
// op that commits it when the pen lifts (P-LIVE-2, P-EL-1). Pure; time comes in as arguments.
import {
  MAX_ABS_NUMBER,
  MAX_POINT_NUMBERS,
  MAX_STREAM_NUMBERS,
  type StrokeProgress,
} from '../protocol';
import type { NewElementOp } from './pendingQueue';

/** Least time between two progress messages of one stroke. */
export const STROKE_SEND_INTERVAL_MS = 30;
/** Points closer than this to the previous one (board units) add nothing visible and are skipped. */
export const MIN_POINT_DISTANCE = 0.5;

/** Rounds a coordinate to 2 decimals and clamps it to the protocol's range (P-OPS-4). */
export function roundCoordinate(value: number): number {
  const clamped = Math.max(-MAX_ABS_NUMBER, Math.min(MAX_ABS_NUMBER, value));
  return Math.round(clamped * 100) / 100 || 0;
}

/** Settings of a stroke streamer. */
export interface StrokeStreamerOptions {
  readonly roomId: string;
  readonly strokeId: string;
  readonly strokeColor: string;
  readonly strokeWidth: number;
  readonly intervalMs?: number;
  /** Most numbers per message; must be even (a point is two numbers). */
  readonly maxChunkNumbers?: number;
  /** Most numbers in the whole stroke. */
  readonly maxNumbers?: number;
}

/** Collects the points of one local stroke and hands out only the new ones, at most every interval. */
export class StrokeStreamer {
  readonly strokeId: string;
  readonly strokeColor: string;
  readonly strokeWidth: number;
  private readonly roomId: string;
  private readonly intervalMs: number;
  private readonly maxChunkNumbers: number;
  private readonly maxNumbers: number;
  private readonly absolute: number[] = [];
  /** One pressure per kept point, when the pointer reports real pressure (P-EL-2). */
  private readonly pressureList: number[] = [];
  private pressureSeen = false;
  private sentNumbers = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(options: StrokeStreamerOptions) {
    this.roomId = options.roomId;
    this.strokeId = options.strokeId;
    this.strokeColor = options.strokeColor;
    this.strokeWidth = options.strokeWidth;
    this.intervalMs = options.intervalMs ?? STROKE_SEND_INTERVAL_MS;
    const chunk = options.maxChunkNumbers ?? MAX_STREAM_NUMBERS;
    this.maxChunkNumbers = Math.max(2, chunk - (chunk % 2));
    this.maxNumbers = options.maxNumbers ?? MAX_POINT_NUMBERS;
  }

  /** All points so far, absolute, flat `[x0, y0, x1, y1, …]`. */
  get points(): readonly number[] {
    return this.absolute;
  }

  /** Whether the stroke reached the protocol's size limit and takes no more points. */
  get isFull(): boolean {
    return this.absolute.length + 2 > this.maxNumbers;
  }

  /** Numbers already handed out for sending. */
  get sentCount(): number {
    return this.sentNumbers;
  }

  /** Adds a point; returns false when it was skipped (too close, or the stroke is full). */
  add(x: number, y: number, pressure?: number): boolean {
    if (!Number.isFinite(x) || !Number.isFinite(y) || this.isFull) return false;
    const rx = roundCoordinate(x);
    const ry = roundCoordinate(y);
    const n = this.absolute.length;
    if (n >= 2) {
      const dx = rx - (this.absolute[n - 2] ?? 0);
      const dy = ry - (this.absolute[n - 1] ?? 0);
      if (dx * dx + dy * dy < MIN_POINT_DISTANCE * MIN_POINT_DISTANCE) return false;
    }
    this.absolute.push(rx, ry);
    const p = pressure !== undefined && Number.isFinite(pressure) ? Math.max(0, Math.min(1, pressure)) : 0.5;
    // Mice report 0.5 (buttons down) or 0; only a varying value means a real pressure sensor.
    if (p !== 0.5 && p !== 0) this.pressureSeen = true;
    this.pressureList.push(Math.round(p * 1000) / 1000);
    return true;
  }

  /** Milliseconds until unsent points may go (0: now), or null when nothing is waiting. */
  dueInMs(now: number): number | null {
    if (this.absolute.length <= this.sentNumbers) return null;
    return Math.max(0, this.lastSentAt + this.intervalMs - now);
  }

  /**
   * The progress messages to send now: the points added since the last send, split into chunks
   * of at most `maxChunkNumbers`, each with its `startIndex`. Empty while throttled unless `force`.
   */
  take(now: number, force = false): StrokeProgress[] {
    const due = this.dueInMs(now);
    if (due === null || (due > 0 && !force)) return [];
    const messages: StrokeProgress[] = [];
    while (this.sentNumbers < this.absolute.length) {
      const end = Math.min(this.absolute.length, this.sentNumbers + this.maxChunkNumbers);
      messages.push({
        roomId: this.roomId,
        strokeId: this.strokeId,
        startIndex: this.sentNumbers,
        points: this.absolute.slice(this.sentNumbers, end),
        strokeColor: this.strokeColor,
        strokeWidth: this.strokeWidth,
      });
      this.sentNumbers = end;
    }
    this.lastSentAt = now;
    return messages;
  }

  /** The `create` op that commits this stroke, or null when it has no point. */
  toCreateOp(): NewElementOp | null {
    const op = freehandCreateOp(this.strokeId, this.absolute, this.strokeColor, this.strokeWidth);
    if (op === null || !this.pressureSeen) return op;
    const count = (op.props?.points?.length ?? 0) / 2;
    return { ...op, props: { ...op.props, pressures: this.pressureList.slice(0, count) } };
  }
}

/**
 * A `create` op for a `freehand` element: id = stroke id, `x`,`y` = first point, `points` relative
 * to it (P-EL-1, P-LIVE-2). Null for an empty stroke.
 */
export function freehandCreateOp(
  strokeId: string,
  absolutePoints: readonly number[],
  strokeColor: string,
  strokeWidth: number,
): NewElementOp | null {
  if (absolutePoints.length < 2) return null;
  const x = roundCoordinate(absolutePoints[0] ?? 0);
  const y = roundCoordinate(absolutePoints[1] ?? 0);
  const count = Math.min(absolutePoints.length - (absolutePoints.length % 2), MAX_POINT_NUMBERS);
  const points: number[] = new Array<number>(count);
  for (let i = 0; i < count; i += 2) {
    points[i] = roundCoordinate((absolutePoints[i] ?? 0) - x);
    points[i + 1] = roundCoordinate((absolutePoints[i + 1] ?? 0) - y);
  }
  return {
    kind: 'create',
    elementId: strokeId,
    type: 'freehand',
    props: { x, y, points, strokeColor, strokeWidth, opacity: 1 },
  };
}
