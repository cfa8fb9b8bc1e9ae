// The one SignalR connection of a room page: automatic reconnect, bearer token, status events, and
// typed wrappers around the hub methods and callbacks of docs/protocol.md.
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type RetryContext,
} from '@microsoft/signalr';
import {
  ClientCallbacks,
  HistoryHubMethods,
  HubMethods,
  type BoardHistorySnapshot,
  type CursorMoved,
  type CursorsMoved,
  type CursorUpdate,
  type JoinRoomRequest,
  type JoinRoomResult,
  type LeaveRoomRequest,
  type ListBoardHistoryRequest,
  type ListBoardHistoryResult,
  type PreviewBoardHistoryRequest,
  type OpsApplied,
  type OpsAppliedBatch,
  type ParticipantJoined,
  type ParticipantLeft,
  PeopleCallbacks,
  type HelpQueueChanged,
  type ParticipantRemoved,
  type PeopleHub,
  type PresenceStatusChanged,
  type RoleChanged,
  type RoomUpdated,
  type PushOpsRequest,
  type PushOpsResult,
  type SprintHub,
  type StrokeProgress,
  type StrokeProgressed,
  type BanLifted,
  type BanPlaced,
  type UserErased,
} from '../protocol';
import { peerCursorsOfFrame } from '../store/cursorFrame';
import { unbatchOpsApplied } from '../sync/opsAppliedBatch';
import { ChatConnection } from './chatConnection';
import type { ChatTransport } from './chatHub';
import { isUnauthorizedError, reconnectDelayMs, tooManyConnectionsReason } from './connectionStatus';
import type { RoomHub, RoomHubHandlers } from './roomHub';

/** Settings of a room connection. */
export interface RoomConnectionOptions {
  readonly hubUrl: string;
  /** Current bearer token; called for every (re)connect. */
  readonly accessTokenFactory: () => string | Promise<string>;
  readonly handlers: RoomHubHandlers;
  /** The signed-in user, whose own entries of a cursor frame (P-LIVE-5) are skipped. */
  readonly selfUserId?: () => string | undefined;
  /** This tab's client id (P-JOIN-1): a frame's entry of it is this tab's own; other tabs' are shown. */
  readonly selfClientId?: string;
  readonly logLevel?: LogLevel;
}

/** A hub connection that keeps itself up until stopped. */
export class RoomConnection implements RoomHub {
  private readonly connection: HubConnection;
  private readonly handlers: RoomHubHandlers;
  /** The room chat over this same connection. */
  readonly chat: ChatTransport;
  private stopped = false;
  private startAttempt = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onBrowserOnline = (): void => {
    if (this.restartTimer !== null) this.restartNow();
  };

