// Text of the room menu and the archived / deleted banners.
export const roomSettingsStrings = {
  menu: 'Room',
  archive: 'Archive room',
  restore: 'Restore room',
  delete: 'Delete room…',
  deleteHeading: (name: string) => `Delete “${name}”?`,
  deleteHelp: 'Everyone is taken out of the room, and its board, history, chat and sprints are erased for good. This cannot be undone.',
  typeName: (name: string) => `Type the room's name (${name}) to confirm: `,
  deleteConfirm: 'Delete forever',
  cancel: 'Cancel',
  archivedBanner: 'This room was archived. It is read-only: nobody can draw, chat or run sprints until the owner restores it.',
  deletedBanner: (name: string) => (name ? `This room (${name}) was deleted.` : 'This room was deleted.'),
  goHome: 'Back to home',
  failed: (reason: string) => `That did not work: ${reason}`,
} as const;
