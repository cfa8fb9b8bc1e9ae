// Proves the room session keeps the people panel's facts: role and status changes update the
// participant (P-ROLE-2, P-STATUS-3), the help queue comes with the join and each change (P-HAND-3),
// the room's read-only switch arrives (P-MOD-5), and this user's removal or ban stops the session
// with a notice, also a BANNED join (P-MOD-1, P-MOD-2); a ban lifted by another moderator reaches the
// ban list (P-MOD-10), so does a ban one placed (P-MOD-11), and a deleted user leaves the list and reaches the panels (P-ACCT-5).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardHistorySnapshot, HelpRequest, JoinRoomResult, ListBoardHistoryResult, PushOpsResult } from '../protocol';
import type { RoomHub, RoomHubHandlers } from '../transport/roomHub';
import { RoomSession, type RoomNotice } from './roomSession';

const me = { userId: 'u_me', displayName: 'Me', color: '#e03131', role: 'member' as const, status: 'active' as const };
const mia = { userId: 'u_mia', displayName: 'Mia', color: '#1971c2', role: 'mentor' as const, status: 'active' as const };
const hand: HelpRequest = { userId: 'u_me', displayName: 'Me', note: 'stuck', raisedAt: '2026-01-01T00:00:00Z' };

class FakeHub implements RoomHub {
  isConnected = false;
  stopped = 0;
  joinAnswer: () => Promise<JoinRoomResult> = () =>
    Promise.resolve({
      room: { roomId: 'room', name: 'Calculus', topic: '', createdAt: '2026-01-01T00:00:00Z', link: '/r/room' },
      self: me,
      participants: [me, mia],
      board: { clock: 0, elements: [] },
      helpQueue: [hand],
    });

  constructor(readonly handlers: RoomHubHandlers) {}
  start(): void {}
  stop(): Promise<void> {
    this.stopped += 1;
    this.isConnected = false;
    return Promise.resolve();
  }
  joinRoom(): Promise<JoinRoomResult> {
    return this.joinAnswer();
  }
  pushOps(): Promise<PushOpsResult> {
    return new Promise(() => undefined);
  }
  streamStroke(): void {}
  moveCursor(): void {}
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
}

async function joined() {
  let hub: FakeHub | undefined;
  const session = new RoomSession({ roomId: 'room', clientId: 'c_tab', storage: null, createHub: (handlers) => (hub = new FakeHub(handlers)) });
  if (hub === undefined) throw new Error('hub not created');
  const notices: RoomNotice[] = [];
  const queues: (readonly HelpRequest[])[] = [];
  session.events.on('notice', (n) => notices.push(n));
  session.events.on('helpQueue', (q) => queues.push(q));
  session.start();
  hub.connect();
  await vi.advanceTimersByTimeAsync(0);
  return { session, hub, notices, queues };
}

