// Text of "Delete my account" (P-ACCT-4).
export const accountStrings = {
  open: 'Delete my account…',
  heading: 'Delete your account?',
  intro: 'This erases, on every device and for good:',
  removedAccount: 'your account: display name, and the username and password if you have one',
  removedStats: 'your study stats: focus time, streaks, goals and recaps',
  removedRooms: 'your list of rooms',
  removedSession: 'your sign-in on this device and its unsent edits',
  stays: 'What you wrote or drew in rooms stays in those rooms. You are signed out everywhere, and this cannot be undone.',
  typeName: (name: string) => `Type your display name (${name}) to confirm: `,
  typeUsername: (username: string) => `Type your username (${username}): `,
  confirm: 'Delete my account',
  deleting: 'Deleting…',
  cancel: 'Cancel',
  failed: (reason: string) => `Your account was not deleted: ${reason}`,
  signedOutMeanwhile: 'Your session has ended, so your account was not deleted. Sign in again to delete it.',
  deleted: 'Your account was deleted. You can start again with a new name.',
} as const;
