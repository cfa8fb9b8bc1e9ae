// One room page's live session: joins over the hub, keeps the board in sync (sync/), keeps
// presence apart (store/), and turns pointer strokes into streamed progress and committed ops.
// The UI talks to this and never to the transport.
import {
  CURSOR_SEND_INTERVAL_MS,
  MAX_CURSOR_SELECTION,
  MAX_OPS_PER_PUSH,
  PROTOCOL_VERSION,
  parseProtocolError,
  retryAfterMs,
  type BoardHistorySnapshot,
  type CursorMoved,
  type CursorUpdate,
  type HelpRequest,
  type ModeratedRoomInfo,
  type ParticipantRemoved,
  type PeopleHub,
  type PresenceStatusChanged,
  type RoleChanged,
  type RoomUpdated,
  type ElementOp,
  type HistoryEntry,
  type OpsApplied,
  type Participant,
  type ParticipantJoined,
  type ParticipantLeft,
  type RoomInfo,
  type SprintHub,
  type StrokeProgressed,
  type BanLifted,
  type BanPlaced,
  type UserErased,
} from '../protocol';
import { CursorStore, Throttle } from '../store/cursors';
import { ParticipantsStore } from '../store/participants';
import type { ChatTransport } from '../transport/chatHub';
import { PreviewStore } from '../store/previews';
import { BoardSync, type BoardChange } from '../sync/boardSync';
import { newElementId } from '../sync/ids';
import { PendingQueue, type NewElementOp } from '../sync/pendingQueue';
import type { StorageLike } from '../sync/storage';
import { StrokeStreamer } from '../sync/stroke';
import type { ConnectionStatus } from '../transport/connectionStatus';
import type { RoomHub, RoomHubHandlers } from '../transport/roomHub';
import { Emitter } from './emitter';

/** How often previews are expired and gaps checked. */
export const SESSION_TICK_MS = 1_000;
/** A missing board clock not filled for this long triggers a fresh snapshot (JoinRoom again). */
export const GAP_RESYNC_MS = 5_000;
/** Wait before retrying a push or join the server refused as `RATE_LIMITED` or that failed oddly. */
export const RETRY_DELAY_MS = 1_000;

/** The longest wait a server's retry hint may impose before a refused push or join goes again. */
export const MAX_RETRY_DELAY_MS = 60_000;

/** How long to wait after a refusal: the server's hint when it gave one (P-ERR-5), else {@link RETRY_DELAY_MS}. */
export function retryDelayMs(reason: string): number {
  const hint = retryAfterMs(reason);
  return hint === null ? RETRY_DELAY_MS : Math.min(MAX_RETRY_DELAY_MS, Math.max(1, hint));
}

/** The four states the status indicator shows. */
export type SessionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** Status of the session as the user sees it. */
export interface SessionStatus {
  readonly state: SessionState;
  /** Reconnect try, when `reconnecting`. */
  readonly attempt?: number;
  /** Time until the next try, when `offline` and retrying. */
  readonly retryInMs?: number | null;
}

/** Something the user should be told; `kind` picks the text, `reason` is the server's words. */
export interface RoomNotice {
  readonly kind:
    | 'protocolMismatch'
    | 'roomNotFound'
    | 'opRejected'
    | 'rateLimited'
    /** The server refused a push as `OVERLOADED` (P-ERR-6); the edits stay queued and go again after its hint. */
    | 'serverBusy'
    | 'joinFailed'
    /** A moderator removed this user from the room (P-MOD-1). */
    | 'removed'
    /** A moderator banned this user, or a join was refused as banned (P-MOD-2). */
    | 'banned'
    /** The server closed the connection: this user has the most open connections it allows (P-CONN-1). */
    | 'tooManyConnections';
  readonly reason: string;
  /** The session stopped and cannot go on; the page must be reloaded or left. */
  readonly fatal: boolean;
  /** The moderator's display name, on `removed` and `banned` when it is known. */
  readonly by?: string;
}

/** The live numbers the board exposes (and the browser tests read). */
export interface BoardCounts {
  readonly elements: number;
  readonly previews: number;
  readonly pending: number;
  readonly clock: number;
}

