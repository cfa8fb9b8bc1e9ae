import { describe, expect, it } from 'vitest';
import { CursorStore, LASER_FADE_MS, Throttle } from './cursors';

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
});
