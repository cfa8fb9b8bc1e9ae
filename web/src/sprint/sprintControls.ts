// What a host picks in the sprint bar, as wire values (docs/protocol.md P-SPR-5, P-SPR-7): when the
// chat is quiet and the board locked, and by how many minutes to extend a phase. Pure.
import type { SprintRules } from '../protocol';

/** When a per-phase rule applies: never, during focus blocks, or during breaks (P-SPR-7). */
export type RulePhase = 'off' | 'focus' | 'breaks';

/** The rule phases in the order the bar offers them. */
export const RULE_PHASES: readonly RulePhase[] = ['off', 'focus', 'breaks'];

/** The most minutes one extension may add (P-SPR-5). */
export const SPRINT_EXTEND_MAX_MINUTES = 60;

/** Minutes the extend control starts with. */
export const SPRINT_EXTEND_DEFAULT_MINUTES = 5;

/** Reads a select's value as a rule phase; anything unknown is `off`. */
export function rulePhase(value: string): RulePhase {
  return value === 'focus' || value === 'breaks' ? value : 'off';
}

/** The wire rules for "chat quiet during …" and "board locked during …", e.g. focus and breaks or the reverse. */
export function sprintRules(chat: RulePhase, board: RulePhase): SprintRules {
  return {
    muteChatDuringFocus: chat === 'focus',
    muteChatDuringBreaks: chat === 'breaks',
    lockBoardDuringFocus: board === 'focus',
    lockBoardDuringBreaks: board === 'breaks',
  };
}

/** When the chat of a sprint's rules is quiet (the first phase that mutes it, focus first). */
export function chatRulePhase(rules: SprintRules | null | undefined): RulePhase {
  return rules?.muteChatDuringFocus === true ? 'focus' : rules?.muteChatDuringBreaks === true ? 'breaks' : 'off';
}

/** When the board of a sprint's rules is locked (the first phase that locks it, focus first). */
export function boardRulePhase(rules: SprintRules | null | undefined): RulePhase {
  return rules?.lockBoardDuringFocus === true ? 'focus' : rules?.lockBoardDuringBreaks === true ? 'breaks' : 'off';
}

/** Whole minutes to extend by from what the host typed: rounded, within 1–60; null if not a number. */
export function extendMinutes(raw: string): number | null {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value)) return null;
  return Math.min(SPRINT_EXTEND_MAX_MINUTES, Math.max(1, Math.round(value)));
}
