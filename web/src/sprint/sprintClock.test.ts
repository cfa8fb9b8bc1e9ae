import { describe, expect, it } from 'vitest';
import type { SprintSnapshot } from '../protocol';
import { CLOCK_GOOD_HALF_RTT_MS, CLOCK_REFINE_ATTEMPTS, ClockOffset, clockRefineDelayMs, formatCountdown, isNewer, isPhaseChange, phaseLabel, remainingMs, tabTitle } from './sprintClock';

// Proves the client side of P-SPR-3 and P-SPR-13: the countdown comes from the anchors and a measured
// clock offset, so clients whose clocks disagree by 30 s show the same remaining time within 250 ms.

const T = Date.parse('2026-03-02T09:00:00.000Z');

function sprint(overrides: Partial<SprintSnapshot> = {}): SprintSnapshot {
  return {
    roomId: 'r',
    status: 'running',
    sprintId: 's1',
    plan: { preset: '25/5', focusMs: 25 * 60_000, shortBreakMs: 5 * 60_000, longBreakMs: 15 * 60_000, longBreakEvery: 4, cycles: 4 },
    phaseIndex: 0,
    phaseKind: 'focus',
    blockIndex: 0,
    phaseStartedAt: new Date(T).toISOString(),
    phaseDurationMs: 25 * 60_000,
    serverTime: new Date(T).toISOString(),
    participants: [],
    chatMuted: false,
    boardLocked: false,
    version: 1,
    ...overrides,
  };
}

/** A simulated client: its clock reads true time + skew; requests take `up` ms, answers `down` ms. */
function measure(skewMs: number, up: number, down: number, trueStart: number, exchanges = 3): ClockOffset {
  const clock = new ClockOffset();
  let trueNow = trueStart;
  for (let i = 0; i < exchanges; i++) {
    const sentAt = trueNow + skewMs;
    const serverMs = trueNow + up;
    trueNow += up + down;
    clock.addRoundTrip(serverMs, sentAt, trueNow + skewMs);
    trueNow += 500;
  }
  return clock;
}

