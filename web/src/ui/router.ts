// Client-side routes: `/` is home, `/r/{roomId}` a room (P-ROOM-2); the history API moves between them.

/** A parsed location. */
export type Route = { readonly kind: 'home' } | { readonly kind: 'room'; readonly roomId: string };

const ROOM_PATH = /^\/r\/([^/]+)\/?$/;

/** The route of a path; anything unknown is home. */
export function parseRoute(pathname: string): Route {
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
