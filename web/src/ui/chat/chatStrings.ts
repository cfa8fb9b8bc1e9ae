// The chat panel's words, kept beside it so the shared strings file stays untouched.

/** Texts of the chat panel. */
export const chatStrings = {
  typingOne: (name: string) => `${name} is typing…`,
  typingTwo: (first: string, second: string) => `${first} and ${second} are typing…`,
  typingMany: (count: number) => `${count} people are typing…`,
  heading: 'Chat',
  placeholder: 'Message the room — @name to mention',
  threadPlaceholder: 'Reply in thread',
  send: 'Send',
  reply: 'Reply',
  replies: (n: number) => (n === 1 ? '1 reply' : `${n} replies`),
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  delete: 'Delete',
  confirmDelete: 'Delete this message?',
  deleted: 'This message was deleted.',
  edited: '(edited)',
  thread: 'Thread',
  close: 'Close',
  search: 'Search messages',
  searchEmpty: 'No messages found.',
  searchMore: 'Older results',
  loadingOlder: 'Loading older messages…',
  beginning: 'This is the beginning of the chat.',
  sending: 'sending…',
  failed: 'not sent',
  retry: 'Retry',
  discard: 'Discard',
  react: (emoji: string) => `React with ${emoji}`,
  unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  mentioned: (name: string) => `${name} mentioned you`,
  tooLong: (length: number, max: number) => `MESSAGE_TOO_LONG: the message has ${length} characters; at most ${max}.`,
  viewerNote: 'Viewers can read the chat but not write.',
} as const;

/** The emoji offered as one-click reactions. */
export const QUICK_REACTIONS = ['👍', '🎉', '❤️', '😂', '✅', '❓'] as const;
