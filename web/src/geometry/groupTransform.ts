// Resizing and rotating several elements as one group (the select tool's group handles). Pure:
// each function answers, per element, the patch that puts it where the gesture takes it.
import type { Element, ElementProps } from '../protocol';
import { roundCoordinate } from '../sync/stroke';
import { BOX_TYPES, POINT_TYPES, type Box } from './geometry';

/** Smallest scale factor of a group resize, so a group never collapses to nothing. */
export const MIN_GROUP_SCALE = 0.05;
/** Smallest width and height a resized box element keeps, board units. */
export const MIN_BOX_SIZE = 4;

/**
 * The scale factors of dragging the group box's bottom-right corner to (x, y), the top-left corner
 * staying put; at least MIN_GROUP_SCALE each. With `keepRatio`, both take the larger factor.
 */
export function groupScale(box: Box, x: number, y: number, keepRatio = false): { sx: number; sy: number } {
  let sx = Math.max(MIN_GROUP_SCALE, (x - box.minX) / Math.max(1, box.maxX - box.minX));
  let sy = Math.max(MIN_GROUP_SCALE, (y - box.minY) / Math.max(1, box.maxY - box.minY));
  if (keepRatio) sx = sy = Math.max(sx, sy);
  return { sx, sy };
}

/**
 * Scales every element about the group box's top-left corner by (sx, sy): positions (box centres,
 * stroke origins), sizes and stroke points. Answers only the changed properties per element id.
 */
export function scaleGroup(elements: readonly Element[], box: Box, sx: number, sy: number): Map<string, ElementProps> {
  const patches = new Map<string, ElementProps>();
  const ax = box.minX;
  const ay = box.minY;
  for (const element of elements) {
    const p = element.props;
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    let next: ElementProps;
    if (POINT_TYPES.has(element.type)) {
      const points = (p.points ?? []).map((v, i) => roundCoordinate(i % 2 === 0 ? v * sx : v * sy));
      next = { x: roundCoordinate(ax + (x - ax) * sx), y: roundCoordinate(ay + (y - ay) * sy), points };
    } else if (BOX_TYPES.has(element.type)) {
      const w = p.width ?? 0;
      const h = p.height ?? 0;
      // The centre moves with the group, so a rotated box stays where the group puts it.
      const cx = ax + (x + w / 2 - ax) * sx;
      const cy = ay + (y + h / 2 - ay) * sy;
      const nw = Math.max(MIN_BOX_SIZE, w * sx);
      const nh = Math.max(MIN_BOX_SIZE, h * sy);
      next = { x: roundCoordinate(cx - nw / 2), y: roundCoordinate(cy - nh / 2), width: roundCoordinate(nw), height: roundCoordinate(nh) };
    } else {
      next = { x: roundCoordinate(ax + (x - ax) * sx), y: roundCoordinate(ay + (y - ay) * sy) };
    }
    const patch = changed(p, next);
    if (patch !== null) patches.set(element.id, patch);
  }
  return patches;
}

/** The angle of the pointer at (x, y) about (cx, cy), 0 pointing up (as the rotate handle sits). */
export function handleAngle(cx: number, cy: number, x: number, y: number): number {
  return Math.atan2(y - cy, x - cx) + Math.PI / 2;
}

/**
 * Rotates every element by `delta` radians about (cx, cy): box centres move on the circle and their
 * `angle` grows by `delta`; strokes, lines and arrows have every point rotated. Answers only the
 * changed properties per element id.
 */
export function rotateGroup(elements: readonly Element[], cx: number, cy: number, delta: number): Map<string, ElementProps> {
  const patches = new Map<string, ElementProps>();
  const cos = Math.cos(delta);
  const sin = Math.sin(delta);
  const turn = (px: number, py: number): [number, number] => [cx + (px - cx) * cos - (py - cy) * sin, cy + (px - cx) * sin + (py - cy) * cos];
  for (const element of elements) {
    const p = element.props;
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    let next: ElementProps;
    if (POINT_TYPES.has(element.type)) {
      const [ox, oy] = turn(x, y);
      const src = p.points ?? [];
      const points: number[] = [];
      for (let i = 0; i + 1 < src.length; i += 2) {
        const [px, py] = turn(x + (src[i] ?? 0), y + (src[i + 1] ?? 0));
        points.push(roundCoordinate(px - ox), roundCoordinate(py - oy));
      }
      next = { x: roundCoordinate(ox), y: roundCoordinate(oy), points };
    } else {
      const w = p.width ?? 0;
      const h = p.height ?? 0;
      const [ncx, ncy] = turn(x + w / 2, y + h / 2);
      next = { x: roundCoordinate(ncx - w / 2), y: roundCoordinate(ncy - h / 2) };
      if (BOX_TYPES.has(element.type)) next = { ...next, angle: normalizeAngle((p.angle ?? 0) + delta) };
    }
    const patch = changed(p, next);
    if (patch !== null) patches.set(element.id, patch);
  }
  return patches;
}

/** An angle in (−π, π], rounded to a thousandth of a radian. */
export function normalizeAngle(angle: number): number {
  let a = angle % (2 * Math.PI);
  if (a <= -Math.PI) a += 2 * Math.PI;
  if (a > Math.PI) a -= 2 * Math.PI;
  return Math.round(a * 1000) / 1000 || 0;
}

function changed(before: ElementProps, after: ElementProps): ElementProps | null {
  const out: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) {
    const prior = old[key];
    const same = Array.isArray(value) && Array.isArray(prior)
      ? value.length === prior.length && value.every((v, i) => v === prior[i])
      : value === prior;
    if (!same) out[key] = value;
  }
  return Object.keys(out).length === 0 ? null : out;
}
