import { describe, expect, it } from 'vitest';
import type { Element, ElementProps } from '../protocol';
import { nextElementState } from '../store/document';
import type { NewElementOp } from './pendingQueue';
import { recordOps, UndoHistory } from './undo';

/** A tiny board: applies ops like the server would (per-property merge, P-OPS-5). */
class Board {
  readonly els = new Map<string, Element>();
  apply(ops: readonly NewElementOp[]): void {
    for (const op of ops) {
      const next = nextElementState(this.els.get(op.elementId), op, { clock: 1, authorId: 'u' });
      if (next === undefined) this.els.delete(op.elementId);
      else this.els.set(op.elementId, next);
    }
  }
  get = (id: string): Element | undefined => this.els.get(id);
  props(id: string): ElementProps | undefined {
    return this.els.get(id)?.props;
  }
}

function local(board: Board, history: UndoHistory, ops: NewElementOp[]): void {
  history.push(recordOps(ops, board.get));
  board.apply(ops);
}

let counter = 0;
const newId = (): string => `n${++counter}`;

describe('per-user undo (P-UNDO-1..4)', () => {
  it('undoes and redoes a create, a patch and a delete', () => {
    const board = new Board();
    const history = new UndoHistory();
    local(board, history, [{ kind: 'create', elementId: 'a', type: 'rectangle', props: { x: 0, y: 0, width: 10, height: 10 } }]);
    local(board, history, [{ kind: 'patch', elementId: 'a', props: { x: 50 } }]);
    board.apply(history.undo(board.get, newId));
    expect(board.props('a')?.x).toBe(0);
    board.apply(history.redo(board.get, newId));
    expect(board.props('a')?.x).toBe(50);
    board.apply(history.undo(board.get, newId));
    board.apply(history.undo(board.get, newId));
    expect(board.get('a')).toBeUndefined();
    board.apply(history.redo(board.get, newId));
    // The id is never reused (P-OPS-5): redo of a create re-creates under a new id.
    expect(board.els.size).toBe(1);
  });

  it('restores only the properties it changed: a peer recolouring meanwhile keeps the colour', () => {
    const board = new Board();
    const history = new UndoHistory();
    board.apply([{ kind: 'create', elementId: 'a', type: 'sticky', props: { x: 0, y: 0, fillColor: '#ffec99' } }]);
    local(board, history, [{ kind: 'patch', elementId: 'a', props: { x: 100, y: 40 } }]);
    board.apply([{ kind: 'patch', elementId: 'a', props: { fillColor: '#a5d8ff' } }]); // remote
    board.apply(history.undo(board.get, newId));
    expect(board.props('a')).toMatchObject({ x: 0, y: 0, fillColor: '#a5d8ff' });
  });

  it('leaves a property alone when someone else changed it after this user', () => {
    const board = new Board();
    const history = new UndoHistory();
    board.apply([{ kind: 'create', elementId: 'a', type: 'rectangle', props: { x: 0, strokeColor: '#1e1e1e' } }]);
    local(board, history, [{ kind: 'patch', elementId: 'a', props: { x: 10, strokeColor: '#e03131' } }]);
    board.apply([{ kind: 'patch', elementId: 'a', props: { x: 99 } }]); // remote move wins
    board.apply(history.undo(board.get, newId));
    expect(board.props('a')).toMatchObject({ x: 99, strokeColor: '#1e1e1e' });
  });

  it('skips elements others deleted and moves on to the previous step', () => {
    const board = new Board();
    const history = new UndoHistory();
    local(board, history, [{ kind: 'create', elementId: 'a', type: 'ellipse', props: { x: 0 } }]);
    local(board, history, [{ kind: 'create', elementId: 'b', type: 'ellipse', props: { x: 0 } }]);
    local(board, history, [{ kind: 'patch', elementId: 'b', props: { x: 5 } }]);
    board.apply([{ kind: 'delete', elementId: 'b' }]); // remote
    const ops = history.undo(board.get, newId);
    // Both steps on b change nothing now; the create of a is undone instead.
    expect(ops).toEqual([{ kind: 'delete', elementId: 'a' }]);
  });

  it('never records remote edits: undo with only remote history does nothing', () => {
    const board = new Board();
    const history = new UndoHistory();
    board.apply([{ kind: 'create', elementId: 'r', type: 'text', props: { text: 'hi' } }]);
    expect(history.undo(board.get, newId)).toEqual([]);
    expect(board.get('r')).toBeDefined();
  });

  it('undoes a delete by re-creating under a new id and follows that id afterwards', () => {
    const board = new Board();
    const history = new UndoHistory();
    local(board, history, [{ kind: 'create', elementId: 'a', type: 'rectangle', props: { x: 1 } }]);
    local(board, history, [{ kind: 'patch', elementId: 'a', props: { x: 2 } }]);
    local(board, history, [{ kind: 'delete', elementId: 'a' }]);
    board.apply(history.undo(board.get, () => 'a2'));
    expect(board.props('a2')?.x).toBe(2);
    board.apply(history.undo(board.get, newId));
    expect(board.props('a2')?.x).toBe(1);
    board.apply(history.undo(board.get, newId));
    expect(board.els.size).toBe(0);
  });
});
