// Proves the client board follows the server's clock: old ops ignored, ops applied in clock order,
// per-property patches, deletes, the join rule P-JOIN-3, acks of own ops, and local ops on top.
import { describe, expect, it } from 'vitest';
import type { CommittedOp, Element, OpsApplied } from '../protocol';
import { BoardSync } from './boardSync';
import { PendingQueue } from './pendingQueue';

const element = (id: string, version: number, props: Element['props'] = {}): Element => ({
  id,
  type: 'freehand',
  version,
  createdBy: 'u_other',
  props,
});

const applied = (...ops: CommittedOp[]): OpsApplied => ({
  roomId: 'room',
  authorId: 'u_other',
  clientId: 'c_other',
  ops,
});

const createOp = (clock: number, id: string, props: CommittedOp['props'] = {}): CommittedOp => ({
  clock,
  kind: 'create',
  elementId: id,
  type: 'freehand',
  props,
});

function joined(clock = 0, elements: Element[] = []) {
  let now = 0;
  const sync = new BoardSync(PendingQueue.load(null, 'room', 'c_me'), () => now);
  sync.applySnapshot({ clock, elements }, 'u_me');
  return { sync, setNow: (t: number) => (now = t) };
}

describe('BoardSync applying OpsApplied', () => {
  it('applies ops in clock order and advances the clock', () => {
    const { sync } = joined();
    sync.receive(applied(createOp(1, 'e_a', { x: 1 }), createOp(2, 'e_b')));
    expect(sync.clock).toBe(2);
    expect(sync.committedCount).toBe(2);
    expect(sync.committed('e_a')).toMatchObject({ version: 1, createdBy: 'u_other', props: { x: 1 } });
  });

  it('ignores ops whose clock is not above the board clock', () => {
    const { sync } = joined(5, [element('e_a', 5, { x: 1 })]);
    const change = sync.receive(applied({ clock: 5, kind: 'patch', elementId: 'e_a', props: { x: 99 } }));
    sync.receive(applied({ clock: 3, kind: 'delete', elementId: 'e_a' }));
    expect(change.visible).toBe(false);
    expect(sync.clock).toBe(5);
    expect(sync.committed('e_a')?.props.x).toBe(1);
  });

  it('merges patches per property', () => {
    const { sync } = joined(1, [element('e_a', 1, { x: 1, y: 2, strokeColor: '#111111' })]);
    sync.receive(applied({ clock: 2, kind: 'patch', elementId: 'e_a', props: { x: 10 } }));
    sync.receive(applied({ clock: 3, kind: 'patch', elementId: 'e_a', props: { strokeColor: '#e03131' } }));
    expect(sync.committed('e_a')).toMatchObject({
      version: 3,
      props: { x: 10, y: 2, strokeColor: '#e03131' },
    });
  });

  it('deletes elements and ignores patches of missing ones', () => {
    const { sync } = joined(1, [element('e_a', 1)]);
    sync.receive(applied({ clock: 2, kind: 'delete', elementId: 'e_a' }));
    sync.receive(applied({ clock: 3, kind: 'patch', elementId: 'e_a', props: { x: 1 } }));
    expect(sync.committedCount).toBe(0);
    expect(sync.isCommitted('e_a')).toBe(false);
    expect(sync.clock).toBe(3);
  });

  it('holds ops beyond a gap until the missing clock arrives', () => {
    const { sync, setNow } = joined(1);
    setNow(100);
    sync.receive(applied(createOp(3, 'e_c')));
    expect(sync.clock).toBe(1);
    expect(sync.committedCount).toBe(0);
    expect(sync.visible('e_c')).toBeDefined();
    expect(sync.gapAgeMs(600)).toBe(500);
    sync.receive(applied(createOp(2, 'e_b')));
    expect(sync.clock).toBe(3);
    expect(sync.committedCount).toBe(2);
    expect(sync.gapAgeMs(700)).toBeNull();
  });
});

describe('BoardSync join rule P-JOIN-3', () => {
  it('buffers ops during a join, drops those covered by the snapshot and applies newer ones', () => {
    const sync = new BoardSync(PendingQueue.load(null, 'room', 'c_me'));
    sync.beginJoin();
    sync.receive(applied(createOp(17, 'e_old')));
    sync.receive(applied(createOp(18, 'e_new')));
    sync.receive(applied({ clock: 19, kind: 'patch', elementId: 'e_snap', props: { y: 5 } }));
    expect(sync.committedCount).toBe(0);

    sync.applySnapshot({ clock: 17, elements: [element('e_old', 17), element('e_snap', 4, { y: 1 })] }, 'u_me');
    expect(sync.clock).toBe(19);
    expect(sync.isCommitted('e_new')).toBe(true);
    expect(sync.committed('e_snap')?.props.y).toBe(5);
    expect(sync.committedCount).toBe(3);
  });

  it('forgets buffered ops the snapshot covers, so they neither show again nor look like a gap', () => {
    const sync = new BoardSync(PendingQueue.load(null, 'room', 'c_me'), () => 0);
    sync.beginJoin();
    sync.receive(applied({ clock: 17, kind: 'patch', elementId: 'e_a', props: { y: 5 } }));
    sync.applySnapshot({ clock: 18, elements: [element('e_a', 18, { y: 9 })] }, 'u_me');
    expect(sync.visible('e_a')?.props.y).toBe(9);
    expect(sync.gapAgeMs(1_000)).toBeNull();
  });

  it('rebuilds from a new snapshot on rejoin and keeps pending local ops on top', () => {
    const { sync } = joined(2, [element('e_a', 1), element('e_b', 2)]);
    sync.edit({ kind: 'create', elementId: 'e_mine', type: 'freehand', props: { x: 3 } });
    sync.beginJoin();
    sync.applySnapshot({ clock: 4, elements: [element('e_b', 2), element('e_c', 4)] }, 'u_me');
    expect(sync.clock).toBe(4);
    expect(sync.committedCount).toBe(2);
    expect(sync.pendingCount).toBe(1);
    expect(sync.visibleElements().map((e) => e.id)).toEqual(['e_b', 'e_c', 'e_mine']);
  });
});

