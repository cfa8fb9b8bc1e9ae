// The owner's room lifecycle calls over HTTP (docs/protocol.md, "Room lifecycle").
import type { DeleteRoomRequest, ProblemDetails, RoomLifecycleInfo } from '../protocol';
import { ApiError } from './httpApi';

/** `POST /api/rooms/{roomId}/archive` or `/restore`; answers the room as it is now (P-LIFE-1). */
export async function setRoomArchived(token: string, roomId: string, archived: boolean): Promise<RoomLifecycleInfo> {
  const response = await call('POST', `/api/rooms/${encodeURIComponent(roomId)}/${archived ? 'archive' : 'restore'}`, token, undefined);
  return (await response.json()) as RoomLifecycleInfo;
}

/** `DELETE /api/rooms/{roomId}` with the typed name; resolves once the room's data is erased (P-LIFE-3, P-LIFE-4). */
export async function deleteRoom(token: string, roomId: string, request: DeleteRoomRequest): Promise<void> {
  await call('DELETE', `/api/rooms/${encodeURIComponent(roomId)}`, token, request);
}

async function call(method: string, path: string, token: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    let problem: ProblemDetails = {};
    try {
      const value: unknown = await response.json();
      if (typeof value === 'object' && value !== null) problem = value;
    } catch {
      // Not JSON: the status text says enough.
    }
    throw new ApiError(response.status, typeof problem.code === 'string' ? problem.code : null, problem.detail ?? problem.title ?? `HTTP ${response.status}`);
  }
  return response;
}
