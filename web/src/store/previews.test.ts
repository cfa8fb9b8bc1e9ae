// Proves remote stroke previews grow at their startIndex, vanish when committed or after 10 s
// without progress (P-LIVE-2), and drop malformed messages.
import { describe, expect, it } from 'vitest';
import type { StrokeProgressed } from '../protocol';
import { PreviewStore } from './previews';

const progress = (startIndex: number, points: number[], strokeId = 'e_s'): StrokeProgressed => ({
  roomId: 'room',
  userId: 'u_1',
  strokeId,
  startIndex,
  points,
  strokeColor: '#1971c2',
  strokeWidth: 3,
});
const notCommitted = () => false;

describe('PreviewStore', () => {
  it('appends chunks at their start index', () => {
    const store = new PreviewStore();
    store.applyProgress(progress(0, [0, 0, 1, 1]), 0, notCommitted);
    store.applyProgress(progress(4, [2, 2]), 30, notCommitted);
    expect([...store.values()][0]?.points).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('overwrites from the start index when a chunk repeats', () => {
    const store = new PreviewStore();
    store.applyProgress(progress(0, [0, 0, 1, 1]), 0, notCommitted);
    store.applyProgress(progress(2, [5, 5, 6, 6]), 30, notCommitted);
    expect([...store.values()][0]?.points).toEqual([0, 0, 5, 5, 6, 6]);
  });

  it('expires a preview after 10 s without progress', () => {
    const store = new PreviewStore();
    store.applyProgress(progress(0, [0, 0]), 0, notCommitted);
    store.applyProgress(progress(2, [1, 1]), 5_000, notCommitted);
    expect(store.expire(14_999)).toBe(0);
    expect(store.size).toBe(1);
    expect(store.expire(15_000)).toBe(1);
    expect(store.size).toBe(0);
  });

  it('ignores progress of an already committed stroke', () => {
    const store = new PreviewStore();
    expect(store.applyProgress(progress(0, [0, 0]), 0, (id) => id === 'e_s')).toBe(false);
    expect(store.size).toBe(0);
  });

  it('drops malformed messages', () => {
    const store = new PreviewStore();
    expect(store.applyProgress(progress(1, [0, 0]), 0, notCommitted)).toBe(false);
    expect(store.applyProgress(progress(0, [0]), 0, notCommitted)).toBe(false);
    expect(store.applyProgress(progress(0, [0, Number.NaN]), 0, notCommitted)).toBe(false);
    expect(store.size).toBe(0);
  });

  it('removes previews on commit and when their user leaves', () => {
    const store = new PreviewStore();
    store.applyProgress(progress(0, [0, 0], 'e_a'), 0, notCommitted);
    store.applyProgress(progress(0, [0, 0], 'e_b'), 0, notCommitted);
    expect(store.remove('e_a')).toBe(true);
    expect(store.removeUser('u_1')).toBe(true);
    expect(store.size).toBe(0);
  });
});
