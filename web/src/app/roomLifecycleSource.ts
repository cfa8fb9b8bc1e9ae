// Where the room menu sends the owner's archive, restore and delete: the HTTP API with the signed-in
// user's token. The menu sees only this interface, never the transport.
import type { RoomLifecycleInfo } from '../protocol';
import { ApiError } from '../transport/httpApi';
import { deleteRoom, setRoomArchived } from '../transport/roomLifecycleApi';
import type { AuthSession } from './authSession';
import { RequestFailure } from './services';

/** The owner's lifecycle calls for one room; failures arrive as `RequestFailure`. */
export interface RoomLifecycleSource {
  selfId(): string | null;
  setArchived(archived: boolean): Promise<RoomLifecycleInfo>;
  delete(typedName: string): Promise<void>;
}

/** A lifecycle source over the HTTP API. */
export function createRoomLifecycleSource(session: () => AuthSession | null, roomId: string): RoomLifecycleSource {
  const token = (): string => {
    const current = session();
    if (current === null) throw new RequestFailure(401, 'UNAUTHENTICATED', 'Not signed in.');
    return current.token;
  };
  return {
    selfId: () => session()?.userId ?? null,
    setArchived: (archived) => wrap(() => setRoomArchived(token(), roomId, archived)),
    delete: (typedName) => wrap(() => deleteRoom(token(), roomId, { name: typedName })),
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
