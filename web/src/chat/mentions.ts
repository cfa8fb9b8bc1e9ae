// @mentions: which users a draft names (P-CHAT-9), and the name being typed for completion.

/** A user who can be mentioned. */
export interface Mentionable {
  readonly userId: string;
  readonly displayName: string;
}

/** At most this many users per message (P-CHAT-6). */
export const MAX_MENTIONS = 20;

/**
 * User ids whose `@displayName` appears in the text, in order of appearance (case-insensitive, followed by a non-word
 * character or the end). Longer names win where one name starts another ("@Ada L" over "@Ada").
 */
export function parseMentions(text: string, people: readonly Mentionable[]): string[] {
  const lower = text.toLowerCase();
  const sorted = [...people].filter((p) => p.displayName.length > 0).sort((a, b) => b.displayName.length - a.displayName.length);
  const claimed: [number, number, string][] = [];
  for (const person of sorted) {
    const needle = '@' + person.displayName.toLowerCase();
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      from = end;
      if (!isBoundary(lower.charAt(end)) || claimed.some(([s, e]) => at < e && end > s)) continue;
      claimed.push([at, end, person.userId]);
    }
  }
  // In the order they appear in the text, each user once.
  const found = [...new Set(claimed.sort((a, b) => a[0] - b[0]).map(([, , userId]) => userId))];
  return found.slice(0, MAX_MENTIONS);
}

/** The partial name after the last `@` before the caret, for completion; null when not in a mention. */
export function mentionQuery(text: string, caret: number): string | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || (at > 0 && /[\p{L}\p{N}_]/u.test(before.charAt(at - 1)))) return null;
  const query = before.slice(at + 1);
  return /^[^\s@]{0,40}$/u.test(query) ? query : null;
}

function isBoundary(next: string): boolean {
  return next === '' || !/[\p{L}\p{N}_]/u.test(next);
}
