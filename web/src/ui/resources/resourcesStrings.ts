// Texts of the resources panel (ui/resources/resourcesPanel.ts).

/** The English texts. */
export const resourcesStrings = {
  heading: 'Resources',
  headingCount: (count: number) => `Resources (${String(count)})`,
  urlPlaceholder: 'https://…',
  urlLabel: 'Link address',
  titlePlaceholder: 'Title (optional)',
  titleLabel: 'Link title',
  pinLink: 'Pin link',
  pinForm: 'Pin a link',
  notePlaceholder: 'A short note',
  noteLabel: 'Note',
  addNote: 'Add note',
  noteForm: 'Add a note',
  upload: 'Upload a file',
  uploadHint: (max: string) => `Up to ${max}: images, PDF, text, Office documents.`,
  remove: 'Remove',
  removeLabel: (what: string) => `Remove ${what}`,
  loadFailed: (reason: string) => `Could not load the resources: ${reason}`,
  removeFailed: (reason: string) => `Could not remove: ${reason}`,
  downloadFailed: (name: string, reason: string) => `Could not download ${name}: ${reason}`,
  httpOnly: 'Links must start with http:// or https://.',
} as const;
