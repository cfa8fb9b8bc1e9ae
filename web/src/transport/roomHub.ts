import type {
  BanLifted,
  BanPlaced,
  BoardHistorySnapshot,
  CursorMoved,
  CursorUpdate,
  JoinRoomRequest,
  JoinRoomResult,
  ListBoardHistoryRequest,
  ListBoardHistoryResult,
  OpsApplied,
  ParticipantJoined,
  ParticipantLeft,
  ParticipantRemoved,
  PeopleHub,
  PresenceStatusChanged,
  HelpQueueChanged,
  RoleChanged,
  RoomUpdated,
  PushOpsRequest,
  PreviewBoardHistoryRequest,
  PushOpsResult,
  SprintHub,
  StrokeProgress,
  StrokeProgressed,
  UserErased,
} from '../protocol';
import type { ChatTransport } from './chatHub';
import type { ConnectionStatus } from './connectionStatus';

/** What the owner of a room connection hears from it. */
export interface RoomHubHandlers {
  /** The visible state changed. */
  status(status: ConnectionStatus): void;
  /** A new underlying connection is up (first start or after a reconnect): join the room again. */
  connected(): void;
  /** The server refused the token; the connection has stopped. */
  unauthorized(): void;
  /** The server closed the connection: this user holds the most it allows (P-CONN-1); the connection has stopped. */
  tooManyConnections?(reason: string): void;
  participantJoined(event: ParticipantJoined): void;
  participantLeft(event: ParticipantLeft): void;
  opsApplied(event: OpsApplied): void;
  strokeProgressed(event: StrokeProgressed): void;
  cursorMoved(event: CursorMoved): void;
  roleChanged(event: RoleChanged): void;
  presenceStatusChanged(event: PresenceStatusChanged): void;
  participantRemoved(event: ParticipantRemoved): void;
  roomUpdated(event: RoomUpdated): void;
  helpQueueChanged(event: HelpQueueChanged): void;
  /** A moderator lifted a ban; moderators' connections only (P-MOD-10). */
  banLifted?(event: BanLifted): void;
  /** A moderator placed a ban; moderators' connections only (P-MOD-11). */
  banPlaced?(event: BanPlaced): void;
  /** A user deleted their account (P-ACCT-5). */
  userErased?(event: UserErased): void;
}

/** The room hub as the session uses it; `RoomConnection` is the real one, tests pass a fake. */
export interface RoomHub {
  readonly isConnected: boolean;
  start(): void;
  stop(): Promise<void>;
  joinRoom(request: JoinRoomRequest): Promise<JoinRoomResult>;
  pushOps(request: PushOpsRequest): Promise<PushOpsResult>;
  streamStroke(progress: StrokeProgress): void;
  moveCursor(update: CursorUpdate): void;
  /** The room chat over the same connection; absent in fakes that do not chat. */
  readonly chat?: ChatTransport;
  listBoardHistory(request: ListBoardHistoryRequest): Promise<ListBoardHistoryResult>;
  previewBoardHistory(request: PreviewBoardHistoryRequest): Promise<BoardHistorySnapshot>;
  /** Study sprint calls and callbacks (docs/protocol.md, "Sprints"); absent in board-only fakes. */
  readonly sprint?: SprintHub;
  /** People panel calls: status, raise hand, moderation; absent in board-only fakes. */
  readonly people?: PeopleHub;
}
