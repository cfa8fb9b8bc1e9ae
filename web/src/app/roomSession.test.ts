// Proves the room session joins on every new connection, rebuilds from the snapshot with pending
// ops on top, resends them with the same clientSeq (P-OPS-3), survives a reload through storage,
// and turns refusals into the right reaction (P-ERR-1, P-ERR-3, P-VER-2).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  BoardHistorySnapshot,
  CursorUpdate,
  Element,
  JoinRoomRequest,
  JoinRoomResult,
  ListBoardHistoryResult,
  PushOpsRequest,
  PushOpsResult,
  StrokeProgress,
} from '../protocol';
import { MemoryStorage } from '../sync/storage';
import type { RoomHub, RoomHubHandlers } from '../transport/roomHub';
import { RoomSession, type RoomNotice } from './roomSession';

interface Deferred<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

class FakeHub implements RoomHub {
  isConnected = false;
  readonly joins: JoinRoomRequest[] = [];
  readonly pushes: { request: PushOpsRequest; answer: Deferred<PushOpsResult> }[] = [];
  readonly streamed: StrokeProgress[] = [];
  joinAnswer: (request: JoinRoomRequest) => Promise<JoinRoomResult> = () => Promise.resolve(joinResult(0));

  constructor(readonly handlers: RoomHubHandlers) {}

  start(): void {}

  stop(): Promise<void> {
    this.isConnected = false;
    return Promise.resolve();
  }

  joinRoom(request: JoinRoomRequest): Promise<JoinRoomResult> {
    this.joins.push(request);
    return this.joinAnswer(request);
  }

  pushOps(request: PushOpsRequest): Promise<PushOpsResult> {
    return new Promise((resolve, reject) => this.pushes.push({ request, answer: { resolve, reject } }));
  }

  streamStroke(progress: StrokeProgress): void {
    this.streamed.push(progress);
  }

  readonly cursors: CursorUpdate[] = [];
  moveCursor(update: CursorUpdate): void {
    this.cursors.push(update);
  }

  listBoardHistory(): Promise<ListBoardHistoryResult> {
    return Promise.reject(new Error('not used here'));
  }

  previewBoardHistory(): Promise<BoardHistorySnapshot> {
    return Promise.reject(new Error('not used here'));
  }

  connect(): void {
    this.isConnected = true;
    this.handlers.status({ state: 'live' });
    this.handlers.connected();
  }

  drop(): void {
    this.isConnected = false;
    this.handlers.status({ state: 'reconnecting', attempt: 1 });
    for (const push of this.pushes.splice(0)) push.answer.reject(new Error('Invocation canceled due to the underlying connection being closed.'));
  }
}

const self = { userId: 'u_me', displayName: 'Me', color: '#e03131' };
function joinResult(clock: number, elements: readonly Element[] = []): JoinRoomResult {
  return {
    room: { roomId: 'room', name: 'Calculus', topic: 'Limits', createdAt: '2025-01-01T00:00:00Z', link: '/r/room' },
    self,
    participants: [self],
    board: { clock, elements },
  };
}

const hubError = (text: string) => new Error(`An unexpected error occurred invoking 'PushOps' on the server. HubException: ${text}`);

function createSession(storage = new MemoryStorage(), clientId = 'c_tab') {
  let hub: FakeHub | undefined;
  const session = new RoomSession({
    roomId: 'room',
    clientId,
    storage,
    createHub: (handlers) => (hub = new FakeHub(handlers)),
  });
  if (hub === undefined) throw new Error('hub not created');
  const notices: RoomNotice[] = [];
  session.events.on('notice', (n) => notices.push(n));
  session.start();
  return { session, hub, storage, notices };
}

