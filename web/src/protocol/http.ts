// HTTP API shapes (docs/protocol.md, "HTTP API").

/** Body of `POST /api/sessions`. */
export interface CreateSessionRequest {
  /** Trimmed, 1–40 characters, no control characters (P-AUTH-2). */
  readonly displayName: string;
}

/** Answer of `POST /api/sessions`: a guest identity and its bearer token (P-AUTH-1). */
export interface SessionResult {
  readonly userId: string;
  readonly displayName: string;
  readonly token: string;
  /** ISO 8601 instant after which the token is refused. */
  readonly expiresAt: string;
}

/** Body of `POST /api/accounts` (P-ACCT-1); sent with a guest's token, the account keeps that user id. */
export interface CreateAccountRequest {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
}

/** Body of `POST /api/sessions/password` (P-ACCT-2). */
export interface PasswordSignInRequest {
  readonly username: string;
  readonly password: string;
}

/** Body of `POST /api/rooms`. */
export interface CreateRoomRequest {
  readonly name: string;
  readonly topic: string;
  /** At most 500 characters (P-ROOM-3). */
  readonly description?: string;
  /** Listed in the directory (P-DIR-1). */
  readonly isPublic?: boolean;
  /** 1–500 users present at once (P-ROOM-4). */
  readonly capacity?: number;
  /** Up to 5 tags, each 1–30 characters (P-ROOM-3). */
  readonly tags?: readonly string[];
  /** Private: joined only by invite (P-INV-4). */
  readonly inviteOnly?: boolean;
}

/** A room as the HTTP API and `JoinRoomResult.room` describe it. */
export interface RoomInfo {
  readonly roomId: string;
  readonly name: string;
  readonly topic: string;
  readonly createdAt: string;
  /** Path of the room page, `/r/{roomId}` (P-ROOM-2). */
  readonly link: string;
}

/** RFC 9457 problem details with the protocol's extra `code` member (P-ERR-2). */
export interface ProblemDetails {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
}
