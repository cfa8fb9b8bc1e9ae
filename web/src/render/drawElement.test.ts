import { describe, expect, it } from 'vitest';
import type { Element, ElementProps } from '../protocol';
import { drawElement } from './drawElement';

function el(type: string, props: ElementProps): Element {
  return { id: 'e', type, version: 1, createdBy: 'u', props };
}

/** A 2D context that records the names of the drawing calls made on it (and `set:` the properties set). */
function recorder(): { ctx: CanvasRenderingContext2D; calls: string[] } {
  const calls: string[] = [];
  const state: Record<string | symbol, unknown> = {};
  const ctx = new Proxy(state, {
    get: (target, key) => {
      if (key in target) return target[key];
      if (key === 'measureText') return (text: string) => ({ width: text.length * 6 });
      return () => {
        calls.push(String(key));
      };
    },
    set: (target, key, value) => {
      target[key] = value;
      if (key === 'shadowBlur') calls.push('set:shadowBlur');
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls };
}

describe('drawElement level of detail', () => {
  it('draws full detail at 100 % and for exports (no pixel size)', () => {
    for (const pixel of [0, 1]) {
      const { ctx, calls } = recorder();
      drawElement(ctx, el('text', { x: 0, y: 0, width: 200, height: 30, text: 'hello', fontSize: 20 }), pixel);
      expect(calls).toContain('fillText');
    }
  });

  it('draws text too small to read as bars, and an element under a few pixels as one box', () => {
    const text = recorder();
    drawElement(text.ctx, el('text', { x: 0, y: 0, width: 400, height: 30, text: 'hello\nworld', fontSize: 12 }), 8);
    expect(text.calls).not.toContain('fillText');
    expect(text.calls.filter((c) => c === 'fillRect')).toHaveLength(2);

    const tiny = recorder();
    drawElement(tiny.ctx, el('ellipse', { x: 0, y: 0, width: 40, height: 40 }), 20);
    expect(tiny.calls).toEqual(['save', 'fillRect', 'restore']);
  });

  it('drops the note shadow and stroke curves far out', () => {
    const note = recorder();
    drawElement(note.ctx, el('sticky', { x: 0, y: 0, width: 200, height: 200, text: '' }), 4);
    expect(note.calls).not.toContain('set:shadowBlur');
    const near = recorder();
    drawElement(near.ctx, el('sticky', { x: 0, y: 0, width: 200, height: 200, text: '' }), 1);
    expect(near.calls).toContain('set:shadowBlur');
    const stroke = recorder();
    drawElement(stroke.ctx, el('freehand', { x: 0, y: 0, points: [0, 0, 50, 50, 100, 0, 150, 60] }), 4);
    expect(stroke.calls).not.toContain('quadraticCurveTo');
    expect(stroke.calls).toContain('lineTo');
  });
});
