// The sprint countdown as pure functions of the server's anchors and a measured clock offset
// (docs/protocol.md P-SPR-3, P-SPR-13). Nothing here reads the real clock: callers pass "now".
import type { SprintPhaseKind, SprintSnapshot } from '../protocol';
import { sprintStrings } from '../ui/sprint/sprintStrings';

/** How many recent samples of each kind the offset estimate keeps. */
export const CLOCK_SAMPLE_WINDOW = 8;

/**
 * A round trip at most twice this long pins the offset well inside P-SPR-13's 250 ms. The exchanges
 * at a join run while the page is busiest (and a Wi-Fi may be at its worst), so a client whose best
 * round trip is longer measures again later.
 */
export const CLOCK_GOOD_HALF_RTT_MS = 25;
/** Further single exchanges after a join whose round trips were all slow: 1, 2, 4, 8, 16 and 32 s later. */
export const CLOCK_REFINE_ATTEMPTS = 6;

/**
 * When to measure the clock again after a join: `null` once the best round trip is good enough or
 * the attempts are spent, else a delay that doubles from one second.
 */
export function clockRefineDelayMs(bestHalfRttMs: number | undefined, attempt: number): number | null {
  if (bestHalfRttMs !== undefined && bestHalfRttMs <= CLOCK_GOOD_HALF_RTT_MS) return null;
  if (attempt >= CLOCK_REFINE_ATTEMPTS) return null;
  return 1000 * 2 ** attempt;
}

/**
 * Estimates `serverClock − localClock`. A round trip (NTP-like) brackets the server's stamp between
 * send and receive: offset = serverTime − (sentAt + rtt/2), wrong by at most rtt/2; the sample with
 * the shortest round trip wins. A one-way stamp (an event) only bounds the offset from below: the
 * server stamped it before it arrived.
 */
export class ClockOffset {
  private readonly roundTrips: { offset: number; halfRtt: number }[] = [];
  private readonly lowerBounds: number[] = [];

  /** Adds a round trip: the request left at `sentAt`, the answer stamped `serverMs` arrived at `receivedAt` (local ms). */
  addRoundTrip(serverMs: number, sentAt: number, receivedAt: number): void {
    if (!Number.isFinite(serverMs) || receivedAt < sentAt) return;
    const halfRtt = (receivedAt - sentAt) / 2;
    push(this.roundTrips, { offset: serverMs - (sentAt + halfRtt), halfRtt });
  }

  /** Adds a one-way stamp: an event stamped `serverMs` arrived at `receivedAt` (local ms). */
  addOneWay(serverMs: number, receivedAt: number): void {
    if (!Number.isFinite(serverMs)) return;
    push(this.lowerBounds, serverMs - receivedAt);
  }

  /** Whether a round trip was measured (the estimate is then good to half its round trip). */
  get measured(): boolean {
    return this.roundTrips.length > 0;
  }

  /** Half the shortest round trip kept: how far off the estimate can be; undefined before any. */
  get bestHalfRttMs(): number | undefined {
    return this.bestRoundTrip()?.halfRtt;
  }

  /** The current estimate of server minus local clock, in ms (0 before any sample). */
  get offsetMs(): number {
    const best = this.bestRoundTrip();
    const floor = this.lowerBounds.length > 0 ? Math.max(...this.lowerBounds) : undefined;
    if (best === undefined) return floor ?? 0;
    return floor === undefined ? best.offset : Math.max(best.offset, floor);
  }

  /** The server's clock now, given the local clock now. */
  serverNow(localNowMs: number): number {
    return localNowMs + this.offsetMs;
  }

  /** The kept round trip with the shortest trip: the one that pins the offset closest. */
  private bestRoundTrip(): { offset: number; halfRtt: number } | undefined {
    let best: { offset: number; halfRtt: number } | undefined;
    for (const sample of this.roundTrips) if (best === undefined || sample.halfRtt < best.halfRtt) best = sample;
    return best;
  }
}

function push<T>(list: T[], value: T): void {
  list.push(value);
  if (list.length > CLOCK_SAMPLE_WINDOW) list.shift();
}

/** Milliseconds left in the current phase at server time `serverNowMs` (P-SPR-3); 0 when no sprint runs. */
export function remainingMs(sprint: SprintSnapshot, serverNowMs: number): number {
  if (sprint.status !== 'running' && sprint.status !== 'paused') return 0;
  const end = Date.parse(sprint.phaseStartedAt) + sprint.phaseDurationMs;
  const at = sprint.pausedAt ? Date.parse(sprint.pausedAt) : serverNowMs;
  return Math.min(sprint.phaseDurationMs, Math.max(0, end - at));
}

/** `m:ss`, or `h:mm:ss` from an hour; whole seconds rounded up, so 0:00 shows only at the end. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const PHASE_NAMES: Readonly<Record<SprintPhaseKind, string>> = sprintStrings.phaseNames;

/** The phase as people say it: "Focus 2 of 4", "Long break", "Paused · Focus 1 of 4", "Sprint finished". */
export function phaseLabel(sprint: SprintSnapshot): string {
  switch (sprint.status) {
    case 'none':
      return sprintStrings.noSprint;
    case 'finished':
      return sprintStrings.finished;
    case 'stopped':
      return sprintStrings.stopped;
    default: {
      const cycles = sprint.plan?.cycles ?? 0;
      const phase = sprint.phaseKind === 'focus' ? sprintStrings.focusBlock(sprint.blockIndex + 1, cycles) : PHASE_NAMES[sprint.phaseKind];
      return sprint.status === 'paused' ? sprintStrings.pausedPhase(phase) : phase;
    }
  }
}

/** The tab title during a sprint: "12:34 Focus · Room", else the room title alone. */
export function tabTitle(sprint: SprintSnapshot | null, remaining: number, roomTitle: string): string {
  if (sprint === null || (sprint.status !== 'running' && sprint.status !== 'paused')) return roomTitle;
  const phase = sprint.phaseKind === 'focus' ? sprintStrings.tabFocus : sprintStrings.tabBreak;
  return `${sprint.status === 'paused' ? '⏸ ' : ''}${formatCountdown(remaining)} ${phase} · ${roomTitle}`;
}

/** Whether `incoming` should replace `current` (P-SPR-4): snapshots are ordered by `version`. */
export function isNewer(current: SprintSnapshot | null, incoming: SprintSnapshot): boolean {
  return current === null || incoming.version >= current.version;
}

/** Whether going from `before` to `after` is a phase change worth a chime (new phase, start or end). */
export function isPhaseChange(before: SprintSnapshot | null, after: SprintSnapshot): boolean {
  if (before === null) return false;
  if (before.sprintId !== after.sprintId) return after.status === 'running';
  const live = (s: SprintSnapshot): boolean => s.status === 'running' || s.status === 'paused';
  return before.phaseIndex !== after.phaseIndex || (live(before) && after.status === 'finished');
}
