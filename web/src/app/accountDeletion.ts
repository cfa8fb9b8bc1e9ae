// Deleting one's own account (P-ACCT-4): what the dialog must have typed before it may ask, and
// what of the user this browser forgets once the server has erased them. Pure.
import { PENDING_KEY_PREFIX } from '../sync/pendingQueue';
import type { EnumerableStorage } from '../sync/storage';
import type { AuthSession } from './authSession';

/** What the user typed in the deletion dialog. */
export interface DeletionConfirmation {
  readonly displayName: string;
  readonly username: string;
}

/**
 * Whether the typed confirmation matches `session`: the display name exactly (after trimming, as the
 * server compares it) and, for a password account, its username (as the server cleans it).
 */
export function confirmsDeletion(typed: DeletionConfirmation, session: AuthSession): boolean {
  if (typed.displayName.trim() !== session.displayName) return false;
  return session.username === undefined || typed.username.trim().toLowerCase() === session.username;
}

/**
 * Removes every queued offline edit of this browser; returns how many queues went. The per-client
 * edit counters stay: they hold nothing of the user, and a counter that restarted would make the
 * server take the next edits of this tab's client id for resends (P-OPS-3).
 */
export function clearPendingEdits(storage: EnumerableStorage): number {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PENDING_KEY_PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}
