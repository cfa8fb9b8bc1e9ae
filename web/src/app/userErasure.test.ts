// Proves an open page's chat and shelf take the marker in a deleted user's place the way the server
// stores it (P-ACCT-4, P-ACCT-5): author and deleter become "deleted", mentions and reactions go,
// and what never named the user is left as it was.
import { describe, expect, it } from 'vitest';
import { DELETED_USER_ID, DELETED_USER_NAME, type ChatMessage, type ResourceItem } from '../protocol';
import { eraseFromMessage, eraseFromMessages, eraseFromResources } from './userErasure';

const message = (over: Partial<ChatMessage>): ChatMessage => ({
  seq: 1,
  authorId: 'u_ada',
  authorName: 'Ada',
  clientMessageId: 'm1',
  text: 'hello',
  mentions: [],
  createdAt: '2026-01-01T00:00:00Z',
  deleted: false,
  reactions: [],
  replyCount: 0,
  ...over,
});

const item = (over: Partial<ResourceItem>): ResourceItem => ({
  id: 'r1',
  seq: 1,
  kind: 'note',
  text: 'Snell',
  addedBy: 'u_ada',
  addedByName: 'Ada',
  addedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('user erasure on an open page', () => {
  it('puts the marker in place of the author and a deleter, keeping the text', () => {
    const erased = eraseFromMessage(message({ authorId: 'u_zed', authorName: 'Zed', deleted: true, deletedBy: 'u_zed' }), 'u_zed');
    expect(erased).toMatchObject({ authorId: DELETED_USER_ID, authorName: DELETED_USER_NAME, deletedBy: DELETED_USER_ID, text: 'hello' });
  });

  it('drops the user from mentions and reactions, and a reaction nobody else gave', () => {
    const erased = eraseFromMessage(message({
      mentions: ['u_zed', 'u_bo'],
      reactions: [{ emoji: '👍', userIds: ['u_zed'] }, { emoji: '🎉', userIds: ['u_zed', 'u_bo'] }],
    }), 'u_zed');
    expect(erased.authorName).toBe('Ada');
    expect(erased.mentions).toEqual(['u_bo']);
    expect(erased.reactions).toEqual([{ emoji: '🎉', userIds: ['u_bo'] }]);
  });

  it('leaves messages and items that never named the user as they were', () => {
    const untouched = message({ seq: 2 });
    expect(eraseFromMessage(untouched, 'u_zed')).toBe(untouched);
    const list = eraseFromMessages([untouched, message({ seq: 3, authorId: 'u_zed', authorName: 'Zed' })], 'u_zed');
    expect(list.map((m) => m.authorName)).toEqual(['Ada', DELETED_USER_NAME]);
    const kept = item({});
    const items = eraseFromResources([kept, item({ id: 'r2', addedBy: 'u_zed', addedByName: 'Zed' })], 'u_zed');
    expect(items[0]).toBe(kept);
    expect(items[1]).toMatchObject({ addedBy: DELETED_USER_ID, addedByName: DELETED_USER_NAME });
  });
});
