// Proves a batched OpsApplied (P-OPS-8) reaches the board as the same events, in order, as unbatched ones would.
import { describe, expect, it } from 'vitest';
import type { OpsApplied } from '../protocol';
import { BoardSync } from './boardSync';
import { unbatchOpsApplied } from './opsAppliedBatch';
import { PendingQueue } from './pendingQueue';

function applied(authorId: string, clock: number, id: string, roomId = 'r1'): OpsApplied {
  return {
    roomId,
    authorId,
    clientId: `c_${authorId}`,
    ops: [{ kind: 'create', elementId: id, clock, type: 'rectangle', props: { x: clock, y: 0, width: 10, height: 10 } }],
  };
}

describe('unbatchOpsApplied', () => {
  it('answers the events in the order sent, dropping any of another room', () => {
    const events = [applied('ada', 1, 'e_1'), applied('bob', 2, 'e_2'), applied('cy', 3, 'e_3', 'r2')];
    expect(unbatchOpsApplied({ roomId: 'r1', events })).toEqual(events.slice(0, 2));
  });

  it('leaves the board where the same events one by one leave it', () => {
    const events = [applied('ada', 1, 'e_1'), applied('bob', 2, 'e_2'), applied('ada', 3, 'e_3')];
    const batched = newBoard();
    const single = newBoard();
    for (const event of unbatchOpsApplied({ roomId: 'r1', events })) batched.receive(event);
    for (const event of events) single.receive(event);
    expect(batched.clock).toBe(3);
    expect(['e_1', 'e_2', 'e_3'].map((id) => batched.committed(id))).toEqual(['e_1', 'e_2', 'e_3'].map((id) => single.committed(id)));
    expect(batched.committedCount).toBe(3);
  });
});

function newBoard(): BoardSync {
  const board = new BoardSync(PendingQueue.load(null, 'r1', 'c_self'), () => 0);
  board.applySnapshot({ clock: 0, elements: [] }, 'self');
  return board;
}
