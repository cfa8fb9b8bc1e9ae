// Pure rules of the people panel: who may do what to whom (docs/permissions.md, as the server
// decides it: the panel only hides what would be refused), how a participant's status is shown
// (P-STATUS-4) and places in the help queue (P-HAND-1).
import type { BannedUser, HelpRequest, Participant, RoomRole, SprintSnapshot } from '../../protocol';
import type { ShownStatus } from './peopleStrings';

const RANK: Record<RoomRole, number> = { viewer: 0, member: 1, mentor: 2, owner: 3 };

/** A participant's role; older servers send none, and a user without a given role is a member (P-ROLE-1). */
export function roleOf(p: Participant | undefined): RoomRole {
  return p?.role ?? 'member';
}

/** Mentors and the owner moderate (P-MOD-1). */
export function isModerator(role: RoomRole): boolean {
  return RANK[role] >= RANK.mentor;
}

/** Roles the actor may give the target (P-ROLE-2): only the owner, never to the owner, never the role held. */
export function assignableRoles(actor: RoomRole, target: RoomRole, isSelf: boolean): RoomRole[] {
  if (actor !== 'owner' || isSelf || target === 'owner') return [];
  return (['mentor', 'member', 'viewer'] as const).filter((r) => r !== target);
}

/** Remove, ban and chat mute: mentors and the owner, on users ranked below them, never themselves (P-MOD-1, P-CHAT-15). */
export function mayModerate(actor: RoomRole, target: RoomRole, isSelf: boolean): boolean {
  return !isSelf && isModerator(actor) && RANK[target] < RANK[actor];
}

/** Users who joined the running sprint while its phase is focus (P-STATUS-4). */
export function focusedUserIds(sprint: SprintSnapshot | null): ReadonlySet<string> {
  if (sprint?.status !== 'running' || sprint.phaseKind !== 'focus') return new Set();
  return new Set(sprint.participants.filter((p) => p.joined).map((p) => p.userId));
}

/** What the panel shows: in focus wins over the server's status (P-STATUS-4). */
export function shownStatus(p: Participant, focused: ReadonlySet<string>): ShownStatus {
  if (focused.has(p.userId)) return 'focus';
  return p.status ?? 'active';
}

/** The user's place in the help queue, 1-based, or null when their hand is down (P-HAND-1). */
export function handPlace(queue: readonly HelpRequest[], userId: string | undefined): number | null {
  const index = userId === undefined ? -1 : queue.findIndex((r) => r.userId === userId);
  return index < 0 ? null : index + 1;
}

/** The name a ban is listed under (P-MOD-9): the name the user had, or a fallback naming the id's tail. */
export function bannedName(ban: BannedUser, unknown: (userId: string) => string): string {
  const name = ban.displayName?.trim() ?? '';
  return name.length > 0 ? name : unknown(ban.userId);
}

/** Newest ban first, bans without a time last; the server sends this order, older servers may not. */
export function sortBans(bans: readonly BannedUser[]): BannedUser[] {
  const at = (b: BannedUser): number => (b.bannedAt !== undefined ? Date.parse(b.bannedAt) : Number.NEGATIVE_INFINITY);
  return [...bans].sort((a, b) => at(b) - at(a) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
