// Proves the editor turns user actions into single undo steps: an arrow bound to a moved shape
// follows in the same step (P-UNDO-4), z-order moves patch only zIndex (P-EL-3, P-CLIENT-1), and
// paste/duplicate create new ids with fresh bindings.
import { describe, expect, it } from 'vitest';
import type { BoardHistorySnapshot, JoinRoomResult, ListBoardHistoryResult, PushOpsResult } from '../protocol';
import type { RoomHub } from '../transport/roomHub';
import { BoardEditor } from './boardEditor';
import { RoomSession } from './roomSession';

class OfflineHub implements RoomHub {
  readonly isConnected = false;
  start(): void {}
  stop(): Promise<void> {
    return Promise.resolve();
  }
  joinRoom(): Promise<JoinRoomResult> {
    return new Promise(() => undefined);
  }
  pushOps(): Promise<PushOpsResult> {
    return new Promise(() => undefined);
  }
  streamStroke(): void {}
  moveCursor(): void {}
  listBoardHistory(): Promise<ListBoardHistoryResult> {
    return new Promise(() => undefined);
  }
  previewBoardHistory(): Promise<BoardHistorySnapshot> {
    return new Promise(() => undefined);
  }
}

function editor(): BoardEditor {
  const session = new RoomSession({ roomId: 'room', clientId: 'c_t', storage: null, createHub: () => new OfflineHub() });
  return new BoardEditor(session);
}

describe('BoardEditor', () => {
  it('moves a bound arrow with its shape, and one undo puts both back', () => {
    const e = editor();
    e.commit([
      { kind: 'create', elementId: 'box', type: 'rectangle', props: { x: 0, y: 0, width: 100, height: 100, strokeWidth: 0, zIndex: 'a0' } },
      { kind: 'create', elementId: 'arr', type: 'arrow', props: { x: 50, y: 50, points: [0, 0, 200, 0], startBinding: 'box', endBinding: '', zIndex: 'a1' } },
    ]);
    e.commit([{ kind: 'patch', elementId: 'box', props: { x: 30, y: 10 } }]);
    expect(e.get('arr')?.props).toMatchObject({ x: 80, y: 60, points: [0, 0, 170, -10] });
    e.undo();
    expect(e.get('box')?.props).toMatchObject({ x: 0, y: 0 });
    expect(e.get('arr')?.props).toMatchObject({ x: 50, y: 50, points: [0, 0, 200, 0] });
  });

  it('restores a history snapshot as one undo step, and undo brings the board back (P-HIST-4)', () => {
    const e = editor();
    e.commit([
      { kind: 'create', elementId: 'a', type: 'rectangle', props: { x: 0, y: 0, width: 10, height: 10, zIndex: 'a0' } },
      { kind: 'create', elementId: 'b', type: 'ellipse', props: { x: 50, y: 0, width: 10, height: 10, zIndex: 'a1' } },
    ]);
    const snapshot = e.elements().map((el) => ({ ...el }));
    e.commit([{ kind: 'patch', elementId: 'a', props: { x: 99 } }]);
    e.remove(['b']);
    e.commit([{ kind: 'create', elementId: 'c', type: 'diamond', props: { x: 7, zIndex: 'a2' } }]);
    const shapeOf = (): string[] => e.elements().map((el) => `${el.type}@${String(el.props.x)}`);

    expect(e.restore(snapshot)).toBe(3);
    expect(shapeOf()).toEqual(['rectangle@0', 'ellipse@50']);
    expect(e.get('b')).toBeUndefined();
    expect(e.restore(snapshot.map((el) => (el.id === 'b' ? { ...el, id: e.elements()[1]?.id ?? '' } : el)))).toBe(0);

    e.undo();
    expect(shapeOf()).toEqual(['rectangle@99', 'diamond@7']);
    e.redo();
    expect(shapeOf()).toEqual(['rectangle@0', 'ellipse@50']);
  });

  it('brings forward and sends back by patching only zIndex', () => {
    const e = editor();
    e.commit(['a', 'b', 'c'].map((id, i) => ({ kind: 'create' as const, elementId: id, type: 'ellipse', props: { x: i, zIndex: `a${i}` } })));
    const order = (): string[] => e.elements().map((el) => el.id);
    e.reorder(new Set(['a']), 'forward');
    expect(order()).toEqual(['b', 'a', 'c']);
    e.reorder(new Set(['a']), 'front');
    expect(order()).toEqual(['b', 'c', 'a']);
    e.reorder(new Set(['c']), 'back');
    expect(order()).toEqual(['c', 'b', 'a']);
    e.reorder(new Set(['b']), 'backward');
    expect(order()).toEqual(['b', 'c', 'a']);
    e.undo();
    expect(order()).toEqual(['c', 'b', 'a']);
    expect(e.topZ() > (e.get('a')?.props.zIndex ?? '')).toBe(true);
  });

  it('copies and pastes with new ids, offset, on top and unbound', () => {
    const e = editor();
    e.commit([{ kind: 'create', elementId: 'arr', type: 'arrow', props: { x: 0, y: 0, points: [0, 0, 10, 0], startBinding: 'x', zIndex: 'a0' } }]);
    const json = e.copy(['arr']);
    const [pasted] = e.paste(json);
    expect(pasted).toBeDefined();
    expect(pasted).not.toBe('arr');
    expect(e.get(pasted ?? '')?.props).toMatchObject({ x: 20, y: 20, startBinding: '' });
    expect(e.duplicate([pasted ?? ''])).toHaveLength(1);
    expect(e.elements()).toHaveLength(3);
    expect(e.paste('not json')).toHaveLength(1);
  });
});
