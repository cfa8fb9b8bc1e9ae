import { describe, expect, it } from 'vitest';
import { CURSOR_IDLE_MS, CursorStore, LASER_FADE_MS, Throttle } from './cursors';

const moved = (x: number, laser = false) => ({ roomId: 'r', userId: 'u1', x, y: 0, visible: true, laser });

describe('cursors (P-LIVE-3)', () => {
  it('keeps a fading laser trail and drops old points', () => {
    const store = new CursorStore();
    store.apply(moved(1, true), 0);
    store.apply(moved(2, true), 100);
    expect(store.get('u1')?.trail.length).toBe(2);
    expect(store.fade(LASER_FADE_MS + 50)).toBe(true);
    expect(store.get('u1')?.trail.map((p) => p.x)).toEqual([2]);
    expect(store.fade(LASER_FADE_MS + 200)).toBe(false);
    expect(store.apply({ ...moved(Number.NaN) }, 0)).toBe(false);
  });

  it('sends at most one cursor per interval, the latest winning', () => {
    const throttle = new Throttle<number>(1000 / 30);
    expect(throttle.offer(1, 0)).toBe(1);
    expect(throttle.offer(2, 10)).toBeNull();
    expect(throttle.offer(3, 20)).toBeNull();
    expect(throttle.takeDue(25)).toBeNull();
    expect(throttle.dueInMs(25)).toBeCloseTo(8.33, 1);
    expect(throttle.takeDue(34)).toBe(3);
    expect(throttle.takeDue(80)).toBeNull();
  });

  it('keeps one cursor per tab: a user with two tabs shows two, and leaving drops both (P-LIVE-5)', () => {
    const store = new CursorStore();
    store.apply({ ...moved(10), clientId: 'c_left' }, 0);
    store.apply({ ...moved(90), clientId: 'c_right' }, 5);
    store.apply({ ...moved(11), clientId: 'c_left' }, 10);
    expect(store.size).toBe(2);
    expect([...store.values()].map((c) => [c.clientId, c.x])).toEqual([
      ['c_left', 11],
      ['c_right', 90],
    ]);
    // Following the user shows the tab that moved last.
    expect(store.get('u1')?.clientId).toBe('c_left');
    store.apply({ ...moved(91), clientId: 'c_right' }, 20);
    expect(store.get('u1')?.x).toBe(91);

    // A sender without a client id is one cursor per user, beside the tabs'.
    store.apply({ ...moved(50), clientId: null }, 30);
    store.apply({ ...moved(51) }, 40);
    expect(store.size).toBe(3);
    expect([...store.values()].filter((c) => c.clientId === null).map((c) => c.x)).toEqual([51]);

    store.apply({ roomId: 'r', userId: 'u2', x: 5, y: 5, visible: true, laser: false, clientId: 'c_other' }, 50);
    expect(store.remove('u1')).toBe(true);
    expect([...store.values()].map((c) => c.userId)).toEqual(['u2']);
    expect(store.remove('u1')).toBe(false);
  });

  it('fades each tab on its own', () => {
    const store = new CursorStore();
    store.apply({ ...moved(1), clientId: 'c_a' }, 0);
    store.apply({ ...moved(2), clientId: 'c_b' }, CURSOR_IDLE_MS);
    store.dropStaleTabs(CURSOR_IDLE_MS + 1);
    expect([...store.values()].map((c) => c.clientId)).toEqual(['c_b']);
  });

  it('keeps a still user\'s newest cursor and drops only their stale tabs', () => {
    const store = new CursorStore();
    store.apply({ ...moved(1), clientId: 'c_a' }, 0);
    store.apply({ roomId: 'r', userId: 'u2', x: 5, y: 5, visible: true, laser: false, clientId: 'c_u2' }, 0);
    // An hour without a move: each user's only cursor stays (a student reading).
    expect(store.dropStaleTabs(3_600_000)).toBe(false);
    expect(store.size).toBe(2);

    // u1 opens a second tab and moves there; the first tab's close message was lost.
    store.apply({ ...moved(2), clientId: 'c_b' }, 3_600_000);
    expect(store.dropStaleTabs(3_600_000 + 1)).toBe(true);
    expect([...store.values()].map((c) => c.clientId).sort()).toEqual(['c_b', 'c_u2']);

    // The newer tab going still too is no reason to drop it.
    expect(store.dropStaleTabs(3_600_000 + CURSOR_IDLE_MS * 10)).toBe(false);
    expect(store.size).toBe(2);
  });
});