describe('RoomSession, people', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes the help queue from the join and every HelpQueueChanged (P-HAND-3)', async () => {
    const { session, hub, queues } = await joined();
    expect(session.helpQueue).toEqual([hand]);
    hub.handlers.helpQueueChanged({ roomId: 'room', requests: [] });
    hub.handlers.helpQueueChanged({ roomId: 'elsewhere', requests: [hand] });
    expect(session.helpQueue).toEqual([]);
    expect(queues).toEqual([[hand], []]);
  });

  it('updates a participant on RoleChanged and PresenceStatusChanged (P-ROLE-2, P-STATUS-3)', async () => {
    const { session, hub } = await joined();
    let lists = 0;
    session.events.on('participants', () => (lists += 1));
    hub.handlers.roleChanged({ roomId: 'room', userId: 'u_me', role: 'viewer' });
    hub.handlers.presenceStatusChanged({ roomId: 'room', userId: 'u_mia', status: 'away' });
    hub.handlers.presenceStatusChanged({ roomId: 'room', userId: 'u_mia', status: 'away' });
    expect(session.participants.self?.role).toBe('viewer');
    expect(session.participants.get('u_mia')?.status).toBe('away');
    expect(lists).toBe(2);
  });

  it('passes the read-only switch on (P-MOD-5)', async () => {
    const { session, hub } = await joined();
    const updates: boolean[] = [];
    session.events.on('roomUpdated', (room) => updates.push(room.readOnly === true));
    hub.handlers.roomUpdated({ roomId: 'room', room: { ...session.room!, readOnly: true } });
    expect(updates).toEqual([true]);
    expect(session.room?.readOnly).toBe(true);
  });

  it("ignores another user's removal and stops with a notice naming the moderator on its own (P-MOD-1)", async () => {
    const { session, hub, notices } = await joined();
    hub.handlers.participantRemoved({ roomId: 'room', userId: 'u_other', byUserId: 'u_mia' });
    expect(notices).toEqual([]);
    hub.handlers.participantRemoved({ roomId: 'room', userId: 'u_me', byUserId: 'u_mia', banned: false });
    expect(notices).toEqual([{ kind: 'removed', reason: 'a moderator removed you', fatal: true, by: 'Mia' }]);
    expect(hub.stopped).toBe(1);
    expect(session.status.state).toBe('offline');
  });

  it('stops instead of retrying when a ban is announced or a join is refused as BANNED (P-MOD-2)', async () => {
    const { hub, notices } = await joined();
    hub.handlers.participantRemoved({ roomId: 'room', userId: 'u_me', byUserId: 'u_mia', banned: true });
    expect(notices.map((n) => n.kind)).toEqual(['banned']);

    let later: FakeHub | undefined;
    const session = new RoomSession({ roomId: 'room', clientId: 'c_tab2', storage: null, createHub: (handlers) => (later = new FakeHub(handlers)) });
    const refused: RoomNotice[] = [];
    session.events.on('notice', (n) => refused.push(n));
    later!.joinAnswer = () => Promise.reject(new Error("An unexpected error occurred invoking 'JoinRoom' on the server. HubException: BANNED: you were banned from this room"));
    session.start();
    later!.connect();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refused).toEqual([{ kind: 'banned', reason: 'you were banned from this room', fatal: true }]);
  });

  it('passes on a ban another moderator lifted in this room only (P-MOD-10)', async () => {
    const { session, hub } = await joined();
    const lifted: string[] = [];
    session.events.on('banLifted', (e) => lifted.push(e.userId));
    hub.handlers.banLifted?.({ roomId: 'elsewhere', userId: 'u_x', byUserId: 'u_mia' });
    hub.handlers.banLifted?.({ roomId: 'room', userId: 'u_dee', byUserId: 'u_mia' });
    expect(lifted).toEqual(['u_dee']);
  });

  it('passes on a ban a moderator placed in this room only (P-MOD-11)', async () => {
    const { session, hub } = await joined();
    const placed: string[] = [];
    session.events.on('banPlaced', (e) => placed.push(e.userId));
    hub.handlers.banPlaced?.({ roomId: 'elsewhere', userId: 'u_x', byUserId: 'u_mia' });
    hub.handlers.banPlaced?.({ roomId: 'room', userId: 'u_dee', byUserId: 'u_mia' });
    expect(placed).toEqual(['u_dee']);
  });

  it('drops a deleted user from the participants and tells the panels (P-ACCT-5)', async () => {
    const { session, hub } = await joined();
    const erased: string[] = [];
    const lists: string[][] = [];
    session.events.on('userErased', (e) => erased.push(e.userId));
    session.events.on('participants', (p) => lists.push(p.map((x) => x.userId)));
    hub.handlers.userErased?.({ roomId: 'elsewhere', userId: 'u_mia' });
    expect(erased).toEqual([]);
    hub.handlers.userErased?.({ roomId: 'room', userId: 'u_mia' });
    expect(erased).toEqual(['u_mia']);
    expect(session.participants.list().map((p) => p.userId)).toEqual(['u_me']);
    expect(lists.at(-1)).toEqual(['u_me']);
  });
});
