// What stays in rooms of a deleted user (docs/protocol.md P-ACCT-4).

/** The author id that replaces a deleted user's id on messages, elements, history entries and resources (never a user id: those start with "u_"). */
export const DELETED_USER_ID = 'deleted';

/** The author name the server stores beside {@link DELETED_USER_ID}; the UI shows its own localized label instead. */
export const DELETED_USER_NAME = 'Deleted user';
