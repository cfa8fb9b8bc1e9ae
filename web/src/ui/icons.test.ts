// The icons' drawings (vitest runs without a DOM; the browser tests see the icons built and shown).
import { describe, expect, it } from 'vitest';
import { ICON_NAMES, iconPath } from './icons';
import { TOOLS } from './tools';

/** Every coordinate of a path, as numbers (the path commands used here take absolute or relative pairs). */
function numbers(d: string): number[] {
  return (d.match(/-?\d*\.?\d+/g) ?? []).map(Number);
}

describe('icons', () => {
  it('are path data that start with a move and hold only path commands and numbers', () => {
    for (const name of ICON_NAMES) {
      expect(iconPath(name), name).toMatch(/^M[\d\s.,\-MLHVCSQTAZmlhvcsqtaz]+$/);
    }
  });

  it('stay on the 24-unit grid', () => {
    for (const name of ICON_NAMES) {
      const d = iconPath(name);
      // Absolute moves and lines: each number of an M or L pair lies on the grid.
      for (const [, x, y] of d.matchAll(/[ML](-?[\d.]+)[ ,]?(-?[\d.]+)/g)) {
        expect(Number(x), `${name} x`).toBeGreaterThanOrEqual(0);
        expect(Number(x), `${name} x`).toBeLessThanOrEqual(24);
        expect(Number(y), `${name} y`).toBeGreaterThanOrEqual(0);
        expect(Number(y), `${name} y`).toBeLessThanOrEqual(24);
      }
      expect(numbers(d).length, name).toBeGreaterThan(1);
    }
  });

  it('gives every icon its own drawing and every tool an icon', () => {
    expect(new Set(ICON_NAMES.map(iconPath)).size).toBe(ICON_NAMES.length);
    for (const tool of TOOLS) expect(ICON_NAMES).toContain(tool.icon);
  });
});
