// Which room events deserve the user's attention, pure: a toast (mentions of me, a raised hand for
// those who take hands, sprint phase changes) and unread badges on the side panel's tabs while the
// tab is not in view. The UI (ui/sidePanel/roomNotifier.ts) turns alerts into words.
import type { ChatMessage, HelpRequest, RoomRole, SprintChange, SprintSnapshot } from '../protocol';
import { mentionsMe } from '../chat/messageList';

/** The side panel's tabs. */
export type PanelTab = 'people' | 'chat' | 'resources';

/** Something to show in a toast; the UI words it. */
export type Alert =
  | { readonly kind: 'mention'; readonly author: string; readonly text: string }
  | { readonly kind: 'hand'; readonly name: string; readonly note?: string }
  | { readonly kind: 'phase'; readonly sprint: SprintSnapshot; readonly change: SprintChange };

/** Unread counts per tab; a tab in view has none. */
export type Badges = Readonly<Record<PanelTab, number>>;

/** No unread anything. */
export const NO_BADGES: Badges = { people: 0, chat: 0, resources: 0 };

/** Who is looking: the user, their role and which tab of the side panel is in view (null: none). */
export interface Viewer {
  readonly selfUserId: string | undefined;
  readonly role: RoomRole | undefined;
  readonly tabInView: PanelTab | null;
}

/** What a posted chat message changes: a badge on the chat tab while chat is out of view, and a toast when it mentions me there. */
export function onMessagePosted(message: ChatMessage, viewer: Viewer, badges: Badges): { badges: Badges; alert: Alert | null } {
  if (message.deleted || message.authorId === viewer.selfUserId || viewer.tabInView === 'chat') return { badges, alert: null };
  const alert: Alert | null = mentionsMe(message, viewer.selfUserId) ? { kind: 'mention', author: message.authorName, text: message.text } : null;
  return { badges: { ...badges, chat: badges.chat + 1 }, alert };
}

/** Whether this role takes raised hands (P-HAND-4): the owner and mentors. */
export function takesHands(role: RoomRole | undefined): boolean {
  return role === 'owner' || role === 'mentor';
}

/**
 * What a new raise-hand queue changes, for those who take hands only: every hand raised since
 * `before` (by someone else) is a toast, and a badge on the people tab while it is out of view.
 * `before` null is the first queue after a (re)join: nothing in it is news.
 */
export function onHelpQueue(before: readonly HelpRequest[] | null, after: readonly HelpRequest[], viewer: Viewer, badges: Badges): { badges: Badges; alerts: Alert[] } {
  if (before === null || !takesHands(viewer.role)) return { badges, alerts: [] };
  const known = new Set(before.map((r) => r.userId));
  const raised = after.filter((r) => !known.has(r.userId) && r.userId !== viewer.selfUserId);
  const alerts: Alert[] = raised.map((r) => (r.note !== undefined && r.note.length > 0 ? { kind: 'hand', name: r.displayName, note: r.note } : { kind: 'hand', name: r.displayName }));
  if (raised.length === 0 || viewer.tabInView === 'people') return { badges, alerts };
  return { badges: { ...badges, people: badges.people + raised.length }, alerts };
}

/** Sprint changes that are a phase change: a start, the next phase (or a skip), the end and a stop. */
const PHASE_CHANGES: ReadonlySet<SprintChange> = new Set<SprintChange>(['started', 'phaseChanged', 'finished', 'stopped']);

/** A toast for a sprint update that changes the phase (`SprintUpdated.change`), else null. */
export function onSprintUpdated(change: SprintChange, sprint: SprintSnapshot): Alert | null {
  return PHASE_CHANGES.has(change) ? { kind: 'phase', sprint, change } : null;
}

/** The badges once `tab` comes into view: its count is read. */
export function onTabInView(tab: PanelTab | null, badges: Badges): Badges {
  return tab === null || badges[tab] === 0 ? badges : { ...badges, [tab]: 0 };
}
