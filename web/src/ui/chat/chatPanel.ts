// The room's chat beside the board: timeline with load-older on scroll, threads, reactions, edit
// and delete, @mentions, typing indicator, unread badge and search (docs/protocol.md "Chat").
// It talks to the session's chat transport only; every piece of user text is rendered as text.
import { parseMentions } from '../../chat/mentions';
import {
  countReply,
  countUnread,
  hasSeq,
  mentionsMe,
  mergeMessages,
  newClientMessageId,
  settlePending,
  type PendingMessage,
} from '../../chat/messageList';
import { TypingSender, TypingTracker, typingText } from '../../chat/typing';
import type { RoomSession } from '../../app/roomSession';
import { eraseFromMessage, eraseFromMessages } from '../../app/userErasure';
import { MAX_MESSAGE_LENGTH, parseProtocolError, type ChatMessage, type ChatMessageEvent } from '../../protocol';
import type { ChatTransport } from '../../transport/chatHub';
import { authorLabel } from '../authorLabel';
import { h } from '../dom';
import { renderMessage, renderText, type MessageViewContext } from './chatMessageView';
import { chatStrings } from './chatStrings';

/** Messages per page (P-CHAT-11). */
export const CHAT_PAGE_SIZE = 50;
/** Load older messages when the list is scrolled this close to its top. */
const LOAD_OLDER_THRESHOLD_PX = 48;
/** How close to the bottom counts as "reading the newest". */
const AT_BOTTOM_PX = 24;
const MENTION_NOTICE_MS = 8_000;

interface ThreadState {
  root: ChatMessage;
  replies: ChatMessage[];
  hasMore: boolean;
}

/** A mounted chat panel. */
export interface ChatPanel {
  readonly element: HTMLElement;
  /** The panel came into view (its tab was chosen): show the newest and count them read. */
  shown(): void;
  dispose(): void;
}

