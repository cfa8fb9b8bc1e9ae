// Archive, restore and delete of a room (docs/protocol.md, "Room lifecycle", P-LIFE-*).
import type { RoomInfo } from './http';

/** The room as the server sends it, with the members the room menu needs (P-LIFE-1, P-LIFE-2). */
export interface RoomLifecycleInfo extends RoomInfo {
  /** The owner's user id: only the owner archives, restores and deletes. */
  readonly ownerId?: string;
  /** Archived: read-only for everyone until the owner restores it (absent means false). */
  readonly archived?: boolean;
}

/** Body of `DELETE /api/rooms/{roomId}`: the room's name, typed by the owner (P-LIFE-3). */
export interface DeleteRoomRequest {
  readonly name: string;
}

/** Server → client: the room was deleted and this connection is out of it (P-LIFE-4). */
export interface RoomDeleted {
  readonly roomId: string;
  readonly name: string;
}

/** Server → client: the room's settings changed, e.g. archived or restored (P-LIFE-2). */
export interface RoomUpdated {
  readonly roomId: string;
  readonly room: RoomLifecycleInfo;
}

/** Room lifecycle callbacks of the room hub. */
export const RoomLifecycleCallbacks = {
  roomDeleted: 'RoomDeleted',
  roomUpdated: 'RoomUpdated',
} as const;

/** The refusal code of every write in an archived room (P-LIFE-2). */
export const ROOM_ARCHIVED = 'ROOM_ARCHIVED';
