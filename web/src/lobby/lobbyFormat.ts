// Lobby texts computed from data: occupancy, sprint state, tags typed into the create form. Pure.
import type { SprintSummary, TagCount } from '../protocol';
import { lobbyStrings } from '../ui/lobby/lobbyStrings';
import { sprintStrings } from '../ui/sprint/sprintStrings';

/** "Nobody here now", "1 studying now", "5 studying now". */
export function occupancyText(count: number): string {
  if (count <= 0) return lobbyStrings.occupancy.nobody;
  return lobbyStrings.occupancy.studying(count);
}

const PHASE_NAMES: Readonly<Record<SprintSummary['phaseKind'], string>> = sprintStrings.phaseNames;

/** "Focus · 12 min left", "Short break · under a minute left", "Focus (paused) · 3 min left". */
export function sprintText(sprint: SprintSummary): string {
  const phase = PHASE_NAMES[sprint.phaseKind];
  const minutes = Math.ceil(Math.max(0, sprint.remainingMs) / 60_000);
  const left = sprint.remainingMs < 60_000 ? lobbyStrings.sprintSummary.underAMinute : lobbyStrings.sprintSummary.minutesLeft(minutes);
  return `${phase}${sprint.status === 'paused' ? lobbyStrings.sprintSummary.paused : ''} · ${left}`;
}

/** Tags the create form accepts: at most 5, each 1–30 characters (P-ROOM-3). */
export const MAX_TAGS = 5;
export const MAX_TAG_LENGTH = 30;

/**
 * Tags typed as "math, exam prep": split at commas, trimmed, lower-cased, duplicates dropped.
 * Null when there are too many or one is too long.
 */
export function parseTags(text: string): string[] | null {
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim().toLowerCase();
    if (tag.length === 0 || tags.includes(tag)) continue;
    if (tag.length > MAX_TAG_LENGTH || /\p{Cc}/u.test(tag)) return null;
    tags.push(tag);
  }
  return tags.length > MAX_TAGS ? null : tags;
}

/** A capacity typed into the form: empty for the default, else a whole number 1–500 (P-ROOM-4). */
export function parseCapacity(text: string): number | undefined | null {
  const value = text.trim();
  if (value.length === 0) return undefined;
  if (!/^\d{1,3}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= 500 ? number : null;
}

/**
 * The filter chips: the server's most common tags, and the picked one first even when the current
 * search no longer finds rooms with it (so it can be cleared where it was picked).
 */
export function tagChips(tags: readonly TagCount[], selected: string | null): string[] {
  const names = tags.map((t) => t.tag);
  if (selected !== null && !names.includes(selected)) return [selected, ...names];
  return names;
}
