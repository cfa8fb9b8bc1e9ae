import { describe, expect, it } from 'vitest';
import { boardRulePhase, chatRulePhase, extendMinutes, rulePhase, sprintRules } from './sprintControls';

// Proves the host's sprint choices become the wire values the server expects (P-SPR-5, P-SPR-7):
// either direction of the per-phase rules, and extensions of whole minutes within 1–60.

describe('sprint rules (P-SPR-7)', () => {
  it('mute the chat in focus and lock the board in breaks, or the reverse', () => {
    expect(sprintRules('focus', 'breaks')).toEqual({ muteChatDuringFocus: true, muteChatDuringBreaks: false, lockBoardDuringFocus: false, lockBoardDuringBreaks: true });
    expect(sprintRules('breaks', 'focus')).toEqual({ muteChatDuringFocus: false, muteChatDuringBreaks: true, lockBoardDuringFocus: true, lockBoardDuringBreaks: false });
    expect(sprintRules('off', 'off')).toEqual({ muteChatDuringFocus: false, muteChatDuringBreaks: false, lockBoardDuringFocus: false, lockBoardDuringBreaks: false });
  });

  it('read back from a snapshot and from a select', () => {
    for (const chat of ['off', 'focus', 'breaks'] as const) {
      for (const board of ['off', 'focus', 'breaks'] as const) {
        const rules = sprintRules(chat, board);
        expect([chatRulePhase(rules), boardRulePhase(rules)]).toEqual([chat, board]);
      }
    }
    expect(chatRulePhase(undefined)).toBe('off');
    expect([rulePhase('breaks'), rulePhase('focus'), rulePhase('always'), rulePhase('')]).toEqual(['breaks', 'focus', 'off', 'off']);
  });
});

describe('extend minutes (P-SPR-5)', () => {
  it('are whole minutes from 1 to 60', () => {
    expect(['5', ' 15 ', '2.6', '0', '-3', '61', '600'].map(extendMinutes)).toEqual([5, 15, 3, 1, 1, 60, 60]);
  });

  it('are nothing for what is not a number', () => {
    expect(['', 'ten', 'NaN', 'Infinity'].map(extendMinutes)).toEqual([null, null, null, null]);
  });
});
