// Proves in-progress strokes go out throttled, only with new points, in chunks whose startIndex
// adds up (P-LIVE-1), and that the committed element is relative to its first point (P-EL-1).
import { describe, expect, it } from 'vitest';
import { MAX_STREAM_NUMBERS } from '../protocol';
import { freehandCreateOp, roundCoordinate, StrokeStreamer } from './stroke';

const streamer = (overrides: Partial<ConstructorParameters<typeof StrokeStreamer>[0]> = {}) =>
  new StrokeStreamer({ roomId: 'room', strokeId: 'e_s', strokeColor: '#1971c2', strokeWidth: 3, ...overrides });

describe('StrokeStreamer', () => {
  it('sends the first point at once, then at most every interval', () => {
    const s = streamer({ intervalMs: 30 });
    s.add(0, 0);
    expect(s.take(1000)).toHaveLength(1);
    s.add(1, 1);
    expect(s.take(1010)).toEqual([]);
    expect(s.dueInMs(1010)).toBe(20);
    s.add(2, 2);
    const [message] = s.take(1030);
    expect(message).toMatchObject({ startIndex: 2, points: [1, 1, 2, 2], strokeId: 'e_s', roomId: 'room' });
  });

  it('sends only points added since the last send', () => {
    const s = streamer();
    s.add(0, 0);
    s.add(5, 5);
    expect(s.take(0)[0]?.points).toEqual([0, 0, 5, 5]);
    expect(s.take(100)).toEqual([]);
    expect(s.dueInMs(100)).toBeNull();
    s.add(9, 9);
    expect(s.take(100)[0]).toMatchObject({ startIndex: 4, points: [9, 9] });
  });

  it('forces out throttled points when the pen lifts', () => {
    const s = streamer();
    s.add(0, 0);
    s.take(0);
    s.add(3, 3);
    expect(s.take(1)).toEqual([]);
    expect(s.take(1, true)[0]).toMatchObject({ startIndex: 2, points: [3, 3] });
  });

  it('splits a long backlog into chunks of at most the limit with consecutive start indices', () => {
    const s = streamer({ maxChunkNumbers: 6 });
    for (let i = 0; i < 7; i++) s.add(i * 10, 0);
    const messages = s.take(0);
    expect(messages.map((m) => [m.startIndex, m.points.length])).toEqual([
      [0, 6],
      [6, 6],
      [12, 2],
    ]);
    expect(messages.flatMap((m) => m.points)).toEqual(s.points);
    expect(s.sentCount).toBe(14);
  });

  it('never exceeds the protocol chunk size by default', () => {
    const s = streamer();
    for (let i = 0; i < 2500; i++) s.add(i, i);
    const messages = s.take(0);
    expect(messages.every((m) => m.points.length <= MAX_STREAM_NUMBERS)).toBe(true);
    expect(messages.map((m) => m.startIndex)).toEqual([0, 2000, 4000]);
  });

  it('skips points too close to the previous one and stops at the size limit', () => {
    const s = streamer({ maxNumbers: 6 });
    expect(s.add(0, 0)).toBe(true);
    expect(s.add(0.1, 0.1)).toBe(false);
    expect(s.add(1, 1)).toBe(true);
    expect(s.add(2, 2)).toBe(true);
    expect(s.isFull).toBe(true);
    expect(s.add(3, 3)).toBe(false);
    expect(s.points).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('freehandCreateOp', () => {
  it('uses the stroke id and makes points relative to the first point', () => {
    const op = freehandCreateOp('e_s', [100, 50, 110, 55, 90.5, 40], '#e03131', 4);
    expect(op).toEqual({
      kind: 'create',
      elementId: 'e_s',
      type: 'freehand',
      props: { x: 100, y: 50, points: [0, 0, 10, 5, -9.5, -10], strokeColor: '#e03131', strokeWidth: 4, opacity: 1 },
    });
  });

  it('returns null for an empty stroke', () => {
    expect(freehandCreateOp('e_s', [], '#000000', 2)).toBeNull();
  });

  it('rounds and clamps coordinates to the protocol range', () => {
    expect(roundCoordinate(1.23456)).toBe(1.23);
    expect(roundCoordinate(5_000_000)).toBe(1_000_000);
    expect(Object.is(roundCoordinate(-0.001), 0)).toBe(true);
  });
});
