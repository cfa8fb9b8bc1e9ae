import { describe, expect, it } from 'vitest';
import type { ChatMessage, HelpRequest, SprintChange, SprintSnapshot } from '../protocol';
import { NO_BADGES, onHelpQueue, onMessagePosted, onSprintUpdated, onTabInView, type Viewer } from './roomAlerts';

const me = 'u_me';
const message = (over: Partial<ChatMessage> = {}): ChatMessage => ({
  seq: 1, authorId: 'u_ada', authorName: 'Ada', clientMessageId: 'm_1', text: 'hello', mentions: [], createdAt: '2026-01-01T00:00:00Z',
  deleted: false, reactions: [], replyCount: 0, ...over,
});
const hand = (userId: string, note?: string): HelpRequest => ({ userId, displayName: userId.slice(2), raisedAt: '2026-01-01T00:00:00Z', ...(note ? { note } : {}) });
const viewer = (over: Partial<Viewer> = {}): Viewer => ({ selfUserId: me, role: 'member', tabInView: 'people', ...over });
const sprint = { roomId: 'r', status: 'running', phaseIndex: 1, phaseKind: 'break', blockIndex: 0 } as unknown as SprintSnapshot;

describe('chat messages', () => {
  it('count on the chat tab while chat is out of view, and a mention of me is a toast', () => {
    const plain = onMessagePosted(message(), viewer(), NO_BADGES);
    expect(plain).toEqual({ badges: { people: 0, chat: 1, resources: 0 }, alert: null });
    const mention = onMessagePosted(message({ mentions: [me], text: '@me look' }), viewer(), plain.badges);
    expect(mention.badges.chat).toBe(2);
    expect(mention.alert).toEqual({ kind: 'mention', author: 'Ada', text: '@me look' });
  });

  it('neither count nor toast while the chat is in view: the panel shows them', () => {
    expect(onMessagePosted(message({ mentions: [me] }), viewer({ tabInView: 'chat' }), NO_BADGES)).toEqual({ badges: NO_BADGES, alert: null });
  });

  it('never count my own or deleted messages, nor mentions of someone else', () => {
    expect(onMessagePosted(message({ authorId: me, mentions: [me] }), viewer(), NO_BADGES).badges).toBe(NO_BADGES);
    expect(onMessagePosted(message({ deleted: true }), viewer(), NO_BADGES).badges).toBe(NO_BADGES);
    expect(onMessagePosted(message({ mentions: ['u_bob'] }), viewer(), NO_BADGES).alert).toBeNull();
  });
});

describe('raised hands', () => {
  it('toast each newly raised hand for the owner and mentors, with a badge on the people tab out of view', () => {
    const result = onHelpQueue([hand('u_bob')], [hand('u_bob'), hand('u_cy', 'stuck on 3b')], viewer({ role: 'mentor', tabInView: 'chat' }), NO_BADGES);
    expect(result.alerts).toEqual([{ kind: 'hand', name: 'cy', note: 'stuck on 3b' }]);
    expect(result.badges.people).toBe(1);
    const owner = onHelpQueue([], [hand('u_bob')], viewer({ role: 'owner', tabInView: 'people' }), NO_BADGES);
    expect(owner.alerts).toEqual([{ kind: 'hand', name: 'bob' }]);
    expect(owner.badges).toBe(NO_BADGES);
  });

  it('ignore members and viewers, the first queue after a join, my own hand and hands already known or lowered', () => {
    expect(onHelpQueue([], [hand('u_bob')], viewer({ role: 'member', tabInView: null }), NO_BADGES)).toEqual({ badges: NO_BADGES, alerts: [] });
    expect(onHelpQueue([], [hand('u_bob')], viewer({ role: 'viewer', tabInView: null }), NO_BADGES).alerts).toEqual([]);
    expect(onHelpQueue(null, [hand('u_bob')], viewer({ role: 'owner', tabInView: null }), NO_BADGES).alerts).toEqual([]);
    expect(onHelpQueue([], [hand(me)], viewer({ role: 'mentor', tabInView: null }), NO_BADGES).alerts).toEqual([]);
    expect(onHelpQueue([hand('u_bob'), hand('u_cy')], [hand('u_cy')], viewer({ role: 'owner', tabInView: null }), NO_BADGES)).toEqual({ badges: NO_BADGES, alerts: [] });
  });
});

describe('sprint updates', () => {
  it('toast a start, a new phase, the end and a stop, but not pauses, extensions or goals', () => {
    const toasts: SprintChange[] = ['started', 'phaseChanged', 'finished', 'stopped'];
    for (const change of toasts) expect(onSprintUpdated(change, sprint)).toEqual({ kind: 'phase', sprint, change });
    const quiet: SprintChange[] = ['paused', 'resumed', 'extended', 'rulesChanged', 'participantsChanged'];
    for (const change of quiet) expect(onSprintUpdated(change, sprint)).toBeNull();
  });
});

describe('tabs in view', () => {
  it('clear only the badge of the tab that comes into view', () => {
    const badges = { people: 2, chat: 5, resources: 0 };
    expect(onTabInView('chat', badges)).toEqual({ people: 2, chat: 0, resources: 0 });
    expect(onTabInView(null, badges)).toBe(badges);
    expect(onTabInView('resources', badges)).toBe(badges);
  });
});