function draw(session: RoomSession, x: number): void {
  session.beginStroke(x, 0, '#1971c2', 3);
  session.extendStroke([[x + 10, 5]]);
  session.endStroke();
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('RoomSession', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('joins with the protocol version and client id once connected, then reports live', async () => {
    const { session, hub } = createSession();
    expect(session.status.state).toBe('connecting');
    hub.connect();
    await settle();
    expect(hub.joins).toEqual([{ protocolVersion: 1, roomId: 'room', clientId: 'c_tab' }]);
    expect(session.status.state).toBe('live');
    expect(session.room?.name).toBe('Calculus');
  });

  it('applies a stroke locally, pushes it, and commits it on ack', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    draw(session, 0);
    expect(session.counts).toMatchObject({ pending: 1, elements: 0 });
    expect(session.board.visibleElements()).toHaveLength(1);
    expect(hub.pushes).toHaveLength(1);
    const op = hub.pushes[0]!.request.ops[0]!;
    expect(op).toMatchObject({ kind: 'create', type: 'freehand', clientSeq: 1, props: { x: 0, y: 0, points: [0, 0, 10, 5] } });
    expect(hub.streamed[0]).toMatchObject({ strokeId: op.elementId, startIndex: 0 });
    hub.pushes[0]!.answer.resolve({ clock: 1, acks: [{ clientSeq: 1, clock: 1 }] });
    await settle();
    expect(session.counts).toEqual({ elements: 1, previews: 0, pending: 0, clock: 1 });
  });

  it('rejoins after a reconnect and resends unacked ops with the same clientSeq', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    draw(session, 0);
    const first = hub.pushes[0]!.request.ops[0]!;
    hub.drop();
    await settle();
    expect(session.status).toEqual({ state: 'reconnecting', attempt: 1 });
    expect(session.counts.pending).toBe(1);

    hub.joinAnswer = () => Promise.resolve(joinResult(4));
    hub.connect();
    await settle();
    expect(hub.joins).toHaveLength(2);
    expect(session.board.clock).toBe(4);
    expect(session.board.visible(first.elementId)).toBeDefined();
    expect(hub.pushes).toHaveLength(1);
    expect(hub.pushes[0]!.request.ops).toEqual([first]);
  });

  it('keeps unacked ops and the clientSeq across a reload of the tab', async () => {
    const storage = new MemoryStorage();
    const before = createSession(storage);
    before.hub.connect();
    await settle();
    draw(before.session, 0);
    draw(before.session, 50);
    before.hub.pushes[0]!.answer.resolve({ clock: 1, acks: [{ clientSeq: 1, clock: 1 }] });
    await settle();
    await before.session.dispose();

    const after = createSession(storage);
    expect(after.session.counts.pending).toBe(1);
    after.hub.joinAnswer = () => Promise.resolve(joinResult(1));
    after.hub.connect();
    await settle();
    expect(after.hub.pushes[0]!.request.ops.map((op) => op.clientSeq)).toEqual([2]);
    draw(after.session, 100);
    after.hub.pushes[0]!.answer.resolve({ clock: 2, acks: [{ clientSeq: 2, clock: 2 }] });
    await settle();
    expect(after.hub.pushes[1]!.request.ops.map((op) => op.clientSeq)).toEqual([3]);
  });

  it('finds and drops the one op the server refuses, keeping the others', async () => {
    const storage = new MemoryStorage();
    const { session, hub, notices } = createSession(storage);
    draw(session, 0);
    draw(session, 50);
    draw(session, 100);
    hub.connect();
    await settle();
    expect(hub.pushes[0]!.request.ops).toHaveLength(3);
    hub.pushes[0]!.answer.reject(hubError('INVALID_REQUEST: points out of range'));
    await settle();
    hub.pushes[1]!.answer.resolve({ clock: 1, acks: [{ clientSeq: 1, clock: 1 }] });
    await settle();
    expect(hub.pushes[2]!.request.ops.map((op) => op.clientSeq)).toEqual([2]);
    hub.pushes[2]!.answer.reject(hubError('INVALID_REQUEST: points out of range'));
    await settle();
    expect(notices).toEqual([{ kind: 'opRejected', reason: 'points out of range', fatal: false }]);
    expect(hub.pushes[3]!.request.ops.map((op) => op.clientSeq)).toEqual([3]);
    hub.pushes[3]!.answer.resolve({ clock: 2, acks: [{ clientSeq: 3, clock: 2 }] });
    await settle();
    expect(session.counts).toMatchObject({ elements: 2, pending: 0, clock: 2 });
  });

  it('retries a rate-limited push after a pause', async () => {
    const { session, hub, notices } = createSession();
    hub.connect();
    await settle();
    draw(session, 0);
    hub.pushes[0]!.answer.reject(hubError('RATE_LIMITED: slow down'));
    await settle();
    expect(hub.pushes).toHaveLength(1);
    expect(notices[0]?.kind).toBe('rateLimited');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(hub.pushes).toHaveLength(2);
    expect(hub.pushes[1]!.request.ops[0]!.clientSeq).toBe(1);
  });

  it('keeps an edit the server refused as OVERLOADED and sends it again after the hint (P-ERR-5, P-ERR-6)', async () => {
    const { session, hub, notices } = createSession();
    hub.connect();
    await settle();
    draw(session, 0);
    hub.pushes[0]!.answer.reject(hubError('OVERLOADED: the server is busy and did not run this call; retry after 1500 ms'));
    await settle();
    expect(notices[0]?.kind).toBe('serverBusy');
    expect(session.counts.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(1_499);
    expect(hub.pushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(hub.pushes).toHaveLength(2);
    expect(hub.pushes[1]!.request.ops[0]!.clientSeq).toBe(1);
    hub.pushes[1]!.answer.resolve({ clock: 1, acks: [{ clientSeq: 1, clock: 1 }] });
    await settle();
    expect(session.counts).toMatchObject({ elements: 1, pending: 0, clock: 1 });
  });

  it('waits as long as a RATE_LIMITED hint asks before pushing again (P-ERR-5)', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    draw(session, 0);
    hub.pushes[0]!.answer.reject(hubError('RATE_LIMITED: at most 60 pushes per second; slow down and resend; retry after 17 ms'));
    await settle();
    await vi.advanceTimersByTimeAsync(16);
    expect(hub.pushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(hub.pushes).toHaveLength(2);
  });

  it('joins again after the hint when a join is refused as OVERLOADED', async () => {
    const { hub } = createSession();
    let joins = 0;
    const answer = hub.joinAnswer;
    hub.joinAnswer = (request) => {
      joins++;
      return joins === 1 ? Promise.reject(hubError('OVERLOADED: the server is busy and did not run this call; retry after 2000 ms')) : answer(request);
    };
    hub.connect();
    await settle();
    expect(joins).toBe(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(joins).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(joins).toBe(2);
  });

  it('stops and asks for a reload on PROTOCOL_MISMATCH', async () => {
    const { session, hub, notices } = createSession();
    hub.joinAnswer = () => Promise.reject(hubError('PROTOCOL_MISMATCH: client 1, server 2'));
    hub.connect();
    await settle();
    expect(notices).toEqual([{ kind: 'protocolMismatch', reason: 'client 1, server 2', fatal: true }]);
    expect(session.status.state).toBe('offline');
    expect(hub.isConnected).toBe(false);
  });

  it('stops with a fatal notice when the server closed the connection for too many connections (P-CONN-1)', async () => {
    const { session, hub, notices } = createSession();
    hub.connect();
    await settle();
    hub.handlers.tooManyConnections?.('this user already has 20 open connections to this server');
    await settle();
    expect(notices).toEqual([{ kind: 'tooManyConnections', reason: 'this user already has 20 open connections to this server', fatal: true }]);
    expect(session.status.state).toBe('offline');
    expect(hub.isConnected).toBe(false);
  });

  it('shows remote previews until the element is committed', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    hub.handlers.strokeProgressed({
      roomId: 'room', userId: 'u_bob', strokeId: 'e_bob', startIndex: 0, points: [1, 1, 2, 2], strokeColor: '#2f9e44', strokeWidth: 2,
    });
    expect(session.counts.previews).toBe(1);
    hub.handlers.opsApplied({
      roomId: 'room', authorId: 'u_bob', clientId: 'c_bob',
      ops: [{ clock: 1, kind: 'create', elementId: 'e_bob', type: 'freehand', props: { x: 1, y: 1, points: [0, 0, 1, 1] } }],
    });
    expect(session.counts).toMatchObject({ previews: 0, elements: 1, clock: 1 });
  });

  it('expires a remote preview after 10 s without progress', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    hub.handlers.strokeProgressed({
      roomId: 'room', userId: 'u_bob', strokeId: 'e_bob', startIndex: 0, points: [1, 1], strokeColor: '#2f9e44', strokeWidth: 2,
    });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(session.counts.previews).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session.counts.previews).toBe(0);
  });

  it('replays presence events that arrive during the join on the joined list', async () => {
    const { session, hub } = createSession();
    let answer: (r: JoinRoomResult) => void = () => undefined;
    hub.joinAnswer = () => new Promise((resolve) => (answer = resolve));
    hub.connect();
    hub.handlers.participantJoined({ roomId: 'room', participant: { userId: 'u_bob', displayName: 'Bob', color: '#1971c2' } });
    answer(joinResult(0));
    await settle();
    expect(session.participants.list().map((p) => p.displayName)).toEqual(['Me', 'Bob']);
  });

  it('throttles stroke progress to one message per interval with the trailing points sent later', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    session.beginStroke(0, 0, '#1971c2', 3);
    session.extendStroke([[5, 5]]);
    session.extendStroke([[10, 10]]);
    expect(hub.streamed.map((m) => m.startIndex)).toEqual([0]);
    await vi.advanceTimersByTimeAsync(30);
    expect(hub.streamed.map((m) => [m.startIndex, m.points])).toEqual([
      [0, [0, 0]],
      [2, [5, 5, 10, 10]],
    ]);
  });

  it('rejoins with knownClock and takes a resume answer (P-JOIN-4)', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    draw(session, 0);
    hub.pushes[0]!.answer.resolve({ clock: 1, acks: [{ clientSeq: 1, clock: 1 }] });
    await settle();
    hub.drop();
    draw(session, 50); // made while offline
    expect(session.saveState).toEqual({ kind: 'offline', count: 1 });
    hub.joinAnswer = () =>
      Promise.resolve({
        ...joinResult(0),
        board: null,
        resume: { clock: 2, ops: [{ clock: 2, kind: 'create', elementId: 'e_peer', type: 'rectangle', props: { x: 5 } }] },
      });
    hub.connect();
    await settle();
    expect(hub.joins[1]).toMatchObject({ knownClock: 1 });
    expect(session.counts).toMatchObject({ elements: 2, clock: 2, pending: 1 });
    expect(session.saveState).toEqual({ kind: 'saving', count: 1 });
    expect(hub.pushes.at(-1)?.request.ops[0]?.clientSeq).toBe(2);
  });

  it('takes a resume answer whose board member is absent, as the server sends it (P-JOIN-4)', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    draw(session, 0);
    hub.pushes[0]!.answer.resolve({ clock: 1, acks: [{ clientSeq: 1, clock: 1 }] });
    await settle();
    hub.drop();
    draw(session, 50);
    hub.joinAnswer = () => {
      const withoutBoard: Record<string, unknown> = { ...joinResult(0) };
      delete withoutBoard['board'];
      return Promise.resolve({ ...withoutBoard, resume: { clock: 1, ops: [] } } as unknown as JoinRoomResult);
    };
    hub.connect();
    await settle();
    expect(hub.joins[1]).toMatchObject({ knownClock: 1 });
    expect(session.counts).toMatchObject({ elements: 1, clock: 1, pending: 1 });
    expect(session.saveState).toEqual({ kind: 'saving', count: 1 });
  });

  it('still takes a full board answer to a rejoin with knownClock (server without resume)', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    hub.drop();
    hub.joinAnswer = () => Promise.resolve(joinResult(3, [{ id: 'e_x', type: 'ellipse', version: 3, createdBy: 'u', props: {} }]));
    hub.connect();
    await settle();
    expect(hub.joins[1]).toMatchObject({ knownClock: 0 });
    expect(session.counts).toMatchObject({ elements: 1, clock: 3 });
    expect(session.saveState).toEqual({ kind: 'saved' });
  });

  it('sends cursors at most 30 times a second, the latest one last', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    for (let i = 0; i < 10; i++) session.moveCursor({ x: i, y: 0, visible: true, laser: false });
    expect(hub.cursors.map((c) => c.x)).toEqual([0]);
    await vi.advanceTimersByTimeAsync(40);
    expect(hub.cursors.map((c) => c.x)).toEqual([0, 9]);
    expect(hub.cursors[1]).toMatchObject({ roomId: 'room', laser: false });
  });

  it("sends this tab's client id with every cursor, so the tab tells its own entry of a frame from its other tabs' (P-LIVE-5)", async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    session.moveCursor({ x: 1, y: 0, visible: true, laser: false });
    expect(hub.cursors).toEqual([expect.objectContaining({ x: 1, clientId: 'c_tab' })]);
  });

  it('hides the cursor at once when the page goes away, and the throttled move held back never follows it (P-LIVE-5)', async () => {
    const { session, hub } = createSession();
    hub.connect();
    await settle();
    session.moveCursor({ x: 1, y: 0, visible: true, laser: false });
    session.moveCursor({ x: 2, y: 0, visible: true, laser: false }); // held by the throttle
    session.hideCursorNow({ x: 2, y: 0, selection: ['e_1'] });
    expect(hub.cursors.map((c) => [c.x, c.visible])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(hub.cursors[1]).toMatchObject({ roomId: 'room', laser: false, selection: [], clientId: 'c_tab' });
    await vi.advanceTimersByTimeAsync(100);
    expect(hub.cursors).toHaveLength(2);
  });
});
