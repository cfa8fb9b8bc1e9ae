// Who wrote, drew or pinned something, as the UI names them.
import { DELETED_USER_ID } from '../protocol';
import { strings } from './strings';

/** The author's display name, or the localized "Deleted user" label for the marker the server puts in a deleted user's place (P-ACCT-4). */
export function authorLabel(authorId: string, name: string): string {
  return authorId === DELETED_USER_ID ? strings.deletedUser : name;
}
