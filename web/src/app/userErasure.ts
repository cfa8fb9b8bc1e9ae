// What an open page does with `UserErased` (docs/protocol.md P-ACCT-5): the user's name gives way to
// the marker the server now stores in their place (P-ACCT-4), so the page reads as a reload would.
import { DELETED_USER_ID, DELETED_USER_NAME, type ChatMessage, type ResourceItem } from '../protocol';

/** The message as the server keeps it after the user's deletion: author and deleter become the marker, their mentions and reactions go. */
export function eraseFromMessage(message: ChatMessage, userId: string): ChatMessage {
  const authored = message.authorId === userId;
  const deleted = message.deletedBy === userId;
  const mentioned = message.mentions.includes(userId);
  const reacted = message.reactions.some((r) => r.userIds.includes(userId));
  if (!authored && !deleted && !mentioned && !reacted) return message;
  return {
    ...message,
    authorId: authored ? DELETED_USER_ID : message.authorId,
    authorName: authored ? DELETED_USER_NAME : message.authorName,
    deletedBy: deleted ? DELETED_USER_ID : message.deletedBy,
    mentions: mentioned ? message.mentions.filter((id) => id !== userId) : message.mentions,
    reactions: reacted
      ? message.reactions.map((r) => ({ ...r, userIds: r.userIds.filter((id) => id !== userId) })).filter((r) => r.userIds.length > 0)
      : message.reactions,
  };
}

/** Every message of a list without the user. */
export function eraseFromMessages(messages: readonly ChatMessage[], userId: string): ChatMessage[] {
  return messages.map((m) => eraseFromMessage(m, userId));
}

/** Shelf items the user pinned show the marker as who added them. */
export function eraseFromResources(items: readonly ResourceItem[], userId: string): ResourceItem[] {
  return items.map((item) => (item.addedBy === userId ? { ...item, addedBy: DELETED_USER_ID, addedByName: DELETED_USER_NAME } : item));
}
