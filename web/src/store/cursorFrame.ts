// P-LIVE-5: several peers' cursors of one server frame arrive as one CursorsMoved, sent to the whole
// cursor audience; each entry is taken as if it had arrived alone as a CursorMoved.
import type { CursorMoved, CursorsMoved } from '../protocol';

/**
 * The entries of a frame to show: the frame's room only, without the signed-in user's own cursor. An
 * entry that is not a cursor (null, a number, no `userId`, no finite `x`/`y`) is skipped, as the cursor
 * store skips such a single `CursorMoved`, and the good entries around it are kept.
 */
export function peerCursorsOfFrame(frame: CursorsMoved, selfUserId: string | undefined): readonly CursorMoved[] {
  const cursors: unknown = (frame as Partial<CursorsMoved> | null)?.cursors;
  if (!Array.isArray(cursors)) return [];
  return cursors.filter(
    (cursor): cursor is CursorMoved => isCursor(cursor) && cursor.roomId === frame.roomId && cursor.userId !== selfUserId,
  );
}

function isCursor(entry: unknown): entry is CursorMoved {
  if (typeof entry !== 'object' || entry === null) return false;
  const cursor = entry as Record<string, unknown>;
  return typeof cursor.userId === 'string' && Number.isFinite(cursor.x) && Number.isFinite(cursor.y);
}
