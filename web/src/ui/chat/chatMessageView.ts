// One chat message as DOM. Text is text (P-CHAT-10): every piece of user text goes in through a
// text node or textContent; links are <a> elements built here for http(s) URLs only.
import { linkify, markMentions, type TextSegment } from '../../chat/linkify';
import { mentionsMe } from '../../chat/messageList';
import type { ChatMessage } from '../../protocol';
import { authorLabel } from '../authorLabel';
import { h } from '../dom';
import { chatStrings, QUICK_REACTIONS } from './chatStrings';

/** What a message view may do, and the facts it needs. */
export interface MessageViewContext {
  readonly selfId: string | undefined;
  /** Mentors and the owner delete any message (P-CHAT-7). */
  readonly canModerate: boolean;
  /** Members and above write (P-CHAT-6). */
  readonly canWrite: boolean;
  /** Names to mark as @mentions in the text. */
  readonly mentionNames: readonly string[];
  /** Whether the view offers "Reply" (not inside a thread). */
  readonly inThread: boolean;
  react(message: ChatMessage, emoji: string): void;
  openThread(message: ChatMessage): void;
  edit(message: ChatMessage, text: string): void;
  remove(message: ChatMessage): void;
}

/** The segments of a message's text as nodes: text nodes, links and mention spans. */
export function renderText(text: string, mentionNames: readonly string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of markMentions(linkify(text), mentionNames)) fragment.appendChild(segmentNode(segment));
  return fragment;
}

function segmentNode(segment: TextSegment): Node {
  switch (segment.kind) {
    case 'text':
      return document.createTextNode(segment.text);
    case 'mention':
      return h('span', { class: 'chat-mention' }, segment.text);
    case 'link': {
      const a = h('a', { class: 'chat-link', target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'chat-link' });
      a.href = segment.href;
      a.textContent = segment.text;
      return a;
    }
  }
}

/** Builds the list item of a message. */
export function renderMessage(message: ChatMessage, context: MessageViewContext): HTMLLIElement {
  const mine = message.authorId === context.selfId;
  const item = h('li', {
    class: 'chat-message',
    'data-testid': 'chat-message',
    'data-seq': message.seq,
    'data-author-id': message.authorId,
    'data-deleted': String(message.deleted),
    'data-mentions-me': String(mentionsMe(message, context.selfId)),
  });
  const time = new Date(message.createdAt);
  item.append(
    h('div', { class: 'chat-meta' },
      h('span', { class: 'chat-author', 'data-testid': 'chat-author' }, authorLabel(message.authorId, message.authorName)),
      h('time', { class: 'chat-time', datetime: message.createdAt, title: time.toLocaleString() }, time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })),
      message.editedAt !== null && message.editedAt !== undefined && !message.deleted && h('span', { class: 'chat-edited' }, chatStrings.edited)),
  );

  if (message.deleted) {
    item.append(h('div', { class: 'chat-text chat-deleted', 'data-testid': 'chat-text' }, chatStrings.deleted));
    return item;
  }

  const text = h('div', { class: 'chat-text', 'data-testid': 'chat-text' });
  text.append(renderText(message.text, context.mentionNames));
  item.append(text);

  if (message.reactions.length > 0) {
    const reactions = h('div', { class: 'chat-reactions' });
    for (const reaction of message.reactions) {
      const pressed = context.selfId !== undefined && reaction.userIds.includes(context.selfId);
      const button = h('button', {
        type: 'button',
        class: 'chat-reaction',
        'data-testid': 'chat-reaction',
        'data-emoji': reaction.emoji,
        'aria-pressed': String(pressed),
        disabled: !context.canWrite,
      }, `${reaction.emoji} ${reaction.userIds.length}`);
      button.addEventListener('click', () => context.react(message, reaction.emoji));
      reactions.append(button);
    }
    item.append(reactions);
  }

  if (!context.inThread && message.replyCount > 0) {
    // A thread's size stays in view (the other actions show on hover or focus).
    const replies = h('button', { type: 'button', class: 'link-button chat-thread-link', 'data-testid': 'chat-reply' }, chatStrings.replies(message.replyCount));
    replies.addEventListener('click', () => context.openThread(message));
    item.append(replies);
  }

  const actions = h('div', { class: 'chat-actions' });
  if (context.canWrite) {
    for (const emoji of QUICK_REACTIONS) {
      const button = h('button', { type: 'button', class: 'chat-action chat-quick-reaction', 'aria-label': chatStrings.react(emoji), 'data-testid': 'chat-react', 'data-emoji': emoji }, emoji);
      button.addEventListener('click', () => context.react(message, emoji));
      actions.append(button);
    }
  }
  if (!context.inThread && context.canWrite && message.replyCount === 0) {
    const reply = h('button', { type: 'button', class: 'chat-action', 'data-testid': 'chat-reply' }, chatStrings.reply);
    reply.addEventListener('click', () => context.openThread(message));
    actions.append(reply);
  }
  if (mine && context.canWrite) {
    const edit = h('button', { type: 'button', class: 'chat-action', 'data-testid': 'chat-edit' }, chatStrings.edit);
    edit.addEventListener('click', () => startEdit(item, text, message, context));
    actions.append(edit);
  }
  if ((mine && context.canWrite) || context.canModerate) {
    const remove = h('button', { type: 'button', class: 'chat-action chat-danger', 'data-testid': 'chat-delete' }, chatStrings.delete);
    remove.addEventListener('click', () => context.remove(message));
    actions.append(remove);
  }
  item.append(actions);
  return item;
}

function startEdit(item: HTMLElement, text: HTMLElement, message: ChatMessage, context: MessageViewContext): void {
  const input = h('textarea', { class: 'chat-edit-input', 'data-testid': 'chat-edit-input', rows: 2, 'aria-label': chatStrings.edit });
  input.value = message.text;
  const save = h('button', { type: 'button', class: 'button', 'data-testid': 'chat-edit-save' }, chatStrings.save);
  const cancel = h('button', { type: 'button', class: 'link-button' }, chatStrings.cancel);
  const editor = h('div', { class: 'chat-editor' }, input, h('div', { class: 'chat-editor-buttons' }, save, cancel));
  const finish = (): void => {
    editor.remove();
    text.hidden = false;
  };
  const commit = (): void => {
    const value = input.value;
    finish();
    if (value !== message.text && value.trim().length > 0) context.edit(message, value);
  };
  save.addEventListener('click', commit);
  cancel.addEventListener('click', finish);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      finish();
    }
  });
  text.hidden = true;
  text.after(editor);
  input.focus();
  item.dataset.editing = 'true';
}
