import { describe, expect, it } from 'vitest';
import type { HelpRequest, SprintSnapshot } from '../../protocol';
import { assignableRoles, bannedName, focusedUserIds, handPlace, mayModerate, shownStatus, sortBans } from './peopleRules';
import { ordinal } from './peopleStrings';

function sprint(status: SprintSnapshot['status'], phaseKind: SprintSnapshot['phaseKind']): SprintSnapshot {
  return {
    status,
    phaseKind,
    participants: [
      { userId: 'u_a', displayName: 'A', joined: true },
      { userId: 'u_b', displayName: 'B', joined: false },
    ],
  } as unknown as SprintSnapshot;
}

describe('people rules (docs/permissions.md)', () => {
  it('lets only the owner give roles, never to the owner or the role held (P-ROLE-2)', () => {
    expect(assignableRoles('owner', 'member', false)).toEqual(['mentor', 'viewer']);
    expect(assignableRoles('owner', 'owner', true)).toEqual([]);
    expect(assignableRoles('mentor', 'member', false)).toEqual([]);
  });

  it('lets mentors and the owner moderate only users ranked below them (P-MOD-1)', () => {
    expect(mayModerate('mentor', 'member', false)).toBe(true);
    expect(mayModerate('mentor', 'mentor', false)).toBe(false);
    expect(mayModerate('owner', 'mentor', false)).toBe(true);
    expect(mayModerate('member', 'viewer', false)).toBe(false);
    expect(mayModerate('owner', 'owner', true)).toBe(false);
  });

  it('shows joined sprint members in focus only while a focus phase runs, over idle and away (P-STATUS-4)', () => {
    const away = { userId: 'u_a', displayName: 'A', color: '#000000', status: 'away' as const };
    expect(shownStatus(away, focusedUserIds(sprint('running', 'focus')))).toBe('focus');
    expect(shownStatus(away, focusedUserIds(sprint('paused', 'focus')))).toBe('away');
    expect(shownStatus(away, focusedUserIds(sprint('running', 'shortBreak')))).toBe('away');
    expect(focusedUserIds(sprint('running', 'focus')).has('u_b')).toBe(false);
    expect(shownStatus({ userId: 'u_c', displayName: 'C', color: '#000000' }, new Set())).toBe('active');
  });

  it('counts places in the queue from 1 and says them as ordinals (P-HAND-1)', () => {
    const queue = [{ userId: 'u_a' }, { userId: 'u_b' }] as HelpRequest[];
    expect(handPlace(queue, 'u_b')).toBe(2);
    expect(handPlace(queue, 'u_c')).toBeNull();
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '103rd']);
  });
});

describe('ban list (P-MOD-9)', () => {
  const unknown = (id: string): string => `unknown ${id}`;

  it('shows the name the user had, or the fallback when the server kept none', () => {
    expect(bannedName({ userId: 'u_1', displayName: 'Bob' }, unknown)).toBe('Bob');
    expect(bannedName({ userId: 'u_2', displayName: '  ' }, unknown)).toBe('unknown u_2');
    expect(bannedName({ userId: 'u_3' }, unknown)).toBe('unknown u_3');
  });

  it('lists the newest ban first and bans without a time last, by id', () => {
    const sorted = sortBans([
      { userId: 'u_old', bannedAt: '2026-11-01T10:00:00Z' },
      { userId: 'u_b' },
      { userId: 'u_new', bannedAt: '2026-11-30T10:00:00Z' },
      { userId: 'u_a' },
    ]);
    expect(sorted.map((b) => b.userId)).toEqual(['u_new', 'u_old', 'u_a', 'u_b']);
  });
});
