// The chat methods and callbacks of the room hub over the room page's one SignalR connection.
import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import {
  ChatCallbacks,
  ChatMethods,
  type ChatMessage,
  type ChatMessageEvent,
  type ChatUnread,
  type DeleteMessageRequest,
  type EditMessageRequest,
  type LoadMessagesRequest,
  type LoadMessagesResult,
  type MarkReadRequest,
  type PostMessageRequest,
  type ReactToMessageRequest,
  type SearchMessagesRequest,
  type SearchMessagesResult,
  type SetTypingRequest,
  type TypingChanged,
} from '../protocol';
import type { ChatHandlers, ChatTransport } from './chatHub';

/** Chat over an existing hub connection (the room's); it neither starts nor stops it. */
export class ChatConnection implements ChatTransport {
  constructor(private readonly connection: HubConnection) {}

  get isConnected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  postMessage(request: PostMessageRequest): Promise<ChatMessage> {
    return this.connection.invoke<ChatMessage>(ChatMethods.postMessage, request);
  }

  editMessage(request: EditMessageRequest): Promise<ChatMessage> {
    return this.connection.invoke<ChatMessage>(ChatMethods.editMessage, request);
  }

  deleteMessage(request: DeleteMessageRequest): Promise<ChatMessage> {
    return this.connection.invoke<ChatMessage>(ChatMethods.deleteMessage, request);
  }

  reactToMessage(request: ReactToMessageRequest): Promise<ChatMessage> {
    return this.connection.invoke<ChatMessage>(ChatMethods.reactToMessage, request);
  }

  loadMessages(request: LoadMessagesRequest): Promise<LoadMessagesResult> {
    return this.connection.invoke<LoadMessagesResult>(ChatMethods.loadMessages, request);
  }

  searchMessages(request: SearchMessagesRequest): Promise<SearchMessagesResult> {
    return this.connection.invoke<SearchMessagesResult>(ChatMethods.searchMessages, request);
  }

  markRead(request: MarkReadRequest): Promise<ChatUnread> {
    return this.connection.invoke<ChatUnread>(ChatMethods.markRead, request);
  }

  setTyping(request: SetTypingRequest): void {
    if (!this.isConnected) return;
    this.connection.send(ChatMethods.setTyping, request).catch((error: unknown) => {
      // Volatile: a lost typing signal only delays or shortens a peer's indicator.
      console.debug('StudyRooms: typing not sent', error);
    });
  }

  subscribe(handlers: ChatHandlers): () => void {
    const c = this.connection;
    const posted = (e: ChatMessageEvent): void => handlers.messagePosted(e);
    const edited = (e: ChatMessageEvent): void => handlers.messageEdited(e);
    const deleted = (e: ChatMessageEvent): void => handlers.messageDeleted(e);
    const reactions = (e: ChatMessageEvent): void => handlers.reactionsChanged(e);
    const typing = (e: TypingChanged): void => handlers.typingChanged(e);
    c.on(ChatCallbacks.messagePosted, posted);
    c.on(ChatCallbacks.messageEdited, edited);
    c.on(ChatCallbacks.messageDeleted, deleted);
    c.on(ChatCallbacks.reactionsChanged, reactions);
    c.on(ChatCallbacks.typingChanged, typing);
    return () => {
      c.off(ChatCallbacks.messagePosted, posted);
      c.off(ChatCallbacks.messageEdited, edited);
      c.off(ChatCallbacks.messageDeleted, deleted);
      c.off(ChatCallbacks.reactionsChanged, reactions);
      c.off(ChatCallbacks.typingChanged, typing);
    };
  }
}
