// Study stats over HTTP (docs/protocol.md P-STATS-1..3; rules in docs/stats.md).

/** One local day of the caller's study (a heatmap cell). */
export interface StudyDay {
  /** Local date, `yyyy-MM-dd`. */
  readonly date: string;
  /** Credited focus minutes on that local day. */
  readonly minutes: number;
}

/** How a participant rated a focus block in its recap. */
export type GoalOutcome = 'done' | 'partly' | 'notDone';

/** A goal and its recap from the caller's history. */
export interface FocusRecap {
  readonly userId: string;
  readonly roomId: string;
  readonly sprintId: string;
  readonly blockIndex: number;
  readonly goal?: string;
  readonly outcome: GoalOutcome;
  readonly note?: string;
  readonly recordedAt: string;
}

/** Answer of `GET /api/me/stats?tz=…` (P-STATS-1): days and weeks local to `timeZone`. */
export interface UserStats {
  readonly timeZone: string;
  /** Local date of "now", `yyyy-MM-dd`. */
  readonly today: string;
  readonly totalFocusMinutes: number;
  readonly weekFocusMinutes: number;
  readonly todayFocusMinutes: number;
  readonly focusBlocks: number;
  readonly sprintsCompleted: number;
  /** 0–1; absent before the first recap. */
  readonly goalCompletionRate?: number;
  readonly recaps: number;
  readonly currentStreakDays: number;
  readonly bestStreakDays: number;
  /** Minutes a day needs to count for a streak. */
  readonly streakDayMinutes: number;
  /** Monday to Sunday of the current local week. */
  readonly week: readonly StudyDay[];
  /** 84 days: 12 local ISO weeks ending with the current one, oldest first. */
  readonly heatmap: readonly StudyDay[];
  /** Newest first. */
  readonly recentRecaps: readonly FocusRecap[];
}

/** Which totals a leaderboard ranks: the current UTC ISO week or all time. */
export type LeaderboardPeriod = 'week' | 'all';

/** One row of a room leaderboard; equal minutes share a rank. */
export interface LeaderboardEntry {
  readonly rank: number;
  readonly userId: string;
  readonly displayName: string;
  readonly focusMinutes: number;
}

/** Answer of `GET /api/rooms/{roomId}/leaderboard` (P-STATS-3). */
export interface RoomLeaderboard {
  readonly roomId: string;
  readonly period: LeaderboardPeriod;
  /** Start of the week (Monday 00:00 UTC); absent for all time. */
  readonly from?: string;
  readonly entries: readonly LeaderboardEntry[];
}
