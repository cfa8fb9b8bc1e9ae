// Arrow bindings (P-EL-2): an arrow end attached to a shape follows it. When this client moves or
// resizes shapes, it also patches the arrows bound to them, in the same undo step (the mover owns
// the follow-up edit, so every peer sees one consistent result in server order).
import type { Element, ElementProps } from '../protocol';
import { BOX_TYPES, elementBounds, hitTest, type Box } from './geometry';

/** Whether an arrow end may bind to this element. */
export function isBindable(element: Element): boolean {
  return BOX_TYPES.has(element.type);
}

/** The bindable element under a board point, topmost first, excluding `exceptId`. */
export function bindingTargetAt(elements: readonly Element[], x: number, y: number, exceptId: string, tolerance: number): Element | undefined {
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i];
    if (element === undefined || element.id === exceptId || !isBindable(element)) continue;
    const b = elementBounds(element);
    const inBox = x >= b.minX - tolerance && x <= b.maxX + tolerance && y >= b.minY - tolerance && y <= b.maxY + tolerance;
    if (inBox || hitTest(element, x, y, tolerance)) return element;
  }
  return undefined;
}

/** Moves a point by where it sat in `from`, proportionally, into `to` (a move or a resize). */
export function mapPoint(px: number, py: number, from: Box, to: Box): [number, number] {
  const fw = from.maxX - from.minX;
  const fh = from.maxY - from.minY;
  const u = fw === 0 ? 0.5 : (px - from.minX) / fw;
  const v = fh === 0 ? 0.5 : (py - from.minY) / fh;
  return [to.minX + u * (to.maxX - to.minX), to.minY + v * (to.maxY - to.minY)];
}

/**
 * The patch that keeps an arrow attached after bound elements changed (`before` → `after` by id),
 * or null when none of its ends is bound to a changed element.
 */
export function followBindings(
  arrow: Element,
  before: ReadonlyMap<string, Element>,
  after: ReadonlyMap<string, Element>,
): ElementProps | null {
  const p = arrow.props;
  const pts = p.points ?? [];
  if (pts.length < 4) return null;
  const x = p.x ?? 0;
  const y = p.y ?? 0;
  const abs = pts.map((v, i) => v + (i % 2 === 0 ? x : y));
  const moveEnd = (bindingId: string | undefined, ix: number): boolean => {
    if (bindingId === undefined || bindingId === '') return false;
    const old = before.get(bindingId);
    const now = after.get(bindingId);
    if (old === undefined || now === undefined) return false;
    const [nx, ny] = mapPoint(abs[ix] ?? 0, abs[ix + 1] ?? 0, elementBounds(old), elementBounds(now));
    abs[ix] = nx;
    abs[ix + 1] = ny;
    return true;
  };
  const startMoved = moveEnd(p.startBinding, 0);
  const endMoved = moveEnd(p.endBinding, abs.length - 2);
  if (!startMoved && !endMoved) return null;
  const ox = abs[0] ?? 0;
  const oy = abs[1] ?? 0;
  const points = abs.map((v, i) => round2(v - (i % 2 === 0 ? ox : oy)));
  return { x: round2(ox), y: round2(oy), points };
}

/** Arrows bound to any of the given element ids. */
export function arrowsBoundTo(elements: Iterable<Element>, ids: ReadonlySet<string>): Element[] {
  const result: Element[] = [];
  for (const element of elements) {
    if (element.type !== 'arrow') continue;
    const { startBinding, endBinding } = element.props;
    if ((startBinding !== undefined && ids.has(startBinding)) || (endBinding !== undefined && ids.has(endBinding))) result.push(element);
  }
  return result;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
