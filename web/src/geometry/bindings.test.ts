import { describe, expect, it } from 'vitest';
import type { Element, ElementProps } from '../protocol';
import { arrowsBoundTo, bindingTargetAt, followBindings } from './bindings';

function el(id: string, type: string, props: ElementProps): Element {
  return { id, type, version: 1, createdBy: 'u', props };
}

describe('arrow bindings (P-EL-2)', () => {
  const box = el('box', 'rectangle', { x: 100, y: 100, width: 100, height: 100, strokeWidth: 0 });
  const arrow = el('arr', 'arrow', { x: 0, y: 0, points: [0, 0, 150, 150], endBinding: 'box', startBinding: '' });

  it('moves the bound end with the shape and keeps the free end in place', () => {
    const moved = el('box', 'rectangle', { ...box.props, x: 300, y: 100 });
    const patch = followBindings(arrow, new Map([['box', box]]), new Map([['box', moved]]));
    expect(patch).toEqual({ x: 0, y: 0, points: [0, 0, 350, 150] });
  });

  it('moves the origin when the start end is bound', () => {
    const a = el('arr', 'arrow', { x: 150, y: 150, points: [0, 0, -150, -150], startBinding: 'box' });
    const moved = el('box', 'rectangle', { ...box.props, x: 110, y: 120 });
    const patch = followBindings(a, new Map([['box', box]]), new Map([['box', moved]]));
    expect(patch).toEqual({ x: 160, y: 170, points: [0, 0, -160, -170] });
  });

  it('scales the attachment point when the shape is resized', () => {
    const resized = el('box', 'rectangle', { ...box.props, width: 200 });
    const patch = followBindings(arrow, new Map([['box', box]]), new Map([['box', resized]]));
    expect(patch?.points).toEqual([0, 0, 200, 150]);
  });

  it('ignores arrows not bound to a changed element and finds bound arrows', () => {
    const other = el('x', 'rectangle', { x: 0, y: 0, width: 1, height: 1 });
    expect(followBindings(arrow, new Map([['x', other]]), new Map([['x', other]]))).toBeNull();
    expect(arrowsBoundTo([arrow, box], new Set(['box'])).map((e) => e.id)).toEqual(['arr']);
  });

  it('binds to the shape under an arrow end but never to the arrow itself', () => {
    expect(bindingTargetAt([box, arrow], 150, 150, 'arr', 4)?.id).toBe('box');
    expect(bindingTargetAt([box], 20, 20, 'arr', 4)).toBeUndefined();
  });
});