/** The stroke being drawn here, for the interactive layer. */
export interface LocalStroke {
  readonly points: readonly number[];
  readonly strokeColor: string;
  readonly strokeWidth: number;
  readonly type: string;
  readonly opacity: number;
}

/** Options of a stroke drawn with the pen or highlighter. */
export interface StrokeStyle {
  readonly type: 'freehand' | 'highlighter';
  readonly opacity: number;
  readonly zIndex: string;
}

/** The save state the user sees: "saved", "saving N", or "offline, N unsent". */
export type SaveState = { readonly kind: 'saved' } | { readonly kind: 'saving'; readonly count: number } | { readonly kind: 'offline'; readonly count: number };

/** Events of a room session. */
export interface RoomSessionEvents {
  status: SessionStatus;
  room: RoomInfo;
  participants: readonly Participant[];
  /** The visible document changed: redraw the static layer. */
  board: BoardChange;
  /** Previews or the local stroke changed: redraw the interactive layer. */
  overlay: undefined;
  /** A peer's cursor moved (P-LIVE-3). */
  cursor: CursorMoved;
  counts: BoardCounts;
  notice: RoomNotice;
  /** The token was refused: sign in again, then start a new session. */
  unauthorized: undefined;
  /** The raised hands changed, in order (P-HAND-3). */
  helpQueue: readonly HelpRequest[];
  /** The room's moderation settings changed, e.g. read-only (P-MOD-5). */
  roomUpdated: ModeratedRoomInfo;
  /** A moderator lifted a ban; heard by moderators only (P-MOD-10). */
  banLifted: BanLifted;
  /** A moderator placed a ban, also of a user not present; heard by moderators only (P-MOD-11). */
  banPlaced: BanPlaced;
  /** A user of the room deleted their account: show the deleted-user marker in their place (P-ACCT-5). */
  userErased: UserErased;
}

/** Settings and dependencies of a room session. */
export interface RoomSessionOptions {
  readonly roomId: string;
  readonly clientId: string;
  /** Where pending ops survive a reload (localStorage), or null. */
  readonly storage: StorageLike | null;
  readonly createHub: (handlers: RoomHubHandlers) => RoomHub;
  readonly now?: () => number;
}

type JoinReason = 'connected' | 'resync' | 'notInRoom' | 'retry';

/** The live session of one room page. */
export class RoomSession {
  readonly roomId: string;
  readonly clientId: string;
  readonly board: BoardSync;
  readonly participants = new ParticipantsStore();
  readonly previews = new PreviewStore();
  readonly cursors = new CursorStore();
  readonly events = new Emitter<RoomSessionEvents>();

  private readonly hub: RoomHub;
  private readonly now: () => number;
  private transportStatus: ConnectionStatus = { state: 'connecting' };
  private lastAttempt = 1;
  private roomInfo: ModeratedRoomInfo | null = null;
  private hands: readonly HelpRequest[] = [];
  private joined = false;
  private everJoined = false;
  private joinGeneration = 0;
  private fatal = false;
  private disposed = false;
  private pushing = false;
  private batchLimit = MAX_OPS_PER_PUSH;
  private isolateThroughSeq = 0;
  private stroke: StrokeStreamer | null = null;
  private strokeStyle: StrokeStyle | null = null;
  private readonly cursorThrottle = new Throttle<CursorUpdate>(CURSOR_SEND_INTERVAL_MS);
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  /** Set when a resume answer was incomplete: the next join asks for a full snapshot. */
  private forceSnapshot = false;
  private strokeTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private tickTimer: ReturnType<typeof setInterval> | null = null;
  /** Presence events that arrive while a join is in flight, replayed on its participant list. */
  private presenceDuringJoin: (() => boolean)[] | null = null;

