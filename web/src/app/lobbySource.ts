// What the lobby asks of the server: "Your rooms", the directory, invites, room look-ups and
// creating rooms. The lobby screens see only this interface, never the transport.
import type { AcceptInviteResult, CreateRoomRequest, DirectoryPage, DirectoryQuery, MyRoom, RoomInfo } from '../protocol';
import { ApiError, acceptInvite, createRoom, forgetMyRoom, getDirectory, getMyRooms, getRoom } from '../transport/httpApi';
import type { AuthSession } from './authSession';
import { RequestFailure } from './services';

/** The lobby's server calls; failures arrive as `RequestFailure`. */
export interface LobbySource {
  /** Rooms the user created or entered, most recent first (P-LOBBY-1). */
  myRooms(): Promise<readonly MyRoom[]>;
  /** Takes a room off the user's list (P-LOBBY-2). */
  forget(roomId: string): Promise<void>;
  directory(query: DirectoryQuery): Promise<DirectoryPage>;
  /** Accepts an invite; answers the room to open (P-INV-2). */
  acceptInvite(code: string): Promise<AcceptInviteResult>;
  /** The room, if the user may see it (404 ROOM_NOT_FOUND otherwise, P-INV-4). */
  findRoom(roomId: string): Promise<RoomInfo>;
  createRoom(request: CreateRoomRequest): Promise<RoomInfo>;
}

/** A lobby source over the HTTP API with the signed-in user's token. */
export function createLobbySource(session: () => AuthSession | null): LobbySource {
  const token = (): string => {
    const current = session();
    if (current === null) throw new RequestFailure(401, 'UNAUTHENTICATED', 'Not signed in.');
    return current.token;
  };
  return {
    myRooms: async () => (await wrap(() => getMyRooms(token()))).rooms,
    forget: (roomId) => wrap(() => forgetMyRoom(token(), roomId)),
    directory: (query) => wrap(() => getDirectory(token(), query)),
    acceptInvite: (code) => wrap(() => acceptInvite(token(), code)),
    findRoom: (roomId) => wrap(() => getRoom(token(), roomId)),
    createRoom: (request) => wrap(() => createRoom(token(), request)),
  };
}

async function wrap<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw new RequestFailure(error.status, error.code, error.detail);
    throw error;
  }
}
