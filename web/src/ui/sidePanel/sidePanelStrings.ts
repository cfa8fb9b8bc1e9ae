// Texts of the room's side panel, its phone sheets and the room's notifications.
import type { SprintChange } from '../../protocol';

/** The English texts. */
export const sidePanelStrings = {
  label: 'Room panels',
  tabs: { people: 'People', chat: 'Chat', resources: 'Resources' },
  collapse: 'Hide the side panel',
  expand: 'Show the side panel',
  closeSheet: 'Close',
  sheetBar: 'Open a panel',
  badge: (count: number) => (count === 1 ? '1 new' : `${String(count)} new`),
  tabWithBadge: (tab: string, count: number) => (count === 0 ? tab : `${tab}, ${count === 1 ? '1 new' : `${String(count)} new`}`),
  alerts: {
    mention: (author: string, text: string) => `${author} mentioned you: ${text}`,
    hand: (name: string) => `${name} raised a hand`,
    handWithNote: (name: string, note: string) => `${name} raised a hand: ${note}`,
    phase: (label: string, change: SprintChange) =>
      change === 'started' ? `Sprint started · ${label}` : change === 'stopped' || change === 'finished' ? label : `Next phase · ${label}`,
  },
} as const;
