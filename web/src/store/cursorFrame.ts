// P-LIVE-5: several peers' cursors of one server frame arrive as one CursorsMoved, sent to the whole
// cursor audience; each entry is taken as if it had arrived alone as a CursorMoved.
import type { CursorMoved, CursorsMoved } from '../protocol';

/**
 * The entries of a frame to show: the frame's room only, without this tab's own cursor. An entry is
 * this tab's when it carries this tab's client id; an entry without one (a sender that sent none) or
 * a call without `selfClientId` falls back to the signed-in user. So another tab of the same user
 * shows like a peer, as its lone `CursorMoved` already does (P-LIVE-5). An
 * entry that is not a cursor (null, a number, no `userId`, no finite `x`/`y`) is skipped, as the cursor
 * store skips such a single `CursorMoved`, and the good entries around it are kept.
 */
export function peerCursorsOfFrame(
  frame: CursorsMoved,
  selfUserId: string | undefined,
  selfClientId?: string,
): readonly CursorMoved[] {
  const cursors: unknown = (frame as Partial<CursorsMoved> | null)?.cursors;
  if (!Array.isArray(cursors)) return [];
  return cursors.filter(
    (cursor): cursor is CursorMoved => isCursor(cursor) && cursor.roomId === frame.roomId && !isOwn(cursor, selfUserId, selfClientId),
  );
}

function isCursor(entry: unknown): entry is CursorMoved {
  if (typeof entry !== 'object' || entry === null) return false;
  const cursor = entry as Record<string, unknown>;
  return typeof cursor.userId === 'string' && Number.isFinite(cursor.x) && Number.isFinite(cursor.y);
}

function isOwn(cursor: CursorMoved, selfUserId: string | undefined, selfClientId: string | undefined): boolean {
  return typeof cursor.clientId === 'string' && selfClientId !== undefined ? cursor.clientId === selfClientId : cursor.userId === selfUserId;
}
