using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>Chat methods of the room hub (docs/protocol.md "Chat"): reliable calls to the chat grain, and the volatile typing signal.</summary>
public sealed partial class RoomHub
{
    public Task<ChatMessage> PostMessage(PostMessageRequest? request) =>
        Chat(request?.RoomId).PostAsync(ChatActor(), request!);

    public Task<ChatMessage> EditMessage(EditMessageRequest? request) =>
        Chat(request?.RoomId).EditAsync(ChatActor(), request!);

    public Task<ChatMessage> DeleteMessage(DeleteMessageRequest? request) =>
        Chat(request?.RoomId).DeleteAsync(ChatActor(), request!);

    public Task<ChatMessage> ReactToMessage(ReactToMessageRequest? request) =>
        Chat(request?.RoomId).ReactAsync(ChatActor(), request!);

    public Task<LoadMessagesResult> LoadMessages(LoadMessagesRequest? request) =>
        Chat(request?.RoomId).LoadAsync(ChatActor(), request!);

    public Task<SearchMessagesResult> SearchMessages(SearchMessagesRequest? request) =>
        Chat(request?.RoomId).SearchAsync(ChatActor(), request!);

    public Task<ChatUnread> MarkRead(MarkReadRequest? request) =>
        Chat(request?.RoomId).MarkReadAsync(ChatActor(), request!);

    /// <summary>Moderation (P-CHAT-15): the room grain decides, like the other moderation acts.</summary>
    public Task MuteInChat(MuteInChatRequest? request) =>
        ModerateAsync(request?.RoomId, new(request?.Muted == false ? ModerationKind.UnmuteChat : ModerationKind.MuteChat, request?.UserId));

    /// <summary>Volatile (P-CHAT-14): relayed to the others in the room, never stored; over budget it is dropped.</summary>
    [VolatileHubMethod]
    public async Task SetTyping(SetTypingRequest? request)
    {
        if (!ConnectionRooms.Of(Context, time).Contains(request?.RoomId) || !TypingBudget.Of(Context, time).TryTake())
        {
            return;
        }

        var user = StudyRoomsUser.From(Context.User);
        await Clients.OthersInGroup(RoomGroups.For(request!.RoomId!)).TypingChanged(new TypingChanged
        {
            RoomId = request.RoomId!,
            UserId = user.UserId,
            DisplayName = user.DisplayName,
            Typing = request.Typing,
            ThreadRootSeq = request.ThreadRootSeq is > 0 ? request.ThreadRootSeq : null,
        });
    }

    /// <summary>The room's chat grain, once the connection has joined the room (else NOT_IN_ROOM).</summary>
    private IChatGrain Chat(string? roomId) =>
        roomId is not null && ConnectionRooms.Of(Context, time).Contains(roomId)
            ? grains.GetGrain<IChatGrain>(roomId)
            : throw Refuse(ErrorCodes.NotInRoom, "join the room before using its chat");

    private ChatActor ChatActor()
    {
        var user = StudyRoomsUser.From(Context.User);
        return new ChatActor { UserId = user.UserId, DisplayName = user.DisplayName, ConnectionId = Context.ConnectionId };
    }
}
