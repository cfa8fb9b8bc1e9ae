// Proves the group transforms of the select tool: a resize scales positions, sizes and stroke
// points about the group's top-left corner; a rotation turns every element about the group centre
// (box centres on the circle plus their own angle, stroke points one by one); patches name only
// what changed.
import { describe, expect, it } from 'vitest';
import type { Element, ElementProps } from '../protocol';
import { elementBounds, unionBoxes } from './geometry';
import { groupScale, handleAngle, normalizeAngle, rotateGroup, scaleGroup } from './groupTransform';

function el(id: string, type: string, props: ElementProps): Element {
  return { id, type, version: 1, createdBy: 'u', props };
}

const rect = el('r', 'rectangle', { x: 0, y: 0, width: 100, height: 50, strokeWidth: 0, angle: 0 });
const line = el('l', 'line', { x: 100, y: 100, points: [0, 0, 100, 50], strokeWidth: 0 });

describe('scaleGroup', () => {
  it('doubles a group about its top-left corner', () => {
    const patches = scaleGroup([rect, line], { minX: 0, minY: 0, maxX: 200, maxY: 150 }, 2, 2);
    expect(patches.get('r')).toEqual({ width: 200, height: 100 });
    expect(patches.get('l')).toEqual({ x: 200, y: 200, points: [0, 0, 200, 100] });
  });

  it('scales x and y apart and keeps boxes at least 4 units', () => {
    const patches = scaleGroup([rect], { minX: 0, minY: 0, maxX: 100, maxY: 50 }, 0.01, 3);
    expect(patches.get('r')).toMatchObject({ width: 4, height: 150 });
  });

  it('answers nothing for elements a unit scale leaves alone', () => {
    expect(scaleGroup([rect, line], { minX: 0, minY: 0, maxX: 200, maxY: 150 }, 1, 1).size).toBe(0);
  });

  it('takes the scale from the dragged corner, never below the minimum', () => {
    const box = { minX: 10, minY: 10, maxX: 110, maxY: 60 };
    expect(groupScale(box, 210, 35)).toEqual({ sx: 2, sy: 0.5 });
    expect(groupScale(box, 210, 35, true)).toEqual({ sx: 2, sy: 2 });
    expect(groupScale(box, -500, -500).sx).toBe(0.05);
  });
});

describe('rotateGroup', () => {
  it('turns box centres about the group centre and adds to their angle', () => {
    // Group of two squares side by side, centre (100, 25); a quarter turn.
    const a = el('a', 'rectangle', { x: 0, y: 0, width: 50, height: 50, angle: 0 });
    const b = el('b', 'ellipse', { x: 150, y: 0, width: 50, height: 50, angle: 0.5 });
    const patches = rotateGroup([a, b], 100, 25, Math.PI / 2);
    // a's centre (25, 25) goes to (100, -50): x = 75, y = -75.
    expect(patches.get('a')).toEqual({ x: 75, y: -75, angle: 1.571 });
    expect(patches.get('b')).toEqual({ x: 75, y: 75, angle: 2.071 });
  });

  it('rotates every point of a line and keeps its first point at the origin', () => {
    const patches = rotateGroup([line], 100, 100, Math.PI);
    expect(patches.get('l')).toEqual({ points: [0, 0, -100, -50] });
  });

  it('a full turn changes nothing', () => {
    const patches = rotateGroup([rect, line], 50, 50, 2 * Math.PI);
    expect(patches.size).toBe(0);
  });

  it('keeps the group bounds centred where they were', () => {
    const elements = [rect, line];
    const before = unionBoxes(elements.map(elementBounds));
    const cx = before === null ? 0 : (before.minX + before.maxX) / 2;
    const cy = before === null ? 0 : (before.minY + before.maxY) / 2;
    const patches = rotateGroup(elements, cx, cy, Math.PI);
    const after = unionBoxes(elements.map((e) => elementBounds({ ...e, props: { ...e.props, ...patches.get(e.id) } })));
    expect(after).not.toBeNull();
    expect(((after?.minX ?? 0) + (after?.maxX ?? 0)) / 2).toBeCloseTo(cx, 0);
    expect(((after?.minY ?? 0) + (after?.maxY ?? 0)) / 2).toBeCloseTo(cy, 0);
  });
});

describe('angles', () => {
  it('normalises to (−π, π]', () => {
    expect(normalizeAngle(3 * Math.PI)).toBeCloseTo(Math.PI, 2);
    expect(normalizeAngle(-Math.PI / 2)).toBeCloseTo(-Math.PI / 2, 2);
    expect(normalizeAngle(2 * Math.PI)).toBe(0);
  });

  it('measures the handle angle from straight up', () => {
    expect(handleAngle(0, 0, 0, -10)).toBeCloseTo(0);
    expect(handleAngle(0, 0, 10, 0)).toBeCloseTo(Math.PI / 2);
  });
});
