// Hub methods, callbacks and their payloads (docs/protocol.md, "Hub").
import type { BoardSnapshot, CommittedOp, ElementOp } from './elements';
import type { RoomInfo } from './http';
import type { HelpRequest, PresenceStatus, RoomRole } from './people';

/** Path of the room hub. */
export const ROOM_HUB_PATH = '/hubs/room';

/** Client → server hub method names. */
export const HubMethods = {
  joinRoom: 'JoinRoom',
  leaveRoom: 'LeaveRoom',
  pushOps: 'PushOps',
  streamStroke: 'StreamStroke',
  moveCursor: 'MoveCursor',
} as const;

/** Server → client callback names. */
export const ClientCallbacks = {
  participantJoined: 'ParticipantJoined',
  participantLeft: 'ParticipantLeft',
  opsApplied: 'OpsApplied',
  opsAppliedBatch: 'OpsAppliedBatch',
  strokeProgressed: 'StrokeProgressed',
  cursorMoved: 'CursorMoved',
  cursorsMoved: 'CursorsMoved',
} as const;

/** A room member as presence reports it. */
export interface Participant {
  readonly userId: string;
  readonly displayName: string;
  /** `#rrggbb` colour the server assigned to the user. */
  readonly color: string;
  /** The user's role in the room (P-ROLE-1); absent from older servers. */
  readonly role?: RoomRole;
  /** The most present status of the user's tabs (P-STATUS-2); absent from older servers. */
  readonly status?: PresenceStatus;
}

/** Argument of `JoinRoom`. */
export interface JoinRoomRequest {
  readonly protocolVersion: number;
  readonly roomId: string;
  /** One tab's client id, kept across reconnects of that tab (P-JOIN-1). */
  readonly clientId: string;
  /** Board clock the client already holds, on a reconnect (P-JOIN-4). */
  readonly knownClock?: number;
}

/** The ops a rejoining client missed (P-JOIN-4). */
export interface BoardResume {
  /** Board clock after the ops. */
  readonly clock: number;
  readonly ops: readonly CommittedOp[];
}

/** Answer of `JoinRoom`. */
export interface JoinRoomResult {
  readonly room: RoomInfo;
  readonly self: Participant;
  readonly participants: readonly Participant[];
  /**
   * Full snapshot; absent (the server omits null members) or null when `resume` is given (P-JOIN-4).
   */
  readonly board?: BoardSnapshot | null;
  /** Only when `knownClock` was sent and the server's op log covers it (P-JOIN-4). */
  readonly resume?: BoardResume | null;
  /** The room's raised hands in order (P-HAND-3). */
  readonly helpQueue?: readonly HelpRequest[];
}

/** Argument of `LeaveRoom`. */
export interface LeaveRoomRequest {
  readonly roomId: string;
}

/** Argument of `PushOps` (1–200 ops, P-OPS-4). */
export interface PushOpsRequest {
  readonly roomId: string;
  readonly clientId: string;
  readonly ops: readonly ElementOp[];
}

/** One op's acknowledgement; `clock: 0` marks a resend the server had already applied (P-OPS-3). */
export interface OpAck {
  readonly clientSeq: number;
  readonly clock: number;
}

/** Answer of `PushOps`. */
export interface PushOpsResult {
  /** Board clock after the push. */
  readonly clock: number;
  readonly acks: readonly OpAck[];
}

/** Argument of `StreamStroke`: in-progress points, absolute coordinates (P-LIVE-1). */
export interface StrokeProgress {
  readonly roomId: string;
  readonly strokeId: string;
  /** Index into the flat point array of the stroke where `points` go. */
  readonly startIndex: number;
  readonly points: readonly number[];
  readonly strokeColor: string;
  readonly strokeWidth: number;
}

/** Event of `ParticipantJoined` (P-PRES-1). */
export interface ParticipantJoined {
  readonly roomId: string;
  readonly participant: Participant;
}

/** Event of `ParticipantLeft` (P-PRES-1). */
export interface ParticipantLeft {
  readonly roomId: string;
  readonly userId: string;
}

/** Event of `OpsApplied`: ops in clock order, sent to all but the pushing connection (P-OPS-7). */
export interface OpsApplied {
  readonly roomId: string;
  readonly authorId: string;
  readonly clientId: string;
  readonly ops: readonly CommittedOp[];
}

/** Event of `OpsAppliedBatch`: a room's `OpsApplied` of one server frame, in clock order (P-OPS-8). */
export interface OpsAppliedBatch {
  readonly roomId: string;
  readonly events: readonly OpsApplied[];
}

/** Event of `StrokeProgressed`: a peer's in-progress stroke, relayed and never stored (P-LIVE-1). */
export interface StrokeProgressed {
  readonly roomId: string;
  readonly userId: string;
  readonly strokeId: string;
  readonly startIndex: number;
  readonly points: readonly number[];
  readonly strokeColor: string;
  readonly strokeWidth: number;
}

/** A board rectangle in view (board coordinates). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Argument of `MoveCursor`: volatile, at most 30 per second (P-LIVE-3). */
export interface CursorUpdate {
  readonly roomId: string;
  readonly x: number;
  readonly y: number;
  readonly visible: boolean;
  readonly laser: boolean;
  readonly selection?: readonly string[];
  readonly viewport?: Viewport;
  /** This tab's client id (P-JOIN-1), echoed in the relayed cursor so the tab can tell its own entry of a frame (P-LIVE-5). */
  readonly clientId?: string;
}

/** Event of `CursorMoved`: a peer's cursor, relayed and never stored (P-LIVE-3). */
export interface CursorMoved {
  readonly roomId: string;
  readonly userId: string;
  readonly x: number;
  readonly y: number;
  readonly visible: boolean;
  readonly laser: boolean;
  readonly selection?: readonly string[] | null;
  readonly viewport?: Viewport | null;
  /** The sending tab's client id, when it sent one (P-LIVE-5). */
  readonly clientId?: string | null;
}

/** Event of `CursorsMoved`: each tab's latest cursor of one server frame, own entries included (P-LIVE-5). */
export interface CursorsMoved {
  readonly roomId: string;
  readonly cursors: readonly CursorMoved[];
}
