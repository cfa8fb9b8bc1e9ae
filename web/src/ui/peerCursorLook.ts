// How a peer's cursor and name label look on the whiteboard. A cursor stays where its tab left it, so
// a peer who went idle or hid the tab would look as if pointing there right now; their cursor is
// drawn dimmed with the status after the name, as Excalidraw marks idle collaborators. The status is
// the user's over all their tabs (P-STATUS-2): the wire carries no status per tab, so every cursor of
// a user with one active tab looks active.
import type { Participant, PresenceStatus } from '../protocol';
import { peopleStrings as t } from './people/peopleStrings';

/** Opacity of an idle or away peer's cursor and label: still findable, plainly not moving now. */
export const ABSENT_CURSOR_OPACITY = 0.45;

/** How one peer cursor is drawn. */
export interface PeerCursorLook {
  /** The name label: the display name, with the status after it while idle or away. */
  readonly label: string;
  /** Alpha of the arrow and the label; 1 while active. */
  readonly opacity: number;
  /** The status the look shows: `active` for a participant without one (older servers) or with one this client does not know. */
  readonly status: PresenceStatus;
}

/**
 * The look of a peer's cursor from the server's status of that user (P-STATUS-3). "In focus"
 * (P-STATUS-4) is not shown here: a student in a focus block with the tab hidden is away from the
 * board, which is what the cursor is about, while the people panel says why.
 */
export function peerCursorLook(participant: Pick<Participant, 'displayName' | 'status'>): PeerCursorLook {
  const status = participant.status;
  if (status !== 'idle' && status !== 'away') return { label: participant.displayName, opacity: 1, status: 'active' };
  return { label: t.cursorLabel(participant.displayName, t.status[status]), opacity: ABSENT_CURSOR_OPACITY, status };
}
