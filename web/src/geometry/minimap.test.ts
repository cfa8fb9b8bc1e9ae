// Proves the minimap's mapping: content and viewport both fit inside it, centred, and a minimap
// pixel maps back to the board point drawn there.
import { describe, expect, it } from 'vitest';
import { boardToMinimap, boxOnMinimap, minimapToBoard, minimapTransform, sameTransform } from './minimap';

describe('minimapTransform', () => {
  it('fits content and viewport inside the minimap with padding', () => {
    const content = { minX: 0, minY: 0, maxX: 1000, maxY: 500 };
    const viewport = { minX: 900, minY: 400, maxX: 1900, maxY: 900 };
    const t = minimapTransform(content, viewport, 200, 100, 10);
    for (const [x, y] of [[0, 0], [1900, 900], [1000, 500]] as const) {
      const [mx, my] = boardToMinimap(t, x, y);
      expect(mx).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(mx).toBeLessThanOrEqual(190 + 1e-9);
      expect(my).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(my).toBeLessThanOrEqual(90 + 1e-9);
    }
    expect(t.scale).toBeCloseTo(Math.min(180 / 1900, 80 / 900));
  });

  it('centres an empty board on the viewport', () => {
    const t = minimapTransform(null, { minX: 100, minY: 100, maxX: 300, maxY: 200 }, 200, 100, 0);
    const [mx, my] = boardToMinimap(t, 200, 150);
    expect(mx).toBeCloseTo(100);
    expect(my).toBeCloseTo(50);
  });

  it('maps minimap pixels back to the board', () => {
    const t = minimapTransform({ minX: -500, minY: 20, maxX: 700, maxY: 800 }, { minX: 0, minY: 0, maxX: 100, maxY: 100 }, 200, 140);
    const [bx, by] = minimapToBoard(t, ...boardToMinimap(t, 123.5, 456));
    expect(bx).toBeCloseTo(123.5);
    expect(by).toBeCloseTo(456);
  });

  it('keeps tiny elements at least one pixel big', () => {
    const t = { scale: 0.01, originX: 0, originY: 0 };
    expect(boxOnMinimap(t, { minX: 100, minY: 100, maxX: 110, maxY: 120 })).toEqual({ x: 1, y: 1, w: 1, h: 1 });
  });

  it('tells apart transforms that move the drawing', () => {
    const t = { scale: 0.1, originX: 0, originY: 0 };
    expect(sameTransform(t, { ...t, originX: 0.5 })).toBe(true);
    expect(sameTransform(t, { ...t, originX: 5 })).toBe(false);
    expect(sameTransform(null, t)).toBe(false);
  });
});
