// Pure formatting of study stats for the stats panel: minutes, rates, streaks, the heatmap grid
// and leaderboard rows. English, fixed names (no locale), so the output is the same everywhere.
import type { FocusRecap, GoalOutcome, LeaderboardEntry, StudyDay } from '../protocol';
import { statsStrings } from '../ui/stats/statsStrings';

const WEEKDAYS: readonly string[] = statsStrings.weekdays;
const MONTHS: readonly string[] = statsStrings.months;

/** Minutes needed for heat levels 1–4 of a heatmap cell; 0 minutes is level 0. */
export const HEAT_LEVEL_MINUTES = [1, 25, 50, 100] as const;

/** Weekday names, Monday first, as the heatmap's row headers use them. */
export const WEEKDAY_NAMES: readonly string[] = WEEKDAYS;

/** "0 min", "25 min", "1 h", "1 h 5 min". */
export function formatMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return statsStrings.minutes(rest);
  return rest === 0 ? statsStrings.hours(hours) : statsStrings.hoursMinutes(hours, rest);
}

/** A goal completion rate (0–1) as a whole percentage, or a dash when there is none yet. */
export function formatRate(rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate)) return '–';
  return `${Math.round(Math.min(1, Math.max(0, rate)) * 100)}%`;
}

/** "1 day", "3 days". */
export function formatDays(days: number): string {
  return statsStrings.days(days);
}

/** The parts of a `yyyy-MM-dd` date, or null when it is not one. */
export function parseDate(date: string): { year: number; month: number; day: number; weekday: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  // getUTCDay: Sunday 0 … Saturday 6; weekday here: Monday 0 … Sunday 6.
  return { year, month, day, weekday: (utc.getUTCDay() + 6) % 7 };
}

/** "Monday 23 November 2026" for `2026-11-23`; the input itself when it is not a date. */
export function formatDate(date: string): string {
  const parts = parseDate(date);
  if (parts === null) return date;
  return `${WEEKDAYS[parts.weekday] ?? ''} ${parts.day} ${MONTHS[parts.month - 1] ?? ''} ${parts.year}`;
}

/** Heat level 0–4 of a day's minutes (HEAT_LEVEL_MINUTES). */
export function heatLevel(minutes: number): number {
  let level = 0;
  for (const threshold of HEAT_LEVEL_MINUTES) if (minutes >= threshold) level++;
  return level;
}

/** A heatmap cell with the text a screen reader reads for it. */
export interface HeatCell {
  readonly date: string;
  readonly minutes: number;
  readonly level: number;
  /** After today: no study possible yet. */
  readonly future: boolean;
  /** "Monday 23 November 2026: 25 min". */
  readonly label: string;
}

/** Days (Monday first, whole weeks) as weeks of 7 cells, oldest week first; a trailing partial week is dropped. */
export function heatmapWeeks(days: readonly StudyDay[], today: string): HeatCell[][] {
  const weeks: HeatCell[][] = [];
  for (let start = 0; start + 7 <= days.length; start += 7) {
    weeks.push(
      days.slice(start, start + 7).map((d) => {
        const future = d.date > today;
        return {
          date: d.date,
          minutes: d.minutes,
          level: future ? 0 : heatLevel(d.minutes),
          future,
          label: `${formatDate(d.date)}: ${future ? statsStrings.notYet : formatMinutes(d.minutes)}`,
        };
      }),
    );
  }
  return weeks;
}

/** A leaderboard row as shown. */
export interface LeaderboardRow {
  readonly rank: string;
  readonly name: string;
  readonly minutes: string;
  readonly isSelf: boolean;
  /** "2nd, Ada, 25 min" for screen readers; ties say "tied". */
  readonly label: string;
}

/** Leaderboard entries as rows; a rank shared with a neighbour is marked as a tie. */
export function leaderboardRows(entries: readonly LeaderboardEntry[], selfId: string | null): LeaderboardRow[] {
  return entries.map((entry, i) => {
    const tied = entries[i - 1]?.rank === entry.rank || entries[i + 1]?.rank === entry.rank;
    const minutes = formatMinutes(entry.focusMinutes);
    return {
      rank: tied ? `=${entry.rank}` : String(entry.rank),
      name: entry.displayName,
      minutes,
      isSelf: entry.userId === selfId,
      label: `${ordinal(entry.rank)}${tied ? ' (tied)' : ''}, ${entry.displayName}, ${minutes}`,
    };
  });
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** The zone id to ask the server with: the browser's IANA zone when it looks like one, else UTC (P-STATS-2). */
export function timeZoneOrUtc(candidate: string | undefined | null): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 64) return 'UTC';
  return /^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/.test(candidate) ? candidate : 'UTC';
}

const OUTCOME_TEXT: Readonly<Record<GoalOutcome, string>> = statsStrings.outcomes;

/** A recap as the history list shows it. */
export interface RecapRow {
  readonly goal: string;
  readonly outcome: string;
  readonly outcomeKind: GoalOutcome;
  readonly note: string | null;
  /** The local date of the recap in the stats' time zone, `yyyy-MM-dd`. */
  readonly date: string;
}

/** The local date (`yyyy-MM-dd`) of an ISO instant in an IANA zone; the instant's own date part if either is unusable. */
export function localDateOf(instant: string, timeZone: string): string {
  const when = new Date(instant);
  if (Number.isNaN(when.getTime())) return instant.slice(0, 10);
  try {
    // en-CA writes dates as yyyy-MM-dd.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(when);
  } catch {
    return instant.slice(0, 10);
  }
}

/** Recaps (newest first, as the server sends them) as rows dated in `timeZone`; a block without a declared goal says so. */
export function recapRows(recaps: readonly FocusRecap[], noGoal: string, timeZone: string): RecapRow[] {
  return recaps.map((r) => ({
    goal: r.goal !== undefined && r.goal.trim().length > 0 ? r.goal : noGoal,
    outcome: OUTCOME_TEXT[r.outcome],
    outcomeKind: r.outcome,
    note: r.note !== undefined && r.note.trim().length > 0 ? r.note : null,
    date: localDateOf(r.recordedAt, timeZone),
  }));
}