  constructor(options: RoomConnectionOptions) {
    this.handlers = options.handlers;
    this.connection = new HubConnectionBuilder()
      .withUrl(options.hubUrl, { accessTokenFactory: options.accessTokenFactory })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context: RetryContext) => {
          if (this.stopped || isUnauthorizedError(context.retryReason)) return null;
          const attempt = context.previousRetryCount + 1;
          this.handlers.status({ state: 'reconnecting', attempt });
          return reconnectDelayMs(attempt);
        },
      })
      .configureLogging(options.logLevel ?? LogLevel.Warning)
      .build();

    const c = this.connection;
    this.chat = new ChatConnection(c);
    c.on(ClientCallbacks.participantJoined, (e: ParticipantJoined) => this.handlers.participantJoined(e));
    c.on(ClientCallbacks.participantLeft, (e: ParticipantLeft) => this.handlers.participantLeft(e));
    c.on(ClientCallbacks.opsApplied, (e: OpsApplied) => this.handlers.opsApplied(e));
    c.on(ClientCallbacks.opsAppliedBatch, (e: OpsAppliedBatch) => {
      for (const applied of unbatchOpsApplied(e)) this.handlers.opsApplied(applied);
    });
    c.on(ClientCallbacks.strokeProgressed, (e: StrokeProgressed) => this.handlers.strokeProgressed(e));
    c.on(ClientCallbacks.cursorMoved, (e: CursorMoved) => this.handlers.cursorMoved(e));
    c.on(ClientCallbacks.cursorsMoved, (e: CursorsMoved) => {
      for (const cursor of peerCursorsOfFrame(e, options.selfUserId?.(), options.selfClientId)) this.handlers.cursorMoved(cursor);
    });
    c.on(PeopleCallbacks.roleChanged, (e: RoleChanged) => this.handlers.roleChanged(e));
    c.on(PeopleCallbacks.presenceStatusChanged, (e: PresenceStatusChanged) => this.handlers.presenceStatusChanged(e));
    c.on(PeopleCallbacks.participantRemoved, (e: ParticipantRemoved) => this.handlers.participantRemoved(e));
    c.on(PeopleCallbacks.roomUpdated, (e: RoomUpdated) => this.handlers.roomUpdated(e));
    c.on(PeopleCallbacks.helpQueueChanged, (e: HelpQueueChanged) => this.handlers.helpQueueChanged(e));
    c.on(PeopleCallbacks.banLifted, (e: BanLifted) => this.handlers.banLifted?.(e));
    c.on(PeopleCallbacks.banPlaced, (e: BanPlaced) => this.handlers.banPlaced?.(e));
    c.on(PeopleCallbacks.userErased, (e: UserErased) => this.handlers.userErased?.(e));
    c.onreconnecting(() => this.handlers.status({ state: 'reconnecting', attempt: 1 }));
    c.onreconnected(() => {
      this.handlers.status({ state: 'live' });
      this.handlers.connected();
    });
    c.onclose((error) => {
      if (this.stopped) return;
      if (isUnauthorizedError(error)) {
        this.stopped = true;
        this.handlers.status({ state: 'offline', retryInMs: null });
        this.handlers.unauthorized();
        return;
      }
      // Closed for holding too many connections (P-CONN-1): reconnecting would be closed again.
      const tooMany = tooManyConnectionsReason(error);
      if (tooMany !== null) {
        this.stopForTooManyConnections(tooMany);
        return;
      }
      this.scheduleRestart();
    });
  }

  /** Study sprint calls and callbacks over this same connection (docs/protocol.md, "Sprints"). */
  readonly sprint: SprintHub = {
    isConnected: () => this.connection.state === HubConnectionState.Connected,
    invoke: (method: string, request: object) => this.connection.invoke<unknown>(method, request),
    on: (callback: string, handler: (event: never) => void) => {
      const listener = handler as (...args: unknown[]) => void;
      this.connection.on(callback, listener);
      return () => this.connection.off(callback, listener);
    },
  };

  /** People panel calls over this same connection (status, raise hand, moderation). */
  readonly people: PeopleHub = {
    isConnected: () => this.connection.state === HubConnectionState.Connected,
    invoke: (method: string, request: object) => this.connection.invoke<unknown>(method, request),
  };

  /** Whether hub calls can be made now. */
  get isConnected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  /** Starts the connection, retrying with back-off until it is up or stopped. */
  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.onBrowserOnline);
    void this.tryStart();
  }

  /** Closes the connection for good (closing leaves every room, protocol "LeaveRoom"). */
  async stop(): Promise<void> {
    this.stopped = true;
    window.removeEventListener('online', this.onBrowserOnline);
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.handlers.status({ state: 'offline', retryInMs: null });
    await this.connection.stop();
  }

  /** `JoinRoom` (reliable). */
  joinRoom(request: JoinRoomRequest): Promise<JoinRoomResult> {
    return this.connection.invoke<JoinRoomResult>(HubMethods.joinRoom, request);
  }

  /** `LeaveRoom` (reliable). */
  async leaveRoom(request: LeaveRoomRequest): Promise<void> {
    await this.connection.invoke(HubMethods.leaveRoom, request);
  }

  /** `PushOps` (reliable, acknowledged). */
  pushOps(request: PushOpsRequest): Promise<PushOpsResult> {
    return this.connection.invoke<PushOpsResult>(HubMethods.pushOps, request);
  }

  /** `ListBoardHistory` (P-HIST-2). */
  listBoardHistory(request: ListBoardHistoryRequest): Promise<ListBoardHistoryResult> {
    return this.connection.invoke<ListBoardHistoryResult>(HistoryHubMethods.listBoardHistory, request);
  }

  /** `PreviewBoardHistory` (P-HIST-3). */
  previewBoardHistory(request: PreviewBoardHistoryRequest): Promise<BoardHistorySnapshot> {
    return this.connection.invoke<BoardHistorySnapshot>(HistoryHubMethods.previewBoardHistory, request);
  }

  /** `StreamStroke` (volatile: fire and forget; dropped while not connected). */
  streamStroke(progress: StrokeProgress): void {
    if (!this.isConnected) return;
    this.connection.send(HubMethods.streamStroke, progress).catch((error: unknown) => {
      // Volatile traffic: a lost progress message only makes a peer's preview coarser.
      console.debug('StudyRooms: stroke progress not sent', error);
    });
  }

  /** `MoveCursor` (volatile: fire and forget; dropped while not connected). */
  moveCursor(update: CursorUpdate): void {
    if (!this.isConnected) return;
    this.connection.send(HubMethods.moveCursor, update).catch((error: unknown) => {
      // Volatile traffic: the next cursor update supersedes a lost one.
      console.debug('StudyRooms: cursor not sent', error);
    });
  }

  private async tryStart(): Promise<void> {
    if (this.stopped) return;
    this.startAttempt += 1;
    this.handlers.status(this.startAttempt === 1 ? { state: 'connecting' } : { state: 'reconnecting', attempt: this.startAttempt - 1 });
    try {
      await this.connection.start();
    } catch (error) {
      if (this.isStopped()) return;
      if (isUnauthorizedError(error)) {
        this.stopped = true;
        this.handlers.status({ state: 'offline', retryInMs: null });
        this.handlers.unauthorized();
        return;
      }
      // Negotiate answered 429 TOO_MANY_CONNECTIONS (P-CONN-1): retrying would be refused again.
      const tooMany = tooManyConnectionsReason(error);
      if (tooMany !== null) {
        this.stopForTooManyConnections(tooMany);
        return;
      }
      console.warn('StudyRooms: could not connect', error);
      this.scheduleRestart();
      return;
    }
    if (this.isStopped()) {
      await this.connection.stop();
      return;
    }
    this.startAttempt = 0;
    this.handlers.status({ state: 'live' });
    this.handlers.connected();
  }

  private stopForTooManyConnections(reason: string): void {
    this.stopped = true;
    window.removeEventListener('online', this.onBrowserOnline);
    this.handlers.status({ state: 'offline', retryInMs: null });
    this.handlers.tooManyConnections?.(reason);
  }

  /** Read after an await, when `stop()` may have run meanwhile. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private scheduleRestart(): void {
    if (this.stopped || this.restartTimer !== null) return;
    const delay = reconnectDelayMs(Math.max(this.startAttempt, 1) + 1);
    this.handlers.status({ state: 'offline', retryInMs: delay });
    this.restartTimer = setTimeout(() => this.restartNow(), delay);
  }

  private restartNow(): void {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    if (this.connection.state === HubConnectionState.Disconnected) void this.tryStart();
  }
}