describe('BoardSync local edits', () => {
  it('shows a local op at once and commits it at its acked clock', () => {
    const { sync } = joined(3);
    const op = sync.edit({ kind: 'create', elementId: 'e_mine', type: 'freehand', props: { x: 1 } });
    expect(sync.pendingCount).toBe(1);
    expect(sync.committedCount).toBe(0);
    expect(sync.visible('e_mine')).toMatchObject({ version: 0, createdBy: 'u_me' });

    sync.acknowledge({ clock: 4, acks: [{ clientSeq: op.clientSeq, clock: 4 }] });
    expect(sync.pendingCount).toBe(0);
    expect(sync.clock).toBe(4);
    expect(sync.committed('e_mine')).toMatchObject({ version: 4, createdBy: 'u_me' });
  });

  it('waits for a remote op with a lower clock that arrives after the ack', () => {
    const { sync } = joined(3);
    const op = sync.edit({ kind: 'create', elementId: 'e_mine', type: 'freehand' });
    sync.acknowledge({ clock: 5, acks: [{ clientSeq: op.clientSeq, clock: 5 }] });
    expect(sync.clock).toBe(3);
    expect(sync.visible('e_mine')).toBeDefined();
    sync.receive(applied(createOp(4, 'e_theirs')));
    expect(sync.clock).toBe(5);
    expect(sync.committedCount).toBe(2);
  });

  it('drops an op acked with clock 0 (a resend the server already applied)', () => {
    const { sync } = joined(7, [element('e_mine', 6)]);
    const op = sync.edit({ kind: 'create', elementId: 'e_mine', type: 'freehand' });
    sync.acknowledge({ clock: 7, acks: [{ clientSeq: op.clientSeq, clock: 0 }] });
    expect(sync.pendingCount).toBe(0);
    expect(sync.clock).toBe(7);
    expect(sync.committed('e_mine')?.version).toBe(6);
  });

  it('removes a refused op from the visible board', () => {
    const { sync } = joined();
    const op = sync.edit({ kind: 'create', elementId: 'e_bad', type: 'freehand' });
    sync.reject([op.clientSeq]);
    expect(sync.visible('e_bad')).toBeUndefined();
    expect(sync.pendingCount).toBe(0);
  });

  it('layers a pending patch over the committed element without changing it', () => {
    const { sync } = joined(1, [element('e_a', 1, { x: 1, y: 1 })]);
    sync.edit({ kind: 'patch', elementId: 'e_a', props: { x: 50 } });
    expect(sync.visible('e_a')?.props).toEqual({ x: 50, y: 1 });
    expect(sync.committed('e_a')?.props).toEqual({ x: 1, y: 1 });
  });

  it('orders visible elements by zIndex when they carry one', () => {
    const { sync } = joined(2, [element('e_a', 1, { zIndex: 'a2' }), element('e_b', 2, { zIndex: 'a1' })]);
    expect(sync.visibleElements().map((e) => e.id)).toEqual(['e_b', 'e_a']);
  });
});

describe('BoardSync resume (P-JOIN-4)', () => {
  it('keeps the document and applies exactly the missed ops, with pending ops on top', () => {
    const queue = PendingQueue.load(null, 'room', 'c_me');
    const sync = new BoardSync(queue, () => 0);
    sync.applySnapshot({ clock: 2, elements: [element('e_a', 1), element('e_b', 2)] }, 'u_me');
    sync.edit({ kind: 'patch', elementId: 'e_a', props: { x: 42 } });
    sync.beginJoin();
    sync.applyResume(
      {
        clock: 4,
        ops: [
          { clock: 2, kind: 'delete', elementId: 'e_b' }, // already held: ignored
          { clock: 3, kind: 'patch', elementId: 'e_a', props: { y: 7 } },
          { clock: 4, kind: 'create', elementId: 'e_c', type: 'rectangle', props: { x: 1 } },
        ],
      },
      'u_me',
    );
    expect(sync.isJoining).toBe(false);
    expect(sync.clock).toBe(4);
    expect(sync.isCommitted('e_b')).toBe(true);
    expect(sync.committed('e_a')?.props.y).toBe(7);
    expect(sync.visible('e_a')?.props.x).toBe(42);
    expect(sync.isCommitted('e_c')).toBe(true);
  });
});
