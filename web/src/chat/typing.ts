// Who is typing (P-CHAT-14): peers' signals expire on their own; our own are throttled.
import type { TypingChanged } from '../protocol';
import { chatStrings } from '../ui/chat/chatStrings';

/** A peer's indicator goes away this long after their last `typing: true`. */
export const TYPING_EXPIRY_MS = 6_000;
/** While typing, `typing: true` is sent at most this often. */
export const TYPING_SEND_INTERVAL_MS = 3_000;

/** Peers typing now, by user id. */
export class TypingTracker {
  private readonly typing = new Map<string, { name: string; until: number }>();

  /** Applies an event; returns true when the visible set may have changed. */
  apply(event: TypingChanged, now: number): boolean {
    if (event.typing) {
      const had = this.typing.has(event.userId);
      this.typing.set(event.userId, { name: event.displayName, until: now + TYPING_EXPIRY_MS });
      return !had;
    }
    return this.typing.delete(event.userId);
  }

  /** Forgets a user (they posted or left). */
  remove(userId: string): boolean {
    return this.typing.delete(userId);
  }

  /** Names of those typing at `now`, dropping expired ones. */
  names(now: number): string[] {
    for (const [id, entry] of this.typing) if (entry.until <= now) this.typing.delete(id);
    return [...this.typing.values()].map((e) => e.name).sort((a, b) => a.localeCompare(b));
  }
}

/** Decides when to send our own typing signal: `true` at most every interval, `false` once after. */
export class TypingSender {
  private lastTrueAt: number | null = null;

  /** The draft changed: the signal to send now, or null. */
  input(draftEmpty: boolean, now: number): boolean | null {
    if (draftEmpty) return this.stop();
    if (this.lastTrueAt !== null && now - this.lastTrueAt < TYPING_SEND_INTERVAL_MS) return null;
    this.lastTrueAt = now;
    return true;
  }

  /** Sent, cleared or blurred: `false` when a `true` went out, else null. */
  stop(): boolean | null {
    if (this.lastTrueAt === null) return null;
    this.lastTrueAt = null;
    return false;
  }
}

/** "Ada is typing…", "Ada and Bob are typing…", "3 people are typing…", or "". */
export function typingText(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return chatStrings.typingOne(names[0] ?? '');
  if (names.length === 2) return chatStrings.typingTwo(names[0] ?? '', names[1] ?? '');
  return chatStrings.typingMany(names.length);
}
