// The lobby's HTTP shapes: the directory (P-DIR-1, P-DIR-2), "Your rooms" (P-LOBBY-1) and invites (P-INV-2).

/** A user's role in a room (P-ROLE-1). */
export type LobbyRole = 'viewer' | 'member' | 'mentor' | 'owner';

/** A public room in `GET /api/directory`. */
export interface DirectoryEntry {
  readonly roomId: string;
  readonly name: string;
  readonly topic: string;
  readonly tags: readonly string[];
  readonly link: string;
  /** Users present now. */
  readonly occupancy: number;
  readonly lastActiveAt: string;
}

/** A tag and how many matching rooms carry it (P-DIR-2). */
export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/** Answer of `GET /api/directory` (P-DIR-2). */
export interface DirectoryPage {
  readonly rooms: readonly DirectoryEntry[];
  readonly total: number;
  readonly tags: readonly TagCount[];
}

/** Query of `GET /api/directory`. */
export interface DirectoryQuery {
  readonly q?: string;
  readonly tag?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** A running or paused sprint in a room of "Your rooms". */
export interface SprintSummary {
  readonly status: 'running' | 'paused';
  readonly phaseKind: 'focus' | 'shortBreak' | 'longBreak';
  /** Time left in the phase when the answer was made. */
  readonly remainingMs: number;
}

/** One room of `GET /api/me/rooms` (P-LOBBY-1). */
export interface MyRoom {
  readonly roomId: string;
  readonly name: string;
  readonly topic: string;
  readonly tags: readonly string[];
  readonly link: string;
  readonly isPublic: boolean;
  readonly inviteOnly: boolean;
  readonly role: LobbyRole;
  readonly occupancy: number;
  readonly capacity: number;
  readonly visitedAt: string;
  readonly sprint?: SprintSummary;
}

/** Answer of `GET /api/me/rooms`. */
export interface MyRoomsResult {
  readonly rooms: readonly MyRoom[];
}

/** Answer of `POST /api/invites/{code}/accept` (P-INV-2). */
export interface AcceptInviteResult {
  readonly roomId: string;
  readonly role: LobbyRole;
  readonly link: string;
}
