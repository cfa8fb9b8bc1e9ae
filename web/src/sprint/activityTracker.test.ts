import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_AFTER_MS, type PresenceStatus } from '../protocol';
import { PresenceTracker, StatusReporter } from './activityTracker';

// P-STATUS-1: idle/away transitions with an injected clock (fake timers move it and fire the timers).
describe('PresenceTracker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function track(hidden = false): { tracker: PresenceTracker; changes: PresenceStatus[] } {
    const changes: PresenceStatus[] = [];
    const tracker = new PresenceTracker((s) => changes.push(s), { now: () => Date.now(), hidden });
    return { tracker, changes };
  }

  it('turns idle after exactly 2 minutes without input, and active again on input', () => {
    const { tracker, changes } = track();
    expect(tracker.status).toBe('active');
    vi.advanceTimersByTime(IDLE_AFTER_MS - 1);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual(['idle']);
    tracker.noteInput();
    expect(changes).toEqual(['idle', 'active']);
    expect(tracker.status).toBe('active');
  });

  it('counts the 2 minutes from the last input', () => {
    const { tracker, changes } = track();
    vi.advanceTimersByTime(90_000);
    tracker.noteInput();
    vi.advanceTimersByTime(90_000);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(30_000);
    expect(changes).toEqual(['idle']);
  });

  it('is away while hidden, never idle then, and active when shown again', () => {
    const { tracker, changes } = track();
    vi.advanceTimersByTime(10_000);
    tracker.setHidden(true);
    expect(changes).toEqual(['away']);
    vi.advanceTimersByTime(IDLE_AFTER_MS * 3);
    expect(changes).toEqual(['away']);
    tracker.setHidden(false);
    expect(changes).toEqual(['away', 'active']);
    vi.advanceTimersByTime(IDLE_AFTER_MS);
    expect(changes).toEqual(['away', 'active', 'idle']);
  });

  it('starts away in a hidden tab and reports each change once', () => {
    const { tracker, changes } = track(true);
    expect(tracker.status).toBe('away');
    tracker.setHidden(true);
    tracker.noteInput();
    expect(changes).toEqual([]);
  });

  it('stops after dispose', () => {
    const { tracker, changes } = track();
    tracker.dispose();
    vi.advanceTimersByTime(IDLE_AFTER_MS * 2);
    expect(changes).toEqual([]);
  });
});

describe('StatusReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a change at once, then at most one report per 2 s with the latest status', () => {
    const sent: PresenceStatus[] = [];
    const reporter = new StatusReporter((s) => sent.push(s), () => Date.now(), 2_000);
    reporter.report('away');
    reporter.report('active');
    reporter.report('idle');
    expect(sent).toEqual(['away']);
    vi.advanceTimersByTime(2_000);
    expect(sent).toEqual(['away', 'idle']);
  });

  it('drops a change undone within the interval and does not repeat what the server has', () => {
    const sent: PresenceStatus[] = [];
    const reporter = new StatusReporter((s) => sent.push(s), () => Date.now(), 2_000);
    reporter.report('away');
    reporter.report('active');
    reporter.report('away');
    vi.advanceTimersByTime(5_000);
    reporter.report('away');
    expect(sent).toEqual(['away']);
  });

  it('reports again after a rejoin', () => {
    const sent: PresenceStatus[] = [];
    const reporter = new StatusReporter((s) => sent.push(s), () => Date.now(), 2_000);
    reporter.report('idle');
    vi.advanceTimersByTime(2_000);
    reporter.resend('idle');
    expect(sent).toEqual(['idle', 'idle']);
  });
});