  constructor(options: RoomSessionOptions) {
    this.roomId = options.roomId;
    this.clientId = options.clientId;
    this.now = options.now ?? Date.now;
    this.board = new BoardSync(PendingQueue.load(options.storage, this.roomId, this.clientId, { now: this.now }), this.now);
    this.hub = options.createHub({
      status: (status) => this.onTransportStatus(status),
      connected: () => void this.join('connected'),
      unauthorized: () => this.onUnauthorized(),
      tooManyConnections: (reason) => this.stopFatally('tooManyConnections', reason),
      participantJoined: (event) => this.onParticipantJoined(event),
      participantLeft: (event) => this.onParticipantLeft(event),
      opsApplied: (event) => this.onOpsApplied(event),
      strokeProgressed: (event) => this.onStrokeProgressed(event),
      cursorMoved: (event) => this.onCursorMoved(event),
      roleChanged: (event) => this.onRoleChanged(event),
      presenceStatusChanged: (event) => this.onPresenceStatusChanged(event),
      participantRemoved: (event) => this.onParticipantRemoved(event),
      roomUpdated: (event) => this.onRoomUpdated(event),
      banLifted: (event) => {
        if (event.roomId === this.roomId) this.events.emit('banLifted', event);
      },
      banPlaced: (event) => {
        if (event.roomId === this.roomId) this.events.emit('banPlaced', event);
      },
      userErased: (event) => this.onUserErased(event),
      helpQueueChanged: (event) => {
        if (event.roomId !== this.roomId) return;
        this.hands = event.requests;
        this.events.emit('helpQueue', this.hands);
      },
    });
  }

  /** The room, once joined. */
  get room(): ModeratedRoomInfo | null {
    return this.roomInfo;
  }

  /** The status the indicator shows. */
  get status(): SessionStatus {
    if (this.fatal) return { state: 'offline', retryInMs: null };
    const transport = this.transportStatus;
    if (transport.state !== 'live') return transport;
    if (this.joined) return { state: 'live' };
    return this.everJoined ? { state: 'reconnecting', attempt: this.lastAttempt } : { state: 'connecting' };
  }

  /** The numbers the board container exposes. */
  get counts(): BoardCounts {
    return {
      elements: this.board.committedCount,
      previews: this.previews.size,
      pending: this.board.pendingCount,
      clock: this.board.clock,
    };
  }

  /** The stroke being drawn here, if any. */
  get localStroke(): LocalStroke | null {
    const stroke = this.stroke;
    if (stroke === null) return null;
    return { points: stroke.points, strokeColor: stroke.strokeColor, strokeWidth: stroke.strokeWidth, type: this.strokeStyle?.type ?? 'freehand', opacity: this.strokeStyle?.opacity ?? 1 };
  }

  /** "saved", "saving N" or "offline, N unsent". */
  get saveState(): SaveState {
    const count = this.board.pendingCount;
    if (count === 0) return { kind: 'saved' };
    return this.joined ? { kind: 'saving', count } : { kind: 'offline', count };
  }

  /** The room chat over the session's connection (docs/protocol.md, "Chat"), when the hub has one. */
  get chat(): ChatTransport | undefined {
    return this.hub.chat;
  }

  /** Whether the room is joined now (chat calls need it, P-CHAT-6). */
  get isJoined(): boolean {
    return this.joined;
  }

  /** The room connection's sprint calls and callbacks (docs/protocol.md, "Sprints"), when it has them. */
  get sprintHub(): SprintHub | undefined {
    return this.hub.sprint;
  }

  /** The raised hands in order, as of the last join or `HelpQueueChanged` (P-HAND-3). */
  get helpQueue(): readonly HelpRequest[] {
    return this.hands;
  }

  /** People panel calls over the room connection, when the hub has them. */
  get peopleHub(): PeopleHub | undefined {
    return this.hub.people;
  }

  /** The user id of this page's user, once joined. */
  get selfUserId(): string | undefined {
    return this.participants.self?.userId;
  }

  /** Applies local ops at once and queues them for `PushOps` (one undo step is the caller's business). */
  edit(ops: readonly NewElementOp[]): void {
    if (this.disposed || ops.length === 0) return;
    this.board.editAll(ops);
    this.afterBoardChange({ committedIds: [], visible: true });
    this.flush();
  }

  /** The board's history snapshots, newest first (P-HIST-2); fails with the server's refusal. */
  async listHistory(): Promise<readonly HistoryEntry[]> {
    return (await this.hub.listBoardHistory({ roomId: this.roomId })).entries;
  }

  /** One history snapshot with its elements (P-HIST-3). */
  previewHistory(snapshotId: string): Promise<BoardHistorySnapshot> {
    return this.hub.previewBoardHistory({ roomId: this.roomId, snapshotId });
  }