describe('sprint countdown (P-SPR-13)', () => {
  it('shows the same remaining time within 250 ms on clients whose clocks are 30 s apart', () => {
    const snapshot = sprint();
    const accurate = measure(0, 20, 20, T + 1_000);
    const skewed = measure(30_000, 40, 160, T + 1_200); // 30 s ahead, slow and lopsided link
    const behind = measure(-30_000, 15, 60, T + 900);

    for (const trueNow of [T + 5_000, T + 12 * 60_000 + 345, T + 24 * 60_000 + 999]) {
      const truth = remainingMs(snapshot, trueNow);
      const shown = [
        remainingMs(snapshot, accurate.serverNow(trueNow)),
        remainingMs(snapshot, skewed.serverNow(trueNow + 30_000)),
        remainingMs(snapshot, behind.serverNow(trueNow - 30_000)),
      ];
      for (const value of shown) expect(Math.abs(value - truth)).toBeLessThan(250);
    }
  });

  it('keeps the shortest round trip and respects one-way stamps as a lower bound', () => {
    const clock = new ClockOffset();
    clock.addRoundTrip(10_000, 0, 2_000); // rtt 2 s: offset 9 s ± 1 s
    clock.addRoundTrip(20_050, 10_000, 10_100); // rtt 100 ms: offset 10 s ± 50 ms
    expect(clock.offsetMs).toBe(10_000);
    clock.addOneWay(30_500, 20_400); // the server had 30.5 s when we were at 20.4 s: offset ≥ 10.1 s
    expect(clock.offsetMs).toBe(10_100);
    expect(new ClockOffset().offsetMs).toBe(0);
  });

  it('freezes while paused and never goes below zero', () => {
    const paused = sprint({ status: 'paused', pausedAt: new Date(T + 10 * 60_000).toISOString() });
    expect(remainingMs(paused, T + 60 * 60_000)).toBe(15 * 60_000);
    expect(remainingMs(sprint(), T + 26 * 60_000)).toBe(0);
    expect(remainingMs(sprint({ status: 'finished' }), T)).toBe(0);
  });

  it('formats, labels and titles the countdown', () => {
    expect(formatCountdown(25 * 60_000)).toBe('25:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(90 * 60_000)).toBe('1:30:00');
    expect(phaseLabel(sprint({ blockIndex: 1, phaseIndex: 2 }))).toBe('Focus 2 of 4');
    expect(phaseLabel(sprint({ phaseKind: 'longBreak', phaseIndex: 7 }))).toBe('Long break');
    expect(phaseLabel(sprint({ status: 'paused' }))).toBe('Paused · Focus 1 of 4');
    expect(tabTitle(sprint(), 61_000, 'Algebra')).toBe('1:01 Focus · Algebra');
    expect(tabTitle(null, 0, 'Algebra')).toBe('Algebra');
  });

  it('orders snapshots by version and spots phase changes (P-SPR-4)', () => {
    expect(isNewer(sprint({ version: 5 }), sprint({ version: 4 }))).toBe(false);
    expect(isNewer(sprint({ version: 5 }), sprint({ version: 5 }))).toBe(true);
    expect(isPhaseChange(sprint(), sprint({ phaseIndex: 1, phaseKind: 'shortBreak' }))).toBe(true);
    expect(isPhaseChange(sprint(), sprint({ status: 'paused' }))).toBe(false);
    expect(isPhaseChange(sprint(), sprint({ status: 'finished' }))).toBe(true);
    expect(isPhaseChange(null, sprint())).toBe(false);
  });
});

describe('measuring the clock again after a slow join (P-SPR-13)', () => {
  it('keeps half the shortest round trip as the estimate\'s bound', () => {
    const clock = new ClockOffset();
    expect(clock.bestHalfRttMs).toBeUndefined();
    clock.addRoundTrip(T + 400, T, T + 800);
    clock.addRoundTrip(T + 1_100, T + 1_000, T + 1_200);
    expect(clock.bestHalfRttMs).toBe(100);
  });

  it('measures again with a doubling delay while every round trip was slow, and stops once one is good', () => {
    const slow = CLOCK_GOOD_HALF_RTT_MS + 1;
    expect([0, 1, 2, 3, 4, 5].map((attempt) => clockRefineDelayMs(slow, attempt))).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
    expect(clockRefineDelayMs(slow, CLOCK_REFINE_ATTEMPTS)).toBeNull();
    expect(clockRefineDelayMs(CLOCK_GOOD_HALF_RTT_MS, 0)).toBeNull();
    expect(clockRefineDelayMs(undefined, 0)).toBe(1000);
  });

  it('brings a client whose join-time round trips took 600 ms within 250 ms of a well-measured one', () => {
    // Bob's clock is 30 s ahead; at his join every answer took 600 ms to come back (a busy page), the
    // request itself 0 ms, so each sample is 300 ms off. A later exchange on an idle link fixes it.
    const bob = new ClockOffset();
    const skew = 30_000;
    let trueNow = T;
    for (let i = 0; i < 3; i++) {
      bob.addRoundTrip(trueNow, trueNow + skew, trueNow + 600 + skew);
      trueNow += 700;
    }
    const ada = measure(0, 10, 10, T);
    const spread = (): number => Math.abs(bob.serverNow(trueNow + skew) - ada.serverNow(trueNow));
    expect(spread()).toBeGreaterThan(250);
    expect(clockRefineDelayMs(bob.bestHalfRttMs, 0)).toBe(1000);

    trueNow += 1_000;
    bob.addRoundTrip(trueNow + 15, trueNow + skew, trueNow + 30 + skew);
    expect(spread()).toBeLessThanOrEqual(250);
    expect(clockRefineDelayMs(bob.bestHalfRttMs, 1)).toBeNull();
  });
});
