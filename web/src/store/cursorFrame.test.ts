// Proves a frame of cursors (P-LIVE-5) reaches the cursor store as its peers' entries, one by one, as
// if each had come alone as a CursorMoved, and the signed-in user's own entry is skipped.
import { describe, expect, it } from 'vitest';
import type { CursorMoved, CursorsMoved } from '../protocol';
import { peerCursorsOfFrame } from './cursorFrame';
import { CursorStore } from './cursors';

const cursor = (userId: string, x: number, roomId = 'r1'): CursorMoved => ({ roomId, userId, x, y: 0, visible: true, laser: true });

describe('peerCursorsOfFrame (P-LIVE-5)', () => {
  it('answers the entries of the frame in order, without the own user and any of another room', () => {
    const cursors = [cursor('ada', 1), cursor('self', 2), cursor('bob', 3), cursor('cy', 4, 'r2')];
    expect(peerCursorsOfFrame({ roomId: 'r1', cursors }, 'self')).toEqual([cursors[0], cursors[2]]);
  });

  it('keeps every entry while the signed-in user is unknown, and none of a malformed frame', () => {
    const cursors = [cursor('ada', 1), cursor('self', 2)];
    expect(peerCursorsOfFrame({ roomId: 'r1', cursors }, undefined)).toEqual(cursors);
    expect(peerCursorsOfFrame({ roomId: 'r1', cursors: null as unknown as CursorMoved[] }, 'self')).toEqual([]);
  });

  it("skips this tab's own entry by client id and shows another tab of the same user like a peer", () => {
    const own = { ...cursor('self', 1), clientId: 'c_this' };
    const otherTab = { ...cursor('self', 2), clientId: 'c_other' };
    const ada = { ...cursor('ada', 3), clientId: 'c_ada' };
    const legacy = cursor('self', 4);
    expect(peerCursorsOfFrame({ roomId: 'r1', cursors: [own, otherTab, ada, legacy] }, 'self', 'c_this')).toEqual([otherTab, ada]);
    // Without its own client id a tab can only tell entries by user, as before.
    expect(peerCursorsOfFrame({ roomId: 'r1', cursors: [own, otherTab, ada] }, 'self')).toEqual([ada]);
  });

  it('skips malformed entries of a faulty server and keeps the good ones around them', () => {
    const [ada, bob] = [cursor('ada', 1), cursor('bob', 3)];
    const malformed = [
      null,
      7,
      'ada',
      [],
      { roomId: 'r1', x: 1, y: 0, visible: true, laser: false },
      { roomId: 'r1', userId: 42, x: 1, y: 0 },
      { roomId: 'r1', userId: 'cy', y: 0 },
      { roomId: 'r1', userId: 'cy', x: '1', y: 0 },
      { roomId: 'r1', userId: 'cy', x: 1, y: null },
    ];
    const cursors = [malformed[0], ada, ...malformed.slice(1), bob] as unknown as CursorMoved[];
    expect(() => peerCursorsOfFrame({ roomId: 'r1', cursors }, 'self')).not.toThrow();
    expect(peerCursorsOfFrame({ roomId: 'r1', cursors }, 'self')).toEqual([ada, bob]);
  });

  it('answers nothing for a frame that is not an object', () => {
    expect(peerCursorsOfFrame(null as unknown as CursorsMoved, 'self')).toEqual([]);
    expect(peerCursorsOfFrame(5 as unknown as CursorsMoved, 'self')).toEqual([]);
  });

  it('leaves the store where the same cursors one by one leave it, laser trails included', () => {
    const framed = new CursorStore();
    const single = new CursorStore();
    const first = [cursor('ada', 1)];
    const [ada, bob, self] = [cursor('ada', 2), cursor('bob', 5), cursor('self', 9)];
    for (const event of first) {
      framed.apply(event, 0);
      single.apply(event, 0);
    }
    for (const event of peerCursorsOfFrame({ roomId: 'r1', cursors: [ada, bob, self] }, 'self')) framed.apply(event, 33);
    single.apply(ada, 33);
    single.apply(bob, 33);
    expect(framed.get('ada')).toEqual(single.get('ada'));
    expect(framed.get('bob')).toEqual(single.get('bob'));
    expect(framed.get('ada')?.trail.map((p) => p.x)).toEqual([1, 2]);
    expect(framed.get('self')).toBeUndefined();
  });
});