  /** Sends the cursor (volatile, at most 30 per second, the latest winning; P-LIVE-3). */
  moveCursor(update: Omit<CursorUpdate, 'roomId'>): void {
    if (this.disposed || !this.joined) return;
    const full: CursorUpdate = {
      ...update,
      roomId: this.roomId,
      selection: update.selection?.slice(0, MAX_CURSOR_SELECTION),
      clientId: this.clientId,
    };
    const now = this.now();
    const ready = this.cursorThrottle.offer(full, now);
    if (ready !== null) {
      this.hub.moveCursor(ready);
      return;
    }
    if (this.cursorTimer !== null) return;
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null;
      const due = this.cursorThrottle.takeDue(this.now());
      if (due !== null && this.joined) this.hub.moveCursor(due);
    }, Math.ceil(this.cursorThrottle.dueInMs(now) ?? 0));
  }

  /**
   * Hides this tab's cursor at once, past the throttle: the page is going away (closed, reloaded,
   * navigated), so peers stop showing it now instead of after the idle time (P-LIVE-5). Best effort:
   * a message the closing socket cannot send is lost, and the cursor then hides once idle.
   */
  hideCursorNow(update: Omit<CursorUpdate, 'roomId' | 'visible' | 'laser'>): void {
    if (this.disposed || !this.joined) return;
    if (this.cursorTimer !== null) {
      clearTimeout(this.cursorTimer);
      this.cursorTimer = null;
    }
    this.cursorThrottle.drop();
    this.hub.moveCursor({ ...update, roomId: this.roomId, selection: [], visible: false, laser: false, clientId: this.clientId });
  }

  /** Connects and joins; keeps reconnecting and rejoining until disposed. */
  start(): void {
    this.hub.start();
    this.tickTimer = setInterval(() => this.tick(), SESSION_TICK_MS);
    this.emitStatus();
    this.emitCounts();
  }

  /** Leaves the room (by closing the connection) and stops every timer. Pending ops stay stored. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const timer of [this.strokeTimer, this.retryTimer, this.cursorTimer]) if (timer !== null) clearTimeout(timer);
    if (this.tickTimer !== null) clearInterval(this.tickTimer);
    this.strokeTimer = this.retryTimer = this.tickTimer = null;
    this.stroke = null;
    await this.hub.stop();
    this.events.clear();
  }

  /** Starts a pen stroke at a board point. */
  beginStroke(x: number, y: number, strokeColor: string, strokeWidth: number, style?: StrokeStyle, pressure?: number): string | null {
    if (this.disposed) return null;
    this.stroke = new StrokeStreamer({ roomId: this.roomId, strokeId: newElementId(), strokeColor, strokeWidth });
    this.strokeStyle = style ?? null;
    this.stroke.add(x, y, pressure);
    this.sendProgress(false);
    this.events.emit('overlay', undefined);
    return this.stroke.strokeId;
  }

  /** Adds board points (with optional pressure) to the current stroke. */
  extendStroke(points: readonly (readonly [number, number, number?])[]): void {
    const stroke = this.stroke;
    if (stroke === null) return;
    let added = false;
    for (const [x, y, p] of points) added = stroke.add(x, y, p) || added;
    if (!added) return;
    this.sendProgress(false);
    this.events.emit('overlay', undefined);
  }

  /** Lifts the pen: commits the stroke as an element (local at once, pushed after); returns its create op. */
  endStroke(): NewElementOp | null {
    const stroke = this.stroke;
    if (stroke === null) return null;
    const style = this.strokeStyle;
    this.sendProgress(true);
    this.stroke = null;
    if (this.strokeTimer !== null) clearTimeout(this.strokeTimer);
    this.strokeTimer = null;
    const base = stroke.toCreateOp();
    const op: NewElementOp | null =
      base === null || style === null
        ? base
        : { ...base, type: style.type, props: { ...base.props, opacity: style.opacity, zIndex: style.zIndex } };
    if (op !== null) {
      this.board.edit(op);
      this.afterBoardChange({ committedIds: [], visible: true });
    }
    this.events.emit('overlay', undefined);
    this.flush();
    return op;
  }

  /** Abandons the current stroke (pointer cancelled); peers' previews expire (P-LIVE-2). */
  cancelStroke(): void {
    if (this.stroke === null) return;
    this.stroke = null;
    if (this.strokeTimer !== null) clearTimeout(this.strokeTimer);
    this.strokeTimer = null;
    this.events.emit('overlay', undefined);
  }

  private onTransportStatus(status: ConnectionStatus): void {
    if (this.disposed) return;
    this.transportStatus = status;
    if (status.state === 'reconnecting') this.lastAttempt = status.attempt;
    if (status.state !== 'live') {
      this.joined = false;
      // Progress of strokes in flight is lost with the connection; the ops will come with the snapshot.
      this.cursors.clear();
      if (this.previews.size > 0) {
        this.previews.clear();
        this.events.emit('overlay', undefined);
        this.emitCounts();
      }
    }
    this.emitStatus();
  }

  private onUnauthorized(): void {
    if (this.disposed) return;
    this.joined = false;
    this.emitStatus();
    this.events.emit('unauthorized', undefined);
  }

  private async join(reason: JoinReason): Promise<void> {
    if (this.disposed || this.fatal || !this.hub.isConnected) return;
    const generation = ++this.joinGeneration;
    // A resync keeps the session live: pushes go on and their acks wait in the board's buffer.
    if (reason !== 'resync') this.joined = false;
    this.board.beginJoin();
    this.presenceDuringJoin = [];
    this.emitStatus();
    let result;
    try {
      // A client that already holds the board asks only for what it missed (P-JOIN-4).
      const knownClock = this.everJoined && !this.forceSnapshot && reason !== 'resync' ? this.board.clock : undefined;
      result = await this.hub.joinRoom({
        protocolVersion: PROTOCOL_VERSION,
        roomId: this.roomId,
        clientId: this.clientId,
        ...(knownClock !== undefined ? { knownClock } : {}),
      });
    } catch (error) {
      if (this.isCurrentJoin(generation)) {
        this.presenceDuringJoin = null;
        this.onJoinFailed(error);
      }
      return;
    }
    if (!this.isCurrentJoin(generation)) return;
    this.roomInfo = result.room;
    let change: BoardChange;
    // The server omits null members, so "no board" arrives as an absent one (P-JOIN-4).
    if (result.board !== null && result.board !== undefined) {
      this.forceSnapshot = false;
      change = this.board.applySnapshot(result.board, result.self.userId);
    } else if (result.resume !== undefined && result.resume !== null) {
      change = this.board.applyResume(result.resume, result.self.userId);
      if (this.board.clock < result.resume.clock) {
        // The ops did not reach the clock the server named: take a full snapshot instead.
        this.forceSnapshot = true;
        void this.join('resync');
        return;
      }
    } else {
      this.forceSnapshot = true;
      void this.join('resync');
      return;
    }
    this.participants.reset(result.self, result.participants);
    for (const replay of this.takePresenceReplays()) replay();
    this.hands = result.helpQueue ?? [];
    this.joined = true;
    this.everJoined = true;
    this.events.emit('room', result.room);
    this.events.emit('helpQueue', this.hands);
    this.events.emit('participants', this.participants.list());
    this.afterBoardChange(change);
    this.emitStatus();
    this.flush();
  }

  private takePresenceReplays(): (() => boolean)[] {
    const replays = this.presenceDuringJoin ?? [];
    this.presenceDuringJoin = null;
    return replays;
  }

  /** Whether a join that was awaited is still the one that counts (read after an await). */
  private isCurrentJoin(generation: number): boolean {
    return generation === this.joinGeneration && !this.disposed;
  }

  private onJoinFailed(error: unknown): void {
    const refusal = parseProtocolError(error);
    switch (refusal?.code) {
      case 'PROTOCOL_MISMATCH':
        this.stopFatally('protocolMismatch', refusal.reason);
        return;
      case 'ROOM_NOT_FOUND':
      case 'INVALID_REQUEST':
        this.stopFatally('roomNotFound', refusal.reason);
        return;
      case 'UNAUTHENTICATED':
        void this.hub.stop();
        this.onUnauthorized();
        return;
      case 'RATE_LIMITED':
      case 'OVERLOADED':
        this.retryLater(() => void this.join('retry'), retryDelayMs(refusal.reason));
        return;
      case 'BANNED':
        this.stopFatally('banned', refusal.reason);
        return;
      default:
        if (refusal !== null) this.events.emit('notice', { kind: 'joinFailed', reason: refusal.reason, fatal: false });
        // Without a code the connection most likely dropped; its reconnect joins again. If it is
        // still up, the server failed in some other way: try again after a pause.
        if (this.hub.isConnected) this.retryLater(() => void this.join('retry'));
    }
  }

  /** Sends the oldest pending ops (one push in flight at a time, original clientSeq kept). */
  private flush(): void {
    if (this.pushing || !this.joined || this.disposed || this.retryTimer !== null) return;
    const batch = this.board.pendingOps.slice(0, this.batchLimit);
    if (batch.length === 0) return;
    this.pushing = true;
    this.hub.pushOps({ roomId: this.roomId, clientId: this.clientId, ops: batch }).then(
      (result) => {
        this.pushing = false;
        if (this.disposed) return;
        this.endIsolation(batch);
        this.afterBoardChange(this.board.acknowledge(result));
        this.flush();
      },
      (error: unknown) => {
        this.pushing = false;
        if (!this.disposed) this.onPushFailed(error, batch);
      },
    );
  }

  private onPushFailed(error: unknown, batch: readonly ElementOp[]): void {
    const refusal = parseProtocolError(error);
    switch (refusal?.code) {
      case 'INVALID_REQUEST': {
        // A push with one invalid op is refused whole (P-ERR-3): send one op at a time until the
        // bad one is found, drop it, and go on with the rest.
        const last = batch[batch.length - 1];
        const first = batch[0];
        if (batch.length > 1 && last !== undefined) {
          this.batchLimit = 1;
          this.isolateThroughSeq = Math.max(this.isolateThroughSeq, last.clientSeq);
        } else if (first !== undefined) {
          this.afterBoardChange(this.board.reject([first.clientSeq]));
          this.endIsolation(batch);
          this.events.emit('notice', { kind: 'opRejected', reason: refusal.reason, fatal: false });
        }
        this.flush();
        return;
      }
      case 'RATE_LIMITED':
      case 'OVERLOADED':
        // Nothing was applied (P-ERR-3): the batch stays queued, original clientSeqs kept, and goes
        // again once the server's hint has passed (P-ERR-5).
        this.events.emit('notice', { kind: refusal.code === 'OVERLOADED' ? 'serverBusy' : 'rateLimited', reason: refusal.reason, fatal: false });
        this.retryLater(() => this.flush(), retryDelayMs(refusal.reason));
        return;
      case 'NOT_IN_ROOM':
        void this.join('notInRoom');
        return;
      case 'ROOM_NOT_FOUND':
        this.stopFatally('roomNotFound', refusal.reason);
        return;
      case 'PROTOCOL_MISMATCH':
        this.stopFatally('protocolMismatch', refusal.reason);
        return;
      case 'UNAUTHENTICATED':
        void this.hub.stop();
        this.onUnauthorized();
        return;
      default:
        // Connection lost: the ops stay queued and go again after the rejoin. Still connected:
        // an unexpected server failure; try again after a pause.
        if (this.hub.isConnected) this.retryLater(() => this.flush());
    }
  }

  private endIsolation(batch: readonly ElementOp[]): void {
    const last = batch[batch.length - 1];
    if (last !== undefined && last.clientSeq >= this.isolateThroughSeq) this.batchLimit = MAX_OPS_PER_PUSH;
  }

  private retryLater(action: () => void, delayMs: number = RETRY_DELAY_MS): void {
    if (this.retryTimer !== null || this.disposed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      action();
    }, delayMs);
  }

  private stopFatally(kind: RoomNotice['kind'], reason: string, by?: string): void {
    this.fatal = true;
    this.joined = false;
    void this.hub.stop();
    this.events.emit('notice', { kind, reason, fatal: true, ...(by !== undefined ? { by } : {}) });
    this.emitStatus();
  }

  private onParticipantJoined(event: ParticipantJoined): void {
    if (event.roomId !== this.roomId) return;
    this.presence(() => this.participants.join(event.participant));
  }

  private onParticipantLeft(event: ParticipantLeft): void {
    if (event.roomId !== this.roomId) return;
    this.presence(() => this.participants.leave(event.userId));
    if (this.cursors.remove(event.userId)) this.events.emit('overlay', undefined);
    if (this.previews.removeUser(event.userId)) {
      this.events.emit('overlay', undefined);
      this.emitCounts();
    }
  }

  /** The user is gone for good; panels that show their name swap it for the marker (P-ACCT-5). */
  private onUserErased(event: UserErased): void {
    if (event.roomId !== this.roomId) return;
    this.onParticipantLeft({ roomId: event.roomId, userId: event.userId });
    this.events.emit('userErased', event);
  }

  private onRoleChanged(event: RoleChanged): void {
    if (event.roomId !== this.roomId) return;
    this.presence(() => this.participants.update(event.userId, { role: event.role }));
  }

  private onPresenceStatusChanged(event: PresenceStatusChanged): void {
    if (event.roomId !== this.roomId) return;
    this.presence(() => this.participants.update(event.userId, { status: event.status }));
  }

  /** Another user's removal is followed by `ParticipantLeft`; this user's own ends the session (P-MOD-1). */
  private onParticipantRemoved(event: ParticipantRemoved): void {
    if (event.roomId !== this.roomId || event.userId !== this.selfUserId || this.fatal) return;
    const by = this.participants.get(event.byUserId)?.displayName;
    const banned = event.banned === true;
    this.stopFatally(banned ? 'banned' : 'removed', banned ? 'a moderator banned you' : 'a moderator removed you', by);
  }

  private onRoomUpdated(event: RoomUpdated): void {
    if (event.roomId !== this.roomId) return;
    this.roomInfo = event.room;
    this.events.emit('roomUpdated', event.room);
  }

  /** Applies a presence change now, or after the snapshot when a join is in flight (cf. P-JOIN-3). */
  private presence(change: () => boolean): void {
    if (this.presenceDuringJoin !== null) this.presenceDuringJoin.push(change);
    else if (change()) this.events.emit('participants', this.participants.list());
  }

  private onOpsApplied(event: OpsApplied): void {
    if (event.roomId !== this.roomId) return;
    this.afterBoardChange(this.board.receive(event));
  }

  private onStrokeProgressed(event: StrokeProgressed): void {
    if (event.roomId !== this.roomId || !this.joined) return;
    if (this.previews.applyProgress(event, this.now(), (id) => this.board.visible(id) !== undefined)) {
      this.events.emit('overlay', undefined);
      this.emitCounts();
    }
  }

  private onCursorMoved(event: CursorMoved): void {
    if (event.roomId !== this.roomId || !this.joined) return;
    if (this.cursors.apply(event, this.now())) {
      this.events.emit('cursor', event);
      this.events.emit('overlay', undefined);
    }
  }

  private afterBoardChange(change: BoardChange): void {
    if (!change.visible) return;
    // A preview gives way to its element as soon as the element is known (P-LIVE-2).
    let previewsChanged = false;
    for (const preview of [...this.previews.values()]) {
      if (this.board.visible(preview.strokeId) !== undefined) previewsChanged = this.previews.remove(preview.strokeId) || previewsChanged;
    }
    this.events.emit('board', change);
    if (previewsChanged) this.events.emit('overlay', undefined);
    this.emitCounts();
  }

  private sendProgress(force: boolean): void {
    const stroke = this.stroke;
    if (stroke === null || !this.joined) return;
    const now = this.now();
    for (const message of stroke.take(now, force)) this.hub.streamStroke(message);
    const due = stroke.dueInMs(now);
    if (!force && due !== null && this.strokeTimer === null) {
      this.strokeTimer = setTimeout(() => {
        this.strokeTimer = null;
        this.sendProgress(false);
      }, due);
    }
  }

  private tick(): void {
    const now = this.now();
    if (this.previews.expire(now) > 0) {
      this.events.emit('overlay', undefined);
      this.emitCounts();
    }
    const gap = this.board.gapAgeMs(now);
    if (this.joined && !this.board.isJoining && gap !== null && gap >= GAP_RESYNC_MS) {
      console.warn(`StudyRooms: board clock gap after ${this.board.clock} for ${gap} ms; taking a fresh snapshot`);
      void this.join('resync');
    }
  }

  private emitStatus(): void {
    this.events.emit('status', this.status);
  }

  private emitCounts(): void {
    this.events.emit('counts', this.counts);
  }
}
