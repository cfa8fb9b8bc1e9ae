// Chat wire types (docs/protocol.md, "Chat", P-CHAT-1..14).

/** Chat hub method names (client → server). */
export const ChatMethods = {
  postMessage: 'PostMessage',
  editMessage: 'EditMessage',
  deleteMessage: 'DeleteMessage',
  reactToMessage: 'ReactToMessage',
  loadMessages: 'LoadMessages',
  searchMessages: 'SearchMessages',
  markRead: 'MarkRead',
  setTyping: 'SetTyping',
} as const;

/** Chat callback names (server → client). */
export const ChatCallbacks = {
  messagePosted: 'MessagePosted',
  messageEdited: 'MessageEdited',
  messageDeleted: 'MessageDeleted',
  reactionsChanged: 'ReactionsChanged',
  typingChanged: 'TypingChanged',
} as const;

/** Longest message text in UTF-16 code units (P-CHAT-6). */
export const MAX_MESSAGE_LENGTH = 4_000;

/** One emoji on a message and who put it there (P-CHAT-8). */
export interface ChatReaction {
  readonly emoji: string;
  readonly userIds: readonly string[];
}

/** A chat message; `seq` is its id (P-CHAT-1). Absent members are null on the server (P-VER-4). */
export interface ChatMessage {
  readonly seq: number;
  readonly authorId: string;
  readonly authorName: string;
  readonly clientMessageId: string;
  readonly text: string;
  readonly threadRootSeq?: number | null;
  readonly mentions: readonly string[];
  readonly createdAt: string;
  readonly editedAt?: string | null;
  readonly deleted: boolean;
  readonly deletedBy?: string | null;
  readonly reactions: readonly ChatReaction[];
  readonly replyCount: number;
  readonly lastReplyAt?: string | null;
}

/** Argument of `PostMessage` (P-CHAT-4..6, P-CHAT-9). */
export interface PostMessageRequest {
  readonly roomId: string;
  readonly clientMessageId: string;
  readonly text: string;
  readonly threadRootSeq?: number;
  readonly mentions?: readonly string[];
}

/** Argument of `EditMessage` (P-CHAT-7). */
export interface EditMessageRequest {
  readonly roomId: string;
  readonly seq: number;
  readonly text: string;
  readonly mentions?: readonly string[];
}

/** Argument of `DeleteMessage` (P-CHAT-7). */
export interface DeleteMessageRequest {
  readonly roomId: string;
  readonly seq: number;
}

/** Argument of `ReactToMessage`: toggles the emoji (P-CHAT-8). */
export interface ReactToMessageRequest {
  readonly roomId: string;
  readonly seq: number;
  readonly emoji: string;
}

/** Argument of `LoadMessages` (P-CHAT-11). */
export interface LoadMessagesRequest {
  readonly roomId: string;
  readonly beforeSeq?: number;
  readonly threadRootSeq?: number;
  readonly limit?: number;
}

/** A user's read position and unread count (P-CHAT-12). */
export interface ChatUnread {
  readonly lastReadSeq: number;
  readonly count: number;
}

/** Answer of `LoadMessages`: a page oldest first (P-CHAT-11). */
export interface LoadMessagesResult {
  readonly messages: readonly ChatMessage[];
  readonly hasMore: boolean;
  readonly lastSeq: number;
  readonly root?: ChatMessage | null;
  readonly unread: ChatUnread;
}

/** Argument of `SearchMessages` (P-CHAT-13). */
export interface SearchMessagesRequest {
  readonly roomId: string;
  readonly query: string;
  readonly beforeSeq?: number;
  readonly limit?: number;
}

/** Answer of `SearchMessages`: matches newest first (P-CHAT-13). */
export interface SearchMessagesResult {
  readonly messages: readonly ChatMessage[];
  readonly hasMore: boolean;
  readonly nextBeforeSeq?: number | null;
}

/** Argument of `MarkRead` (P-CHAT-12). */
export interface MarkReadRequest {
  readonly roomId: string;
  readonly seq: number;
}

/** Argument of `SetTyping` (volatile, P-CHAT-14). */
export interface SetTypingRequest {
  readonly roomId: string;
  readonly typing: boolean;
  readonly threadRootSeq?: number;
}

/** Event of `MessagePosted`, `MessageEdited`, `MessageDeleted`, `ReactionsChanged` (P-CHAT-3). */
export interface ChatMessageEvent {
  readonly roomId: string;
  readonly message: ChatMessage;
}

/** Event of `TypingChanged` (P-CHAT-14). */
export interface TypingChanged {
  readonly roomId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly typing: boolean;
  readonly threadRootSeq?: number | null;
}
