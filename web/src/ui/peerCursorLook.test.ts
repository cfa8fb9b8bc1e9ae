import { describe, expect, it } from 'vitest';
import type { PresenceStatus } from '../protocol';
import { peopleStrings } from './people/peopleStrings';
import { ABSENT_CURSOR_OPACITY, peerCursorLook } from './peerCursorLook';

describe('peer cursor look (P-LIVE-5, P-STATUS-3)', () => {
  it('draws an active peer at full opacity under their bare name', () => {
    expect(peerCursorLook({ displayName: 'Ada', status: 'active' })).toEqual({ label: 'Ada', opacity: 1, status: 'active' });
  });

  it('dims an idle or away peer and puts the status after the name', () => {
    expect(peerCursorLook({ displayName: 'Ada', status: 'away' })).toEqual({ label: 'Ada · away', opacity: ABSENT_CURSOR_OPACITY, status: 'away' });
    expect(peerCursorLook({ displayName: 'Ada', status: 'idle' })).toEqual({ label: 'Ada · idle', opacity: ABSENT_CURSOR_OPACITY, status: 'idle' });
    expect(ABSENT_CURSOR_OPACITY).toBeGreaterThan(0);
    expect(ABSENT_CURSOR_OPACITY).toBeLessThan(1);
  });

  it('uses the people panel\'s status words, so the cursor and the panel say the same', () => {
    expect(peerCursorLook({ displayName: 'Bo', status: 'away' }).label).toBe(peopleStrings.cursorLabel('Bo', peopleStrings.status.away));
    expect(peerCursorLook({ displayName: 'Bo', status: 'idle' }).label).toBe(peopleStrings.cursorLabel('Bo', peopleStrings.status.idle));
  });

  it('undims a peer who comes back', () => {
    const statuses: PresenceStatus[] = ['active', 'away', 'idle', 'active'];
    expect(statuses.map((status) => peerCursorLook({ displayName: 'Ada', status }).opacity)).toEqual([1, ABSENT_CURSOR_OPACITY, ABSENT_CURSOR_OPACITY, 1]);
  });

  it('counts a participant without a status (older servers) or with an unknown one as active', () => {
    expect(peerCursorLook({ displayName: 'Ada' })).toEqual({ label: 'Ada', opacity: 1, status: 'active' });
    expect(peerCursorLook({ displayName: 'Ada', status: 'asleep' as PresenceStatus })).toEqual({ label: 'Ada', opacity: 1, status: 'active' });
  });
});
