// People of a room: presence status, raise hand, roles and moderation (docs/protocol.md,
// "Presence status", "Raise hand", "Roles and moderation"; docs/permissions.md).
import type { RoomInfo } from './http';

/** Client → server method names of the people panel. */
export const PeopleMethods = {
  setPresenceStatus: 'SetPresenceStatus',
  raiseHand: 'RaiseHand',
  takeHand: 'TakeHand',
  resolveHand: 'ResolveHand',
  setRole: 'SetRole',
  removeParticipant: 'RemoveParticipant',
  muteInChat: 'MuteInChat',
  setReadOnly: 'SetReadOnly',
  listBans: 'ListBans',
  unbanUser: 'UnbanUser',
} as const;

/** Server → client callback names of the people panel. */
export const PeopleCallbacks = {
  presenceStatusChanged: 'PresenceStatusChanged',
  roleChanged: 'RoleChanged',
  participantRemoved: 'ParticipantRemoved',
  roomUpdated: 'RoomUpdated',
  helpQueueChanged: 'HelpQueueChanged',
  banLifted: 'BanLifted',
  banPlaced: 'BanPlaced',
  userErased: 'UserErased',
} as const;

/** A role in a room (P-ROLE-1); owner > mentor > member > viewer. */
export type RoomRole = 'viewer' | 'member' | 'mentor' | 'owner';

/** A tab's or a user's presence status (P-STATUS-1). */
export type PresenceStatus = 'active' | 'idle' | 'away';

/** Most present first: a user shows the first of their tabs' statuses in this order (P-STATUS-2). */
export const PRESENCE_ORDER: readonly PresenceStatus[] = ['active', 'idle', 'away'];

/** No input for this long while the tab is visible makes it idle (P-STATUS-1). */
export const IDLE_AFTER_MS = 120_000;

/** Clients send at most one status report per this interval, the latest winning (P-STATUS-1). */
export const STATUS_REPORT_INTERVAL_MS = 2_000;

/** Longest note on a raised hand (P-HAND-2). */
export const HAND_NOTE_MAX_LENGTH = 200;

/** Argument of `SetPresenceStatus` (P-STATUS-1). */
export interface SetPresenceStatusRequest {
  readonly roomId: string;
  readonly status: PresenceStatus;
}

/** Event of `PresenceStatusChanged`: a user's status over all their tabs changed (P-STATUS-3). */
export interface PresenceStatusChanged {
  readonly roomId: string;
  readonly userId: string;
  readonly status: PresenceStatus;
}

/** Event of `RoleChanged` (P-ROLE-2). */
export interface RoleChanged {
  readonly roomId: string;
  readonly userId: string;
  readonly role: RoomRole;
}

/** Event of `ParticipantRemoved` (P-MOD-1, P-MOD-2); the removed user's tabs receive it too. */
export interface ParticipantRemoved {
  readonly roomId: string;
  readonly userId: string;
  readonly byUserId: string;
  readonly banned?: boolean;
}

/** Event of `BanLifted`: a moderator lifted a ban; only mentors' and the owner's connections receive it (P-MOD-10). */
export interface BanLifted {
  readonly roomId: string;
  readonly userId: string;
  readonly byUserId: string;
}

/** Event of `BanPlaced`: a moderator banned a user, present or not; only mentors' and the owner's connections receive it (P-MOD-11). */
export interface BanPlaced {
  readonly roomId: string;
  readonly userId: string;
  readonly byUserId: string;
}

/** Event of `UserErased`: a user deleted their account and the room no longer names them (P-ACCT-5). */
export interface UserErased {
  readonly roomId: string;
  readonly userId: string;
}

/** The room as `RoomUpdated` sends it: `RoomInfo` plus the moderation settings (P-MOD-5). */
export interface ModeratedRoomInfo extends RoomInfo {
  readonly readOnly?: boolean;
  readonly ownerId?: string;
  /** Archived: read-only for everyone until the owner restores it (absent means false; P-LIFE-2). */
  readonly archived?: boolean;
}

/** Event of `RoomUpdated` (P-MOD-5). */
export interface RoomUpdated {
  readonly roomId: string;
  readonly room: ModeratedRoomInfo;
}

/** One entry of `ListBans` (P-MOD-9): the name the user had when banned, empty when unknown. */
export interface BannedUser {
  readonly userId: string;
  readonly displayName?: string;
  readonly bannedAt?: string;
}

/** A raised hand (P-HAND-1); `takenById` is the mentor helping now. */
export interface HelpRequest {
  readonly userId: string;
  readonly displayName: string;
  readonly note?: string;
  readonly raisedAt: string;
  readonly takenById?: string | null;
  readonly takenByName?: string | null;
}

/** Event of `HelpQueueChanged`: the whole queue in order (P-HAND-3). */
export interface HelpQueueChanged {
  readonly roomId: string;
  readonly requests: readonly HelpRequest[];
}

/** The people panel's calls over the room connection; reliable calls answer or reject with "CODE: reason". */
export interface PeopleHub {
  /** Whether calls can be made now. */
  isConnected(): boolean;
  /** Calls one of `PeopleMethods`. */
  invoke(method: string, request: object): Promise<unknown>;
}
