// Client-side routes: `/` is home (the lobby), `/r/{roomId}` a room (P-ROOM-2), `/i/{code}` an
// invite link (P-INV-1); the history API moves between them.

/** A parsed location. */
export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'room'; readonly roomId: string }
  | { readonly kind: 'invite'; readonly code: string };

const ROOM_PATH = /^\/r\/([^/]+)\/?$/;
const INVITE_PATH = /^\/i\/([^/]+)\/?$/;

/** The route of a path; anything unknown is home. */
export function parseRoute(pathname: string): Route {
  const invite = INVITE_PATH.exec(pathname)?.[1];
  if (invite !== undefined) {
    try {
      const code = decodeURIComponent(invite);
      if (code.length > 0) return { kind: 'invite', code };
    } catch {
      return { kind: 'home' };
    }
  }
  const match = ROOM_PATH.exec(pathname);
  if (match?.[1] !== undefined) {
    let roomId: string;
    try {
      roomId = decodeURIComponent(match[1]);
    } catch {
      // A malformed escape cannot name a room.
      return { kind: 'home' };
    }
    if (roomId.length > 0) return { kind: 'room', roomId };
  }
  return { kind: 'home' };
}

/** The path of a room page. */
export function roomPath(roomId: string): string {
  return `/r/${encodeURIComponent(roomId)}`;
}

/** The full share URL of a room page. */
export function roomUrl(origin: string, roomId: string): string {
  return `${origin}${roomPath(roomId)}`;
}
