// Archive, restore and delete of a room (docs/protocol.md, "Room lifecycle", P-LIFE-*).
import type { ModeratedRoomInfo } from './people';

/**
 * The room as the server sends it, with the members the room menu needs (P-LIFE-1, P-LIFE-2):
 * `ownerId` (only the owner archives, restores and deletes) and `archived`.
 */
export type RoomLifecycleInfo = ModeratedRoomInfo;

/** Body of `DELETE /api/rooms/{roomId}`: the room's name, typed by the owner (P-LIFE-3). */
export interface DeleteRoomRequest {
  readonly name: string;
}

/** Server → client: the room was deleted and this connection is out of it (P-LIFE-4). */
export interface RoomDeleted {
  readonly roomId: string;
  readonly name: string;
}

/** Room lifecycle callbacks of the room hub. */
export const RoomLifecycleCallbacks = {
  roomDeleted: 'RoomDeleted',
  roomUpdated: 'RoomUpdated',
} as const;

/** The refusal code of every write in an archived room (P-LIFE-2). */
export const ROOM_ARCHIVED = 'ROOM_ARCHIVED';
