// The people panel's texts, kept beside it (like strings.ts, ready for translation) so the panel
// can grow without touching the shared strings file.
import type { RoomRole } from '../../protocol';

/** How a participant is shown: the server's status, or in focus derived from the sprint (P-STATUS-4). */
export type ShownStatus = 'active' | 'idle' | 'away' | 'focus';

/** "1st", "2nd", "3rd", "4th", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** The English texts of the people panel. */
export const peopleStrings = {
  heading: (count: number) => `In this room (${count})`,
  listLabel: 'People in this room',
  you: '(you)',
  follow: 'Follow',
  following: 'Following',
  role: { owner: 'owner', mentor: 'mentor', member: 'member', viewer: 'viewer' } satisfies Record<RoomRole, string>,
  status: { active: 'active', idle: 'idle', away: 'away', focus: 'in focus' } satisfies Record<ShownStatus, string>,
  statusTitle: {
    active: 'Active now',
    idle: 'No input for 2 minutes',
    away: 'Tab hidden',
    focus: 'In a focus block of the sprint',
  } satisfies Record<ShownStatus, string>,
  /** A peer's cursor label on the whiteboard while they are idle or away: "Ada · away". */
  cursorLabel: (name: string, status: string) => `${name} · ${status}`,
  handBadge: (place: number) => `hand raised, ${ordinal(place)} in the queue`,
  hand: {
    heading: 'Raised hands',
    empty: 'No hands up.',
    noteLabel: 'What do you need help with? (optional)',
    notePlaceholder: 'e.g. stuck on exercise 3',
    raise: 'Raise hand',
    lower: 'Lower hand',
    yourPlace: (place: number) => `Your hand is up: you are ${ordinal(place)} in the queue.`,
    helpedBy: (name: string) => `${name} is helping you.`,
    takenBy: (name: string) => `taken by ${name}`,
    take: 'Take',
    resolve: 'Resolve',
    takeLabel: (name: string) => `Take ${name}'s request`,
    resolveLabel: (name: string) => `Resolve ${name}'s request`,
    raised: 'Your hand is up.',
    lowered: 'Your hand is down.',
  },
  readOnly: {
    toggle: 'Read-only room',
    hint: 'Only mentors and the owner may draw or write.',
    notice: 'This room is read-only: only mentors and the owner may draw or write.',
    on: 'The room is read-only now.',
    off: 'Everyone may draw and write again.',
  },
  menu: {
    open: (name: string) => `Actions for ${name}`,
    makeRole: (role: RoomRole) => `Make ${role}`,
    mute: 'Mute in chat',
    unmute: 'Unmute in chat',
    remove: 'Remove from room',
    ban: 'Ban from room…',
    confirmBan: (name: string) => `Ban ${name}? They cannot come back until unbanned.`,
    confirm: 'Ban',
    cancel: 'Cancel',
  },
  done: {
    role: (name: string, role: RoomRole) => `${name} is now ${role}.`,
    muted: (name: string) => `${name} is muted in the chat.`,
    unmuted: (name: string) => `${name} may write in the chat again.`,
    removed: (name: string) => `${name} was removed.`,
    banned: (name: string) => `${name} was banned.`,
  },
  bans: {
    heading: 'Banned users',
    empty: 'Nobody is banned.',
    loading: 'Loading…',
    unknown: (userId: string) => `Unknown user (${userId.slice(-6)})`,
    since: (when: string) => `banned ${when}`,
    unban: 'Unban',
    unbanLabel: (name: string) => `Unban ${name}`,
    unbanned: (name: string) => `${name} may join the room again.`,
  },
  refused: (reason: string) => `Not done: ${reason}`,
  offline: 'Not connected; try again in a moment.',
  gone: {
    removedHeading: 'You were removed from this room',
    bannedHeading: 'You were banned from this room',
    removedBy: (name: string) => (name.length > 0 ? `${name} removed you. You may join again.` : 'A moderator removed you. You may join again.'),
    bannedBy: (name: string) => (name.length > 0 ? `${name} banned you. You cannot join it again.` : 'A moderator banned you. You cannot join it again.'),
    rejoin: 'Join again',
    home: 'Go to the home page',
  },
} as const;
