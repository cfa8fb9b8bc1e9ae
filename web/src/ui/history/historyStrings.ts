// Texts of the board history dialog (ui/history/historyPanel.ts).

/** The English texts. */
export const historyStrings = {
  heading: 'Board history',
  hint: 'Saved automatically every few minutes while the board is edited, and at sprint boundaries. A restore is an ordinary edit: undo it with Ctrl+Z.',
  close: 'Close',
  loading: 'Loading…',
  empty: 'No saved versions yet.',
  preview: 'Preview',
  back: 'Back',
  restore: 'Restore this version',
  previewTitle: (label: string, time: string, elements: string) => `${label} · ${time} · ${elements} (read-only preview)`,
  savedOnRequest: 'saved on request',
  someone: 'someone',
  noEdits: 'no edits',
  editedBy: (names: string) => `edited by ${names}`,
  autoSave: (who: string) => `auto-save, ${who}`,
  alreadyMatches: 'The board already matches this version.',
  restored: (label: string) => `Restored “${label}”. Undo with Ctrl+Z.`,
  elements: (count: number) => (count === 1 ? '1 element' : `${String(count)} elements`),
  errors: {
    forbidden: 'Viewers cannot see the board history.',
    notFound: 'This version is no longer kept.',
    rateLimited: 'Too many requests; try again in a moment.',
    failed: 'The history could not be loaded; check the connection.',
  },
} as const;
