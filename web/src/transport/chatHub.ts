import type {
  ChatMessage,
  ChatMessageEvent,
  ChatUnread,
  DeleteMessageRequest,
  EditMessageRequest,
  LoadMessagesRequest,
  LoadMessagesResult,
  MarkReadRequest,
  PostMessageRequest,
  ReactToMessageRequest,
  SearchMessagesRequest,
  SearchMessagesResult,
  SetTypingRequest,
  TypingChanged,
} from '../protocol';

/** What the chat hears from the room connection (docs/protocol.md, "Chat"). */
export interface ChatHandlers {
  messagePosted(event: ChatMessageEvent): void;
  messageEdited(event: ChatMessageEvent): void;
  messageDeleted(event: ChatMessageEvent): void;
  reactionsChanged(event: ChatMessageEvent): void;
  typingChanged(event: TypingChanged): void;
}

/** The chat half of the room hub; reliable calls answer or reject with "CODE: reason" (P-ERR-1). */
export interface ChatTransport {
  readonly isConnected: boolean;
  postMessage(request: PostMessageRequest): Promise<ChatMessage>;
  editMessage(request: EditMessageRequest): Promise<ChatMessage>;
  deleteMessage(request: DeleteMessageRequest): Promise<ChatMessage>;
  reactToMessage(request: ReactToMessageRequest): Promise<ChatMessage>;
  loadMessages(request: LoadMessagesRequest): Promise<LoadMessagesResult>;
  searchMessages(request: SearchMessagesRequest): Promise<SearchMessagesResult>;
  markRead(request: MarkReadRequest): Promise<ChatUnread>;
  /** Volatile: fire and forget, dropped while not connected (P-CHAT-14). */
  setTyping(request: SetTypingRequest): void;
  /** Starts delivering chat events to `handlers`; returns the unsubscribe function. */
  subscribe(handlers: ChatHandlers): () => void;
}
