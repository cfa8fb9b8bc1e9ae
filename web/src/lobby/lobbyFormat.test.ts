// Proves the lobby's computed texts and the create form's parsing of tags and capacity (P-ROOM-3, P-ROOM-4).
import { describe, expect, it } from 'vitest';
import { occupancyText, parseCapacity, parseTags, sprintText, tagChips } from './lobbyFormat';

describe('lobby formatting', () => {
  it('says how many study now', () => {
    expect(occupancyText(0)).toBe('Nobody here now');
    expect(occupancyText(1)).toBe('1 studying now');
    expect(occupancyText(5)).toBe('5 studying now');
  });

  it('names the sprint phase and rounds the time left up to whole minutes', () => {
    expect(sprintText({ status: 'running', phaseKind: 'focus', remainingMs: 11 * 60_000 + 1 })).toBe('Focus · 12 min left');
    expect(sprintText({ status: 'running', phaseKind: 'shortBreak', remainingMs: 59_999 })).toBe('Short break · under a minute left');
    expect(sprintText({ status: 'paused', phaseKind: 'longBreak', remainingMs: 180_000 })).toBe('Long break (paused) · 3 min left');
  });

  it('parses tags like the server keeps them', () => {
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' Math, exam prep ,math,, ')).toEqual(['math', 'exam prep']);
    expect(parseTags('a,b,c,d,e')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(parseTags('a,b,c,d,e,f')).toBeNull();
    expect(parseTags('x'.repeat(31))).toBeNull();
  });

  it('parses a capacity of 1 to 500, empty meaning the default', () => {
    expect(parseCapacity('')).toBeUndefined();
    expect(parseCapacity(' 12 ')).toBe(12);
    expect(parseCapacity('500')).toBe(500);
    for (const bad of ['0', '501', '-3', '2.5', 'ten', '1e2']) expect(parseCapacity(bad), bad).toBeNull();
  });

  it('keeps the picked tag among the chips', () => {
    const tags = [
      { tag: 'math', count: 3 },
      { tag: 'poetry', count: 1 },
    ];
    expect(tagChips(tags, null)).toEqual(['math', 'poetry']);
    expect(tagChips(tags, 'poetry')).toEqual(['math', 'poetry']);
    expect(tagChips(tags, 'chemistry')).toEqual(['chemistry', 'math', 'poetry']);
  });
});
