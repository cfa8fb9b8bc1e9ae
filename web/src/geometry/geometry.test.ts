import { describe, expect, it } from 'vitest';
import type { Element, ElementProps } from '../protocol';
import { cullToViewport, elementBounds, hitTest, topmostAt, unionBoxes } from './geometry';

function el(id: string, type: string, props: ElementProps): Element {
  return { id, type, version: 1, createdBy: 'u', props };
}

describe('geometry', () => {
  it('bounds a stroke by its points plus half its width', () => {
    const b = elementBounds(el('a', 'freehand', { x: 10, y: 20, points: [0, 0, 30, 40], strokeWidth: 4 }));
    expect(b).toEqual({ minX: 8, minY: 18, maxX: 42, maxY: 62 });
  });

  it('bounds a rotated rectangle by its rotated corners', () => {
    const b = elementBounds(el('r', 'rectangle', { x: 0, y: 0, width: 100, height: 20, angle: Math.PI / 2, strokeWidth: 0 }));
    expect(b.minX).toBeCloseTo(40);
    expect(b.maxX).toBeCloseTo(60);
    expect(b.minY).toBeCloseTo(-40);
    expect(b.maxY).toBeCloseTo(60);
  });

  it('hits a transparent rectangle on its edge only, a filled one inside too', () => {
    const hollow = el('h', 'rectangle', { x: 0, y: 0, width: 100, height: 100, fillColor: 'transparent' });
    const filled = el('f', 'rectangle', { x: 0, y: 0, width: 100, height: 100, fillColor: '#ffec99' });
    expect(hitTest(hollow, 50, 50, 4)).toBe(false);
    expect(hitTest(hollow, 1, 50, 4)).toBe(true);
    expect(hitTest(filled, 50, 50, 4)).toBe(true);
    expect(hitTest(filled, 150, 50, 4)).toBe(false);
  });

  it('hits an ellipse and a diamond by their own outline, not their box corners', () => {
    const ellipse = el('e', 'ellipse', { x: 0, y: 0, width: 100, height: 100, fillColor: '#ffffff' });
    const diamond = el('d', 'diamond', { x: 0, y: 0, width: 100, height: 100, fillColor: '#ffffff' });
    expect(hitTest(ellipse, 50, 50, 2)).toBe(true);
    expect(hitTest(ellipse, 3, 3, 2)).toBe(false);
    expect(hitTest(diamond, 50, 50, 2)).toBe(true);
    expect(hitTest(diamond, 10, 10, 2)).toBe(false);
  });

  it('hits a stroke near its segments and picks the topmost element', () => {
    const line = el('l', 'line', { x: 0, y: 0, points: [0, 0, 100, 0], strokeWidth: 2 });
    const box = el('b', 'sticky', { x: 40, y: -10, width: 20, height: 20 });
    expect(hitTest(line, 50, 3, 2)).toBe(true);
    expect(hitTest(line, 50, 10, 2)).toBe(false);
    expect(topmostAt([line, box], 50, 0, 2)?.id).toBe('b');
    expect(topmostAt([box, line], 50, 0, 2)?.id).toBe('l');
  });

  it('culls a 10,000-element board to the elements in view', () => {
    const elements: Element[] = [];
    for (let i = 0; i < 10_000; i++) {
      elements.push(el(`e${i}`, 'rectangle', { x: (i % 100) * 50, y: Math.floor(i / 100) * 50, width: 40, height: 40, strokeWidth: 0 }));
    }
    const visible = cullToViewport(elements, { minX: 0, minY: 0, maxX: 95, maxY: 95 });
    expect(visible.map((e) => e.id)).toEqual(['e0', 'e1', 'e100', 'e101']);
    expect(unionBoxes(visible.map(elementBounds))).toEqual({ minX: 0, minY: 0, maxX: 90, maxY: 90 });
  });
});
