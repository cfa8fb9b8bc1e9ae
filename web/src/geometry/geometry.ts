// Element geometry: bounds, hit-testing and viewport culling. Pure, so the editor, the renderer and
// the binding rule share one definition of "where an element is".
import { ELEMENT_DEFAULTS, type Element } from '../protocol';

/** An axis-aligned box in board coordinates. */
export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Element types drawn from `points`. */
export const POINT_TYPES: ReadonlySet<string> = new Set(['freehand', 'highlighter', 'line', 'arrow']);
/** Element types drawn as a box (`width`, `height`, `angle`). */
export const BOX_TYPES: ReadonlySet<string> = new Set(['rectangle', 'ellipse', 'diamond', 'text', 'sticky']);

const boundsCache = new WeakMap<Element, Box>();

/** The box an element occupies, stroke and rotation included; cached per (immutable) element. */
export function elementBounds(element: Element): Box {
  const cached = boundsCache.get(element);
  if (cached !== undefined) return cached;
  const box = computeBounds(element);
  boundsCache.set(element, box);
  return box;
}

function computeBounds(element: Element): Box {
  const p = element.props;
  const x = p.x ?? 0;
  const y = p.y ?? 0;
  const pad = strokeWidthOf(element) / 2 + (element.type === 'arrow' ? 12 : 0);
  if (POINT_TYPES.has(element.type)) {
    const pts = p.points ?? [];
    if (pts.length < 2) return { minX: x - pad, minY: y - pad, maxX: x + pad, maxY: y + pad };
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i + 1 < pts.length; i += 2) {
      const px = pts[i] ?? 0;
      const py = pts[i + 1] ?? 0;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    return { minX: x + minX - pad, minY: y + minY - pad, maxX: x + maxX + pad, maxY: y + maxY + pad };
  }
  const w = p.width ?? 0;
  const h = p.height ?? 0;
  const angle = p.angle ?? 0;
  if (angle === 0) return { minX: x - pad, minY: y - pad, maxX: x + w + pad, maxY: y + h + pad };
  const cx = x + w / 2;
  const cy = y + h / 2;
  const cos = Math.abs(Math.cos(angle));
  const sin = Math.abs(Math.sin(angle));
  const hw = (w * cos + h * sin) / 2 + pad;
  const hh = (w * sin + h * cos) / 2 + pad;
  return { minX: cx - hw, minY: cy - hh, maxX: cx + hw, maxY: cy + hh };
}

/** Stroke width an element is drawn with. */
export function strokeWidthOf(element: Element): number {
  const width = element.props.strokeWidth ?? ELEMENT_DEFAULTS.strokeWidth;
  return element.type === 'highlighter' ? width * 4 : width;
}

/** Whether two boxes overlap. */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

/** Whether `inner` lies wholly inside `outer`. */
export function boxContains(outer: Box, inner: Box): boolean {
  return inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY;
}

/** The smallest box around all boxes, or null for none. */
export function unionBoxes(boxes: Iterable<Box>): Box | null {
  let result: Box | null = null;
  for (const b of boxes) {
    result =
      result === null
        ? b
        : {
            minX: Math.min(result.minX, b.minX),
            minY: Math.min(result.minY, b.minY),
            maxX: Math.max(result.maxX, b.maxX),
            maxY: Math.max(result.maxY, b.maxY),
          };
  }
  return result;
}

/** A box from two corners in any order. */
export function boxFromCorners(x0: number, y0: number, x1: number, y1: number): Box {
  return { minX: Math.min(x0, x1), minY: Math.min(y0, y1), maxX: Math.max(x0, x1), maxY: Math.max(y0, y1) };
}

/** Elements whose bounds meet the viewport, in the given (drawing) order. */
export function cullToViewport(elements: readonly Element[], viewport: Box): Element[] {
  const result: Element[] = [];
  for (const element of elements) if (boxesIntersect(elementBounds(element), viewport)) result.push(element);
  return result;
}

/** Whether board point (px, py) touches the element, within `tolerance` board units. */
export function hitTest(element: Element, px: number, py: number, tolerance: number): boolean {
  const b = elementBounds(element);
  if (px < b.minX - tolerance || px > b.maxX + tolerance || py < b.minY - tolerance || py > b.maxY + tolerance) return false;
  const p = element.props;
  const x = p.x ?? 0;
  const y = p.y ?? 0;
  if (POINT_TYPES.has(element.type)) {
    const pts = p.points ?? [];
    const reach = tolerance + strokeWidthOf(element) / 2;
    if (pts.length === 2) return Math.hypot(px - x - (pts[0] ?? 0), py - y - (pts[1] ?? 0)) <= reach;
    for (let i = 0; i + 3 < pts.length; i += 2) {
      const d = distanceToSegment(px - x, py - y, pts[i] ?? 0, pts[i + 1] ?? 0, pts[i + 2] ?? 0, pts[i + 3] ?? 0);
      if (d <= reach) return true;
    }
    return false;
  }
  const w = p.width ?? 0;
  const h = p.height ?? 0;
  // Undo the rotation: test in the element's own frame, origin at its top left.
  const [lx, ly] = rotatePoint(px, py, x + w / 2, y + h / 2, -(p.angle ?? 0));
  const rx = lx - x;
  const ry = ly - y;
  const filled = element.type === 'text' || element.type === 'sticky' || (p.fillColor !== undefined && p.fillColor !== 'transparent');
  const edge = tolerance + strokeWidthOf(element) / 2;
  switch (element.type) {
    case 'ellipse': {
      const a = w / 2;
      const bb = h / 2;
      if (a <= 0 || bb <= 0) return false;
      const nx = (rx - a) / a;
      const ny = (ry - bb) / bb;
      const r = Math.hypot(nx, ny);
      const scaledEdge = edge / Math.min(a, bb);
      return filled ? r <= 1 + scaledEdge : Math.abs(r - 1) <= scaledEdge;
    }
    case 'diamond': {
      const cx = w / 2;
      const cy = h / 2;
      if (cx <= 0 || cy <= 0) return false;
      const r = Math.abs(rx - cx) / cx + Math.abs(ry - cy) / cy;
      const scaledEdge = edge / Math.min(cx, cy);
      return filled ? r <= 1 + scaledEdge : Math.abs(r - 1) <= scaledEdge;
    }
    default: {
      const inside = rx >= -edge && rx <= w + edge && ry >= -edge && ry <= h + edge;
      if (!inside) return false;
      if (filled) return true;
      return rx <= edge || rx >= w - edge || ry <= edge || ry >= h - edge;
    }
  }
}

/** The topmost element under a point (elements in drawing order, last on top). */
export function topmostAt(elements: readonly Element[], px: number, py: number, tolerance: number): Element | undefined {
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i];
    if (element !== undefined && hitTest(element, px, py, tolerance)) return element;
  }
  return undefined;
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** (px, py) rotated by `angle` radians about (cx, cy). */
export function rotatePoint(px: number, py: number, cx: number, cy: number, angle: number): [number, number] {
  if (angle === 0) return [px, py];
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = px - cx;
  const dy = py - cy;
  return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
}
