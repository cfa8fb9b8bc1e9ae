import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../protocol';
import { countReply, countUnread, mentionsMe, mergeMessages, newClientMessageId, settlePending, type PendingMessage } from './messageList';

function message(seq: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    seq,
    authorId: 'u_ada',
    authorName: 'Ada',
    clientMessageId: `m_${seq}`,
    text: `text ${seq}`,
    mentions: [],
    createdAt: `2026-11-29T12:00:${String(seq).padStart(2, '0')}Z`,
    deleted: false,
    reactions: [],
    replyCount: 0,
    ...extra,
  };
}

describe('mergeMessages (P-CHAT-3, P-CHAT-11)', () => {
  it('merges pages and events by seq, sorted, without duplicates', () => {
    const newest = [message(5), message(6)];
    const older = [message(3), message(4), message(5)];
    expect(mergeMessages(newest, older).map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(mergeMessages(mergeMessages(newest, [message(7)]), [message(7)]).map((m) => m.seq)).toEqual([5, 6, 7]);
  });

  it('keeps a tombstone and a later edit over an older copy from a page', () => {
    const deleted = message(2, { deleted: true, text: '' });
    const edited = message(3, { text: 'new', editedAt: '2026-11-29T13:00:00Z' });
    const merged = mergeMessages([deleted, edited], [message(2), message(3)]);
    expect(merged.map((m) => [m.deleted, m.text])).toEqual([[true, ''], [false, 'new']]);
  });

  it('takes the incoming copy otherwise (reactions)', () => {
    const reacted = message(1, { reactions: [{ emoji: '👍', userIds: ['u_bob'] }] });
    expect(mergeMessages([message(1)], [reacted])[0]?.reactions).toHaveLength(1);
  });
});

describe('threads (P-CHAT-5)', () => {
  it('counts a reply new to the client on its root once', () => {
    const timeline = [message(1), message(2)];
    const reply = message(3, { threadRootSeq: 1 });
    const counted = countReply(timeline, reply, false);
    expect(counted[0]?.replyCount).toBe(1);
    expect(counted[0]?.lastReplyAt).toBe(reply.createdAt);
    expect(countReply(counted, reply, true)[0]?.replyCount).toBe(1);
  });
});

describe('pending messages (P-CHAT-4)', () => {
  it('drops the pending message its acknowledgement or echo names', () => {
    const pending: PendingMessage[] = [
      { clientMessageId: 'm_a', text: 'a', mentions: [], state: 'sending' },
      { clientMessageId: 'm_b', text: 'b', mentions: [], state: 'failed' },
    ];
    expect(settlePending(pending, [message(9, { authorId: 'u_me', clientMessageId: 'm_a' }), message(10, { clientMessageId: 'm_b' })], 'u_me').map((p) => p.clientMessageId)).toEqual(['m_b']);
  });

  it('makes ids the server accepts', () => {
    expect(newClientMessageId()).toMatch(/^m_[A-Za-z0-9_-]{16}$/);
  });
});

describe('unread and mentions (P-CHAT-9, P-CHAT-12)', () => {
  it('counts later messages by others that are not deleted', () => {
    const list = [message(1), message(2, { authorId: 'u_me' }), message(3), message(4, { deleted: true }), message(5)];
    expect(countUnread(list, 1, 'u_me')).toBe(2);
    expect(countUnread(list, 5, 'u_me')).toBe(0);
  });

  it('flags a message that mentions me by someone else', () => {
    expect(mentionsMe(message(1, { mentions: ['u_me'] }), 'u_me')).toBe(true);
    expect(mentionsMe(message(1, { mentions: ['u_me'], authorId: 'u_me' }), 'u_me')).toBe(false);
    expect(mentionsMe(message(1, { mentions: ['u_bob'] }), 'u_me')).toBe(false);
  });
});
