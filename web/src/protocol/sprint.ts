// Study sprint methods, callbacks and payloads (docs/protocol.md, "Sprints", P-SPR-n).
import type { GoalOutcome } from './stats';

/** Client → server sprint hub method names. */
export const SprintMethods = {
  getSprint: 'GetSprint',
  startSprint: 'StartSprint',
  pauseSprint: 'PauseSprint',
  resumeSprint: 'ResumeSprint',
  skipSprintPhase: 'SkipSprintPhase',
  extendSprint: 'ExtendSprint',
  stopSprint: 'StopSprint',
  setSprintRules: 'SetSprintRules',
  joinSprint: 'JoinSprint',
  leaveSprint: 'LeaveSprint',
  setSprintGoal: 'SetSprintGoal',
  submitRecap: 'SubmitRecap',
  sprintHeartbeat: 'SprintHeartbeat',
} as const;

/** Server → client sprint callback names. */
export const SprintCallbacks = {
  sprintUpdated: 'SprintUpdated',
  sprintCheckInPrompted: 'SprintCheckInPrompted',
  sprintRecapsUpdated: 'SprintRecapsUpdated',
} as const;

/** Where a room's sprint stands (P-SPR-1). */
export type SprintStatus = 'none' | 'running' | 'paused' | 'finished' | 'stopped';

/** What a phase is for. */
export type SprintPhaseKind = 'focus' | 'shortBreak' | 'longBreak';

/** Why a `SprintUpdated` was sent (P-SPR-4). */
export type SprintChange =
  | 'started'
  | 'phaseChanged'
  | 'paused'
  | 'resumed'
  | 'extended'
  | 'stopped'
  | 'finished'
  | 'rulesChanged'
  | 'participantsChanged';

/** A sprint plan with lengths in milliseconds (P-SPR-2). */
export interface SprintPlan {
  readonly preset: string;
  readonly focusMs: number;
  readonly shortBreakMs: number;
  readonly longBreakMs: number;
  readonly longBreakEvery: number;
  readonly cycles: number;
}

/** Room rules per phase (P-SPR-7). */
export interface SprintRules {
  readonly muteChatDuringFocus?: boolean;
  readonly muteChatDuringBreaks?: boolean;
  readonly lockBoardDuringFocus?: boolean;
  readonly lockBoardDuringBreaks?: boolean;
}

/** A participant of the sprint, with their goal (P-SPR-8). */
export interface SprintParticipant {
  readonly userId: string;
  readonly displayName: string;
  readonly goal?: string | null;
  readonly joined: boolean;
  readonly connected?: boolean;
  readonly lastOutcome?: GoalOutcome | null;
}

/** A room's sprint: plan plus the anchors of the current phase (P-SPR-3). */
export interface SprintSnapshot {
  readonly roomId: string;
  readonly status: SprintStatus;
  readonly sprintId?: string | null;
  readonly startedBy?: string | null;
  readonly plan?: SprintPlan | null;
  readonly rules?: SprintRules | null;
  readonly phaseIndex: number;
  readonly phaseKind: SprintPhaseKind;
  readonly blockIndex: number;
  /** ISO instant the current phase started (moved forward by pauses). */
  readonly phaseStartedAt: string;
  readonly phaseDurationMs: number;
  /** ISO instant of the pause; absent while running. */
  readonly pausedAt?: string | null;
  /** The server's clock when the snapshot was made (ISO). */
  readonly serverTime: string;
  readonly participants: readonly SprintParticipant[];
  readonly chatMuted: boolean;
  readonly boardLocked: boolean;
  readonly version: number;
}

/** Event `SprintUpdated`. */
export interface SprintUpdated {
  readonly roomId: string;
  readonly change: SprintChange;
  readonly sprint: SprintSnapshot;
}

/** Event `SprintCheckInPrompted` (P-SPR-9). */
export interface SprintCheckInPrompted {
  readonly roomId: string;
  readonly sprintId: string;
  readonly blockIndex: number;
  readonly at: string;
}

/** One recap in a summary (P-SPR-10). */
export interface SprintRecap {
  readonly userId: string;
  readonly displayName: string;
  readonly goal?: string | null;
  readonly outcome: GoalOutcome;
  readonly note?: string | null;
}

/** Event `SprintRecapsUpdated` and the answer of `SubmitRecap` (P-SPR-10). */
export interface SprintRecapsUpdated {
  readonly roomId: string;
  readonly sprintId: string;
  readonly blockIndex: number;
  readonly done: number;
  readonly partly: number;
  readonly notDone: number;
  readonly recaps: readonly SprintRecap[];
}

/** Argument of `StartSprint`. */
export interface StartSprintRequest {
  readonly roomId: string;
  readonly preset: string;
  readonly focusMinutes?: number;
  readonly shortBreakMinutes?: number;
  readonly longBreakMinutes?: number;
  readonly longBreakEvery?: number;
  readonly cycles?: number;
  readonly rules?: SprintRules;
  readonly goal?: string;
}

/** How often a client in a sprint sends `SprintHeartbeat` (P-SPR-11). */
export const SPRINT_HEARTBEAT_INTERVAL_MS = 60_000;

/** Longest goal (P-SPR-8) and recap note (P-SPR-10). */
export const SPRINT_GOAL_MAX_LENGTH = 140;
export const SPRINT_NOTE_MAX_LENGTH = 280;

/** Presets a host may pick (P-SPR-2). */
export const SPRINT_PRESETS = ['25/5', '50/10', '90/20'] as const;

/**
 * The sprint part of the room connection. Separate from `RoomHub` so the board's tests and fakes
 * need not know about sprints.
 */
export interface SprintHub {
  /** Whether calls can be made now. */
  isConnected(): boolean;
  /** Calls a sprint hub method. */
  invoke(method: string, request: object): Promise<unknown>;
  /** Subscribes to a sprint callback; returns the unsubscribe function. */
  on(callback: string, handler: (event: never) => void): () => void;
}
