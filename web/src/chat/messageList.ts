// The chat's message list as a pure value: merge pages, answers and events by seq without
// duplicates, keep pending (unacknowledged) messages apart, and count unread (P-CHAT-3, P-CHAT-4,
// P-CHAT-11, P-CHAT-12).
import type { ChatMessage } from '../protocol';

/** A message typed here that the server has not acknowledged yet. */
export interface PendingMessage {
  readonly clientMessageId: string;
  readonly text: string;
  readonly threadRootSeq?: number;
  readonly mentions: readonly string[];
  /** `sending` until answered; `failed` after a refusal (shown with its reason) or while offline. */
  readonly state: 'sending' | 'failed';
  readonly error?: string;
}

/** Which of two copies of the same message is newer: a tombstone wins, then the later edit, then the incoming one. */
export function newer(existing: ChatMessage, incoming: ChatMessage): ChatMessage {
  if (existing.deleted !== incoming.deleted) return existing.deleted ? existing : incoming;
  const a = existing.editedAt ?? '';
  const b = incoming.editedAt ?? '';
  if (a > b) return existing;
  return incoming;
}

/** Merges messages into a list sorted by seq; each seq appears once (P-CHAT-3). */
export function mergeMessages(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const m of list) bySeq.set(m.seq, m);
  for (const m of incoming) {
    const current = bySeq.get(m.seq);
    bySeq.set(m.seq, current === undefined ? m : newer(current, m));
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** True when the list holds this seq. */
export function hasSeq(list: readonly ChatMessage[], seq: number): boolean {
  return list.some((m) => m.seq === seq);
}

/**
 * Adds a reply new to this client to its thread root's counters (the server counted it in the same
 * write, P-CHAT-5); a reply already known changes nothing.
 */
export function countReply(timeline: readonly ChatMessage[], reply: ChatMessage, known: boolean): ChatMessage[] {
  if (known || reply.threadRootSeq === null || reply.threadRootSeq === undefined) return [...timeline];
  return timeline.map((m) =>
    m.seq === reply.threadRootSeq ? { ...m, replyCount: m.replyCount + 1, lastReplyAt: reply.createdAt } : m,
  );
}

/** Drops pending messages that the server's messages acknowledge (same author and client id, P-CHAT-4). */
export function settlePending(pending: readonly PendingMessage[], messages: readonly ChatMessage[], selfId: string | undefined): PendingMessage[] {
  if (selfId === undefined) return [...pending];
  const acked = new Set(messages.filter((m) => m.authorId === selfId).map((m) => m.clientMessageId));
  return pending.filter((p) => !acked.has(p.clientMessageId));
}

/** Messages after `lastReadSeq` by others that are not deleted (P-CHAT-12). */
export function countUnread(messages: readonly ChatMessage[], lastReadSeq: number, selfId: string | undefined): number {
  return messages.filter((m) => m.seq > lastReadSeq && m.authorId !== selfId && !m.deleted).length;
}

/** True when the message mentions `selfId` and was written by someone else (P-CHAT-9). */
export function mentionsMe(message: ChatMessage, selfId: string | undefined): boolean {
  return selfId !== undefined && message.authorId !== selfId && !message.deleted && message.mentions.includes(selfId);
}

/** A fresh client message id: `m_` and 16 random url-safe characters (P-CHAT-4). */
export function newClientMessageId(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let id = 'm_';
  for (let i = 0; i < 16; i++) id += alphabet.charAt(Math.floor(random() * alphabet.length));
  return id;
}
