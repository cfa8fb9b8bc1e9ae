// Proves the restore difference of P-HIST-4: applying the ops to the current board gives the
// snapshot (up to the ids of elements deleted since), bindings follow re-created elements, and a
// board that already equals the snapshot needs no op.
import { describe, expect, it } from 'vitest';
import type { Element, ElementProps } from '../protocol';
import { nextElementState } from '../store/document';
import { propsDiff, restoreOps } from './restoreDiff';

function el(id: string, props: ElementProps, type = 'rectangle'): Element {
  return { id, type, version: 1, createdBy: 'u_a', props };
}

function ids(): () => string {
  let n = 0;
  return () => `n${++n}`;
}

function apply(current: readonly Element[], ops: ReturnType<typeof restoreOps>): Map<string, Element> {
  const board = new Map(current.map((e) => [e.id, e]));
  for (const op of ops) {
    const next = nextElementState(board.get(op.elementId), op, { clock: 1, authorId: 'u_b' });
    if (next === undefined) board.delete(op.elementId);
    else board.set(op.elementId, next);
  }
  return board;
}

describe('restoreOps (P-HIST-4)', () => {
  it('deletes, patches and re-creates so the board reads as the snapshot', () => {
    const snapshot = [el('a', { x: 1, y: 2, width: 10, height: 10, zIndex: 'a0' }), el('b', { x: 5, text: 'old', zIndex: 'a1' }, 'text')];
    const current = [el('a', { x: 9, y: 2, width: 10, height: 10, zIndex: 'a0', fillColor: '#ff0000' }), el('c', { x: 0 })];

    const ops = restoreOps(current, snapshot, ids());

    expect(ops.map((o) => [o.kind, o.elementId])).toEqual([
      ['create', 'n1'],
      ['patch', 'a'],
      ['delete', 'c'],
    ]);
    expect(ops[1]?.props).toEqual({ x: 1, fillColor: 'transparent' });
    const board = apply(current, ops);
    expect([...board.keys()].sort()).toEqual(['a', 'n1']);
    expect(board.get('n1')?.props).toEqual(snapshot[1]?.props);
    expect(board.get('n1')?.type).toBe('text');
    expect(board.get('a')?.props.x).toBe(1);
  });

  it('moves arrow bindings to the ids of re-created elements', () => {
    const snapshot = [el('box', { x: 0, width: 10, height: 10 }), el('arrow', { points: [0, 0, 5, 5], startBinding: 'box', endBinding: '' }, 'arrow')];
    const current = [el('arrow', { points: [0, 0, 5, 5], startBinding: '', endBinding: '' }, 'arrow')];

    const ops = restoreOps(current, snapshot, ids());

    expect(ops).toEqual([
      { kind: 'create', elementId: 'n1', type: 'rectangle', props: { x: 0, width: 10, height: 10 } },
      { kind: 'patch', elementId: 'arrow', props: { startBinding: 'n1' } },
    ]);
  });

  it('needs no op when the board equals the snapshot', () => {
    const snapshot = [el('a', { x: 1, points: [0, 0, 1, 1] }, 'freehand')];
    expect(restoreOps(snapshot.map((e) => ({ ...e, props: { ...e.props, points: [0, 0, 1, 1] } })), snapshot, ids())).toEqual([]);
  });

  it('restoring an empty snapshot deletes everything', () => {
    const ops = restoreOps([el('a', {}), el('b', {})], [], ids());
    expect(ops).toEqual([
      { kind: 'delete', elementId: 'a' },
      { kind: 'delete', elementId: 'b' },
    ]);
  });
});

describe('propsDiff', () => {
  it('keeps properties without a default when the snapshot lacks them', () => {
    expect(propsDiff({ zIndex: 'a5', points: [1, 2] }, {})).toBeNull();
    expect(propsDiff({ text: 'new', startBinding: 'x' }, {})).toEqual({ text: '', startBinding: '' });
  });
});