/** Builds the chat panel of a room session. */
export function createChatPanel(session: RoomSession): ChatPanel {
  const chat: ChatTransport | undefined = session.chat;
  const roomId = session.roomId;
  let timeline: ChatMessage[] = [];
  let hasMore = false;
  let loadingOlder = false;
  let pending: PendingMessage[] = [];
  let thread: ThreadState | null = null;
  let lastReadSeq = 0;
  let markingRead = false;
  const typing = new TypingTracker();
  const typingSender = new TypingSender();
  let mentionTimer: ReturnType<typeof setTimeout> | null = null;

  // DOM
  const unreadBadge = h('span', { class: 'chat-unread', 'data-testid': 'chat-unread', hidden: true, 'aria-live': 'polite' });
  const searchInput = h('input', { type: 'search', class: 'chat-search', 'data-testid': 'chat-search', placeholder: chatStrings.search, 'aria-label': chatStrings.search, maxlength: 100 });
  const searchResults = h('ul', { class: 'chat-search-results', 'data-testid': 'chat-search-results', hidden: true });
  const mentionNotice = h('div', { class: 'chat-mention-notice', 'data-testid': 'chat-mention-notice', role: 'status', hidden: true });
  const list = h('ol', { class: 'chat-list', 'data-testid': 'chat-messages', 'aria-label': chatStrings.heading, 'data-count': 0 });
  const listBox = h('div', { class: 'chat-scroll' }, list);
  const typingLine = h('div', { class: 'chat-typing', 'data-testid': 'chat-typing', 'aria-live': 'polite' });
  const error = h('div', { class: 'chat-error', 'data-testid': 'chat-error', role: 'alert' });
  const input = h('textarea', { class: 'chat-input', 'data-testid': 'chat-input', rows: 2, placeholder: chatStrings.placeholder, 'aria-label': chatStrings.placeholder });
  const send = h('button', { type: 'submit', class: 'button chat-send', 'data-testid': 'chat-send' }, chatStrings.send);
  const composer = h('form', { class: 'chat-composer' }, input, send);

  const threadList = h('ol', { class: 'chat-list', 'data-testid': 'chat-thread-messages' });
  const threadRoot = h('div', { class: 'chat-thread-root' });
  const threadInput = h('textarea', { class: 'chat-input', 'data-testid': 'chat-thread-input', rows: 2, placeholder: chatStrings.threadPlaceholder, 'aria-label': chatStrings.threadPlaceholder });
  const threadSend = h('button', { type: 'submit', class: 'button chat-send', 'data-testid': 'chat-thread-send' }, chatStrings.send);
  const threadClose = h('button', { type: 'button', class: 'link-button', 'data-testid': 'chat-thread-close' }, chatStrings.close);
  const threadComposer = h('form', { class: 'chat-composer' }, threadInput, threadSend);
  const threadPane = h('section', { class: 'chat-thread', 'data-testid': 'chat-thread', hidden: true, 'aria-label': chatStrings.thread },
    h('div', { class: 'chat-thread-head' }, h('h3', {}, chatStrings.thread), threadClose),
    threadRoot, h('div', { class: 'chat-scroll' }, threadList), threadComposer);

  const element = h('section', { class: 'chat-panel', 'data-testid': 'chat-panel', 'aria-labelledby': 'chat-heading' },
    h('div', { class: 'chat-head' }, h('h2', { id: 'chat-heading' }, chatStrings.heading), unreadBadge),
    searchInput, searchResults, mentionNotice, listBox, typingLine, error, composer, threadPane);

  // Who may do what (docs/permissions.md); the server decides, this only hides what it would refuse.
  const selfRole = (): string | undefined => (session.participants.self as { role?: string } | undefined)?.role;
  const canWrite = (): boolean => {
    const role = selfRole();
    if (role === 'viewer') return false;
    return (session.room as { readOnly?: boolean } | null)?.readOnly !== true || role === 'mentor' || role === 'owner';
  };
  const context = (inThread: boolean): MessageViewContext => ({
    selfId: session.selfUserId,
    canModerate: selfRole() === 'mentor' || selfRole() === 'owner',
    canWrite: canWrite(),
    mentionNames: session.participants.list().map((p) => p.displayName),
    inThread,
    react: (message, emoji) => void call(() => chat?.reactToMessage({ roomId, seq: message.seq, emoji }), applyUpdate),
    openThread: (message) => void openThread(message),
    edit: (message, text) =>
      void call(() => chat?.editMessage({ roomId, seq: message.seq, text, mentions: mentionsIn(text) }), applyUpdate),
    remove: (message) => {
      if (window.confirm(chatStrings.confirmDelete)) void call(() => chat?.deleteMessage({ roomId, seq: message.seq }), applyUpdate);
    },
  });

  function mentionsIn(text: string): string[] {
    return parseMentions(text, session.participants.list()).filter((id) => id !== session.selfUserId);
  }

  function atBottom(box: HTMLElement): boolean {
    return box.scrollHeight - box.scrollTop - box.clientHeight <= AT_BOTTOM_PX;
  }

  // Rendering
  function render(): void {
    const stick = atBottom(listBox);
    const fromBottom = listBox.scrollHeight - listBox.scrollTop;
    list.replaceChildren();
    list.append(h('li', { class: 'chat-beginning' }, hasMore ? (loadingOlder ? chatStrings.loadingOlder : '') : chatStrings.beginning));
    const ctx = context(false);
    for (const message of timeline) list.append(renderMessage(message, ctx));
    for (const p of pending.filter((m) => m.threadRootSeq === undefined)) list.append(renderPending(p));
    list.dataset.count = String(timeline.length);
    list.dataset.hasMore = String(hasMore);
    // Keep the reader where they were: at the bottom when they were, else at the same distance from it.
    listBox.scrollTop = stick ? listBox.scrollHeight : listBox.scrollHeight - fromBottom;
    composer.hidden = !canWrite();
    renderUnread();
    renderThread();
  }

  function renderPending(p: PendingMessage): HTMLLIElement {
    const item = h('li', { class: 'chat-message chat-pending', 'data-testid': 'chat-pending', 'data-state': p.state },
      h('div', { class: 'chat-meta' }, h('span', { class: 'chat-author' }, session.participants.self?.displayName ?? ''),
        h('span', { class: 'chat-pending-state' }, p.state === 'sending' ? chatStrings.sending : chatStrings.failed)));
    const text = h('div', { class: 'chat-text' });
    text.append(renderText(p.text, []));
    item.append(text);
    if (p.state === 'failed') {
      const retry = h('button', { type: 'button', class: 'chat-action', 'data-testid': 'chat-retry' }, chatStrings.retry);
      const discard = h('button', { type: 'button', class: 'chat-action' }, chatStrings.discard);
      retry.addEventListener('click', () => void sendPending(p));
      discard.addEventListener('click', () => {
        pending = pending.filter((q) => q.clientMessageId !== p.clientMessageId);
        render();
      });
      item.append(h('div', { class: 'chat-actions' }, retry, discard));
    }
    return item;
  }

  function renderThread(): void {
    threadPane.hidden = thread === null;
    if (thread === null) return;
    const ctx = context(true);
    threadRoot.replaceChildren(renderMessage(thread.root, { ...ctx, inThread: true }));
    threadList.replaceChildren(...thread.replies.map((m) => renderMessage(m, ctx)),
      ...pending.filter((p) => p.threadRootSeq === thread?.root.seq).map(renderPending));
    threadComposer.hidden = !canWrite();
  }

  function renderUnread(): void {
    const count = countUnread(timeline, lastReadSeq, session.selfUserId);
    unreadBadge.hidden = count === 0;
    unreadBadge.textContent = count > 99 ? '99+' : String(count);
    unreadBadge.title = chatStrings.unread(count);
    unreadBadge.dataset.count = String(count);
  }

  function renderTyping(): void {
    typingLine.textContent = typingText(typing.names(Date.now()));
  }

  function showError(reason: string): void {
    error.textContent = reason;
  }

  // Server calls
  async function call<T>(run: () => Promise<T> | undefined, then: (value: T) => void): Promise<boolean> {
    try {
      const promise = run();
      if (promise === undefined) return false;
      then(await promise);
      showError('');
      return true;
    } catch (e) {
      const refusal = parseProtocolError(e);
      showError(refusal !== null ? `${refusal.code}: ${refusal.reason}` : String(e));
      return false;
    }
  }

  function applyUpdate(message: ChatMessage): void {
    if (message.threadRootSeq === null || message.threadRootSeq === undefined) {
      timeline = mergeMessages(timeline, [message]);
      if (thread?.root.seq === message.seq) thread.root = message;
    } else if (thread?.root.seq === message.threadRootSeq) {
      thread.replies = mergeMessages(thread.replies, [message]);
    }
    render();
  }

  function applyPosted(message: ChatMessage): void {
    const isReply = message.threadRootSeq !== null && message.threadRootSeq !== undefined;
    if (isReply) {
      const known = thread !== null && hasSeq(thread.replies, message.seq);
      timeline = countReply(timeline, message, known);
      if (thread?.root.seq === message.threadRootSeq) {
        thread.root = countReply([thread.root], message, known)[0] ?? thread.root;
        thread.replies = mergeMessages(thread.replies, [message]);
      }
    } else {
      timeline = mergeMessages(timeline, [message]);
    }
    pending = settlePending(pending, [message], session.selfUserId);
    typing.remove(message.authorId);
    renderTyping();
  }

  async function loadNewest(): Promise<void> {
    if (chat === undefined) return;
    await call(() => chat.loadMessages({ roomId, limit: CHAT_PAGE_SIZE }), (page) => {
      // After a reconnect the newest page may not reach what we hold: then start over from it.
      const first = page.messages[0];
      const contiguous = first === undefined || timeline.length === 0 || hasSeq(timeline, first.seq) || (timeline.at(-1)?.seq ?? 0) >= first.seq;
      timeline = contiguous ? mergeMessages(timeline, page.messages) : [...page.messages];
      if (!contiguous || timeline.length === page.messages.length) hasMore = page.hasMore;
      lastReadSeq = Math.max(lastReadSeq, page.unread.lastReadSeq);
      pending = settlePending(pending, page.messages, session.selfUserId);
      render();
      listBox.scrollTop = listBox.scrollHeight;
    });
    if (thread !== null) await openThread(thread.root);
    // Messages typed while offline go out now, with their ids, so none is stored twice (P-CHAT-4).
    for (const p of pending) await sendPending(p);
    markReadIfReading();
  }

  async function loadOlder(): Promise<void> {
    const first = timeline[0];
    if (chat === undefined || loadingOlder || !hasMore || first === undefined) return;
    loadingOlder = true;
    render();
    await call(() => chat.loadMessages({ roomId, beforeSeq: first.seq, limit: CHAT_PAGE_SIZE }), (page) => {
      timeline = mergeMessages(timeline, page.messages);
      hasMore = page.hasMore;
    });
    loadingOlder = false;
    render();
  }

  async function openThread(root: ChatMessage): Promise<void> {
    if (chat === undefined) return;
    await call(() => chat.loadMessages({ roomId, threadRootSeq: root.seq, limit: 100 }), (page) => {
      thread = { root: page.root ?? root, replies: [...page.messages], hasMore: page.hasMore };
      render();
      threadInput.focus();
    });
  }

  async function sendPending(p: PendingMessage): Promise<void> {
    if (chat === undefined || !chat.isConnected || !session.isJoined) return;
    pending = pending.map((q) => (q.clientMessageId === p.clientMessageId ? { ...q, state: 'sending' } : q));
    render();
    const sent = await call(
      () => chat.postMessage({
        roomId,
        clientMessageId: p.clientMessageId,
        text: p.text,
        mentions: p.mentions,
        ...(p.threadRootSeq !== undefined ? { threadRootSeq: p.threadRootSeq } : {}),
      }),
      (message) => {
        applyPosted(message);
        markRead(message.seq);
      },
    );
    if (!sent) {
      pending = pending.map((q) => (q.clientMessageId === p.clientMessageId ? { ...q, state: 'failed', error: error.textContent } : q));
    }
    render();
  }

  function submit(box: HTMLTextAreaElement, threadRootSeq: number | undefined): void {
    const text = box.value;
    if (text.trim().length === 0) return;
    if (text.length > MAX_MESSAGE_LENGTH) {
      showError(chatStrings.tooLong(text.length, MAX_MESSAGE_LENGTH));
      return;
    }
    box.value = '';
    const signal = typingSender.stop();
    if (signal !== null) chat?.setTyping({ roomId, typing: signal });
    const p: PendingMessage = {
      clientMessageId: newClientMessageId(),
      text,
      mentions: mentionsIn(text),
      state: 'sending',
      ...(threadRootSeq !== undefined ? { threadRootSeq } : {}),
    };
    pending = [...pending, p];
    listBox.scrollTop = listBox.scrollHeight;
    void sendPending(p);
  }

  // Unread (P-CHAT-12): what arrives while the newest messages are in view and the tab is visible is read.
  function markReadIfReading(): void {
    const newest = timeline.at(-1)?.seq ?? 0;
    // A hidden panel (another tab chosen, a closed sheet) has no box and would always look "at the bottom".
    const inView = listBox.getClientRects().length > 0;
    if (newest > lastReadSeq && inView && atBottom(listBox) && document.visibilityState === 'visible') markRead(newest);
  }

  function markRead(seq: number): void {
    if (chat === undefined || seq <= lastReadSeq || markingRead) return;
    lastReadSeq = seq;
    renderUnread();
    markingRead = true;
    void call(() => chat.markRead({ roomId, seq }), (unread) => {
      lastReadSeq = Math.max(lastReadSeq, unread.lastReadSeq);
    }).finally(() => {
      markingRead = false;
      renderUnread();
    });
  }

  function showMention(message: ChatMessage): void {
    mentionNotice.replaceChildren(h('strong', {}, chatStrings.mentioned(message.authorName)), ': ');
    mentionNotice.append(renderText(message.text.length > 140 ? message.text.slice(0, 140) + '…' : message.text, []));
    mentionNotice.hidden = false;
    if (mentionTimer !== null) clearTimeout(mentionTimer);
    mentionTimer = setTimeout(() => {
      mentionNotice.hidden = true;
    }, MENTION_NOTICE_MS);
  }

  // Search (P-CHAT-13)
  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  async function search(query: string, beforeSeq?: number): Promise<void> {
    if (chat === undefined) return;
    if (query.trim().length === 0) {
      searchResults.hidden = true;
      searchResults.replaceChildren();
      return;
    }
    await call(() => chat.searchMessages({ roomId, query, ...(beforeSeq !== undefined ? { beforeSeq } : {}) }), (result) => {
      if (beforeSeq === undefined) searchResults.replaceChildren();
      searchResults.querySelector('.chat-search-more')?.remove();
      for (const m of result.messages) {
        const item = h('li', { class: 'chat-search-result', 'data-testid': 'chat-search-result', 'data-seq': m.seq, tabindex: 0 },
          h('span', { class: 'chat-author' }, authorLabel(m.authorId, m.authorName)), ' ');
        item.append(renderText(m.text, []));
        const root = m.threadRootSeq;
        item.addEventListener('click', () => {
          if (root !== null && root !== undefined) {
            const inTimeline = timeline.find((t) => t.seq === root);
            if (inTimeline !== undefined) void openThread(inTimeline);
          } else {
            list.querySelector(`[data-seq="${String(m.seq)}"]`)?.scrollIntoView({ block: 'center' });
          }
        });
        searchResults.append(item);
      }
      if (searchResults.childElementCount === 0) searchResults.append(h('li', { class: 'chat-search-empty' }, chatStrings.searchEmpty));
      if (result.hasMore && result.nextBeforeSeq !== null && result.nextBeforeSeq !== undefined) {
        const next = result.nextBeforeSeq;
        const more = h('li', { class: 'chat-search-more' }, h('button', { type: 'button', class: 'link-button' }, chatStrings.searchMore));
        more.addEventListener('click', () => void search(query, next));
        searchResults.append(more);
      }
      searchResults.hidden = false;
    });
  }

  // Wiring
  const onEvent = (apply: (message: ChatMessage) => void) => (event: ChatMessageEvent): void => {
    if (event.roomId !== roomId) return;
    apply(event.message);
  };
  const unsubscribe = chat?.subscribe({
    messagePosted: onEvent((message) => {
      applyPosted(message);
      if (mentionsMe(message, session.selfUserId)) showMention(message);
      render();
      markReadIfReading();
    }),
    messageEdited: onEvent(applyUpdate),
    messageDeleted: onEvent(applyUpdate),
    reactionsChanged: onEvent(applyUpdate),
    typingChanged: (event) => {
      if (event.roomId !== roomId || event.userId === session.selfUserId) return;
      typing.apply(event, Date.now());
      renderTyping();
    },
  });
  const typingTick = setInterval(renderTyping, 1_000);

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(input, undefined);
  });
  threadComposer.addEventListener('submit', (event) => {
    event.preventDefault();
    if (thread !== null) submit(threadInput, thread.root.seq);
  });
  for (const [box, form] of [[input, composer], [threadInput, threadComposer]] as const) {
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    box.addEventListener('input', () => {
      const signal = typingSender.input(box.value.trim().length === 0, Date.now());
      if (signal !== null) chat?.setTyping({ roomId, typing: signal, ...(form === threadComposer && thread !== null ? { threadRootSeq: thread.root.seq } : {}) });
      if (box.value.length > MAX_MESSAGE_LENGTH) showError(chatStrings.tooLong(box.value.length, MAX_MESSAGE_LENGTH));
      else if (error.textContent.startsWith('MESSAGE_TOO_LONG')) showError('');
    });
    box.addEventListener('blur', () => {
      const signal = typingSender.stop();
      if (signal !== null) chat?.setTyping({ roomId, typing: signal });
    });
  }
  threadClose.addEventListener('click', () => {
    thread = null;
    render();
  });
  listBox.addEventListener('scroll', () => {
    if (listBox.scrollTop <= LOAD_OLDER_THRESHOLD_PX) void loadOlder();
    markReadIfReading();
  });
  searchInput.addEventListener('input', () => {
    if (searchTimer !== null) clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void search(searchInput.value), 250);
  });
  searchInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      searchInput.value = '';
      void search('');
    }
  });
  const onVisibility = (): void => markReadIfReading();
  document.addEventListener('visibilitychange', onVisibility);
  // Every (re)join: the newest page, then any unsent messages.
  const unsubscribeRoom = session.events.on('room', () => void loadNewest());
  const unsubscribeParticipants = session.events.on('participants', () => render());
  // A deleted account's messages show the marker at once, as after a reload (P-ACCT-5).
  const unsubscribeErased = session.events.on('userErased', (e) => {
    timeline = eraseFromMessages(timeline, e.userId);
    if (thread !== null) thread = { ...thread, root: eraseFromMessage(thread.root, e.userId), replies: eraseFromMessages(thread.replies, e.userId) };
    render();
  });

  render();
  return {
    element,
    shown() {
      listBox.scrollTop = listBox.scrollHeight;
      markReadIfReading();
    },
    dispose() {
      unsubscribe?.();
      unsubscribeRoom();
      unsubscribeParticipants();
      unsubscribeErased();
      clearInterval(typingTick);
      if (searchTimer !== null) clearTimeout(searchTimer);
      if (mentionTimer !== null) clearTimeout(mentionTimer);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
