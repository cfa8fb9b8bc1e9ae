// Input activity of this tab: whether there was input since the last sprint heartbeat (P-SPR-11),
// and the tab's presence status, active / idle / away (P-STATUS-1). The UI feeds them DOM events;
// time comes from an injected clock and the timers they set.
import { IDLE_AFTER_MS, STATUS_REPORT_INTERVAL_MS, type PresenceStatus } from '../protocol';

/** Collects "there was input" between two heartbeats. */
export class ActivityTracker {
  private active = false;

  /** Any keyboard, pointer, wheel or touch input on the page (board edits included). */
  noteInput(): void {
    this.active = true;
  }

  /** Whether there was input since the previous call; resets the flag. */
  take(): boolean {
    const was = this.active;
    this.active = false;
    return was;
  }
}

/** Settings of a presence tracker. */
export interface PresenceTrackerOptions {
  /** Milliseconds clock; `Date.now` by default. */
  readonly now?: () => number;
  /** No input for this long while visible makes the tab idle; `IDLE_AFTER_MS` by default. */
  readonly idleAfterMs?: number;
  /** Whether the tab starts hidden. */
  readonly hidden?: boolean;
}

/**
 * This tab's presence status (P-STATUS-1): `away` while hidden, `idle` after `idleAfterMs` without
 * input while visible, else `active`. Calls `onChange` on every change, never twice with the same
 * status. One timer at a time: input only moves a timestamp, so pointer moves stay cheap.
 */
export class PresenceTracker {
  private readonly now: () => number;
  private readonly idleAfterMs: number;
  private lastInputAt: number;
  private hidden: boolean;
  private current: PresenceStatus;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly onChange: (status: PresenceStatus) => void, options: PresenceTrackerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.idleAfterMs = options.idleAfterMs ?? IDLE_AFTER_MS;
    this.lastInputAt = this.now();
    this.hidden = options.hidden ?? false;
    this.current = this.compute();
    this.schedule();
  }

  /** The status now. */
  get status(): PresenceStatus {
    return this.current;
  }

  /** Keyboard, pointer, wheel or touch input. */
  noteInput(): void {
    this.lastInputAt = this.now();
    this.update();
  }

  /** The tab was hidden or shown (`visibilitychange`); showing it counts as input. */
  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    if (!hidden) this.lastInputAt = this.now();
    this.update();
  }

  /** Stops the timer; no more changes are reported. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private compute(): PresenceStatus {
    if (this.hidden) return 'away';
    return this.now() - this.lastInputAt >= this.idleAfterMs ? 'idle' : 'active';
  }

  private update(): void {
    if (this.disposed) return;
    const next = this.compute();
    if (next !== this.current) {
      this.current = next;
      this.onChange(next);
    }
    this.schedule();
  }

  /** While visible and active, wakes when the idle time would run out (input meanwhile moves it on). */
  private schedule(): void {
    if (this.disposed || this.timer !== null || this.current !== 'active') return;
    const dueIn = Math.max(0, this.lastInputAt + this.idleAfterMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.update();
    }, dueIn);
  }
}

/**
 * Sends status reports at most once per `intervalMs`, the latest winning (P-STATUS-1): a change
 * within the interval waits for its end, and one that is undone meanwhile is never sent.
 */
export class StatusReporter {
  private lastSent: PresenceStatus | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private wanted: PresenceStatus | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (status: PresenceStatus) => void,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = STATUS_REPORT_INTERVAL_MS,
  ) {}

  /** Reports the status unless the server already has it. */
  report(status: PresenceStatus): void {
    this.wanted = status;
    this.flush();
  }

  /** After a (re)join the server may not know this tab's status: report it again. */
  resend(status: PresenceStatus): void {
    this.lastSent = null;
    this.report(status);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.wanted = null;
  }

  private flush(): void {
    if (this.wanted === null || this.wanted === this.lastSent || this.timer !== null) return;
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
      return;
    }
    this.lastSent = this.wanted;
    this.lastSentAt = this.now();
    this.send(this.wanted);
  }
}
