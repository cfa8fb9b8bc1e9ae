// The HTTP part of the protocol: sessions and rooms, errors as problem details (P-ERR-2).
import type {
  DeleteMeRequest,
  AcceptInviteResult,
  DirectoryPage,
  DirectoryQuery,
  MyRoomsResult,
  CreateAccountRequest,
  PasswordSignInRequest,
  CreateRoomRequest,
  CreateSessionRequest,
  ProblemDetails,
  LeaderboardPeriod,
  RoomInfo,
  RoomLeaderboard,
  SessionResult,
  UserStats,
} from '../protocol';

/** A refused or failed HTTP call; `code` from the problem details when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly detail: string,
  ) {
    super(code ? `${code}: ${detail}` : detail);
    this.name = 'ApiError';
  }
}

/** `POST /api/sessions`. */
export function createSession(request: CreateSessionRequest): Promise<SessionResult> {
  return send<SessionResult>('POST', '/api/sessions', null, request);
}

/** `POST /api/sessions/refresh`: a fresh token for the holder of a still-valid one (P-AUTH-3). */
export function refreshSession(token: string): Promise<SessionResult> {
  return send<SessionResult>('POST', '/api/sessions/refresh', token, undefined);
}

/** `POST /api/accounts`; with a guest's token the account keeps that guest's user id (P-ACCT-1). */
export function createAccount(token: string | null, request: CreateAccountRequest): Promise<SessionResult> {
  return send<SessionResult>('POST', '/api/accounts', token, request);
}

/** `POST /api/sessions/password` (P-ACCT-2). */
export function signInWithPassword(request: PasswordSignInRequest): Promise<SessionResult> {
  return send<SessionResult>('POST', '/api/sessions/password', null, request);
}

/** `POST /api/rooms`. */
export function createRoom(token: string, request: CreateRoomRequest): Promise<RoomInfo> {
  return send<RoomInfo>('POST', '/api/rooms', token, request);
}

/** `GET /api/rooms/{roomId}`. */
export function getRoom(token: string, roomId: string): Promise<RoomInfo> {
  return send<RoomInfo>('GET', `/api/rooms/${encodeURIComponent(roomId)}`, token, undefined);
}

/** `GET /api/me/stats?tz=…`: the caller's own stats, days local to `timeZone` (P-STATS-1). */
export function getMyStats(token: string, timeZone: string): Promise<UserStats> {
  return send<UserStats>('GET', `/api/me/stats?tz=${encodeURIComponent(timeZone)}`, token, undefined);
}

/** `GET /api/rooms/{roomId}/leaderboard?period=…` (P-STATS-3). */
export function getLeaderboard(token: string, roomId: string, period: LeaderboardPeriod): Promise<RoomLeaderboard> {
  return send<RoomLeaderboard>('GET', `/api/rooms/${encodeURIComponent(roomId)}/leaderboard?period=${period}`, token, undefined);
}

/** `GET /api/me/rooms`: rooms the caller created or entered, most recent first (P-LOBBY-1). */
export function getMyRooms(token: string): Promise<MyRoomsResult> {
  return send<MyRoomsResult>('GET', '/api/me/rooms', token, undefined);
}

/** `DELETE /api/me/rooms/{roomId}`: takes a room off the caller's list (P-LOBBY-2). */
export async function forgetMyRoom(token: string, roomId: string): Promise<void> {
  await send<unknown>('DELETE', `/api/me/rooms/${encodeURIComponent(roomId)}`, token, undefined);
}

/** `DELETE /api/me`: deletes the caller; resolves once their data is erased (P-ACCT-4). */
export async function deleteMe(token: string, request: DeleteMeRequest): Promise<void> {
  await send<unknown>('DELETE', '/api/me', token, request);
}

/** `GET /api/directory` (P-DIR-1, P-DIR-2). */
export function getDirectory(token: string, query: DirectoryQuery): Promise<DirectoryPage> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.tag) params.set('tag', query.tag);
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.toString();
  return send<DirectoryPage>('GET', `/api/directory${search ? `?${search}` : ''}`, token, undefined);
}

/** `POST /api/invites/{code}/accept` (P-INV-2). */
export function acceptInvite(token: string, code: string): Promise<AcceptInviteResult> {
  return send<AcceptInviteResult>('POST', `/api/invites/${encodeURIComponent(code)}/accept`, token, undefined);
}

async function send<T>(method: string, path: string, token: string | null, body: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await toApiError(response);
  // 204 No Content has no body to read.
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = {};
  try {
    const value: unknown = await response.json();
    if (typeof value === 'object' && value !== null) problem = value;
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to the status text.
  }
  return new ApiError(
    response.status,
    typeof problem.code === 'string' ? problem.code : null,
    problem.detail ?? problem.title ?? (response.statusText || `HTTP ${response.status}`),
  );
}
