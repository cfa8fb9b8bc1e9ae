// P-LIVE-5: several peers' cursors of one server frame arrive as one CursorsMoved, sent to the whole
// cursor audience; each entry is taken as if it had arrived alone as a CursorMoved.
import type { CursorMoved, CursorsMoved } from '../protocol';

/** The entries of a frame to show: the frame's room only, without the signed-in user's own cursor. */
export function peerCursorsOfFrame(frame: CursorsMoved, selfUserId: string | undefined): readonly CursorMoved[] {
  const cursors: unknown = frame.cursors;
  if (!Array.isArray(cursors)) return [];
  return frame.cursors.filter((cursor) => cursor.roomId === frame.roomId && cursor.userId !== selfUserId);
}
