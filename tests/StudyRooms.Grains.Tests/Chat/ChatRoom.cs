using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Chat;

/// <summary>A fresh room with people joined in given roles, and the room's chat grain; for chat tests.</summary>
internal sealed class ChatRoom
{
    private readonly IGrainFactory _grains;

    private ChatRoom(IGrainFactory grains, string roomId)
    {
        _grains = grains;
        RoomId = roomId;
    }

    public string RoomId { get; }

    public IRoomGrain Room => _grains.GetGrain<IRoomGrain>(RoomId);

    public IChatGrain Chat => _grains.GetGrain<IChatGrain>(RoomId);

    public ChatActor Owner { get; private set; } = null!;

    public static async Task<ChatRoom> CreateAsync(IGrainFactory grains, string? roomId = null)
    {
        var room = new ChatRoom(grains, roomId ?? TestIds.Room());
        var ownerId = TestIds.User();
        await room.Room.CreateAsync(new CreateRoomCommand { Name = "Chat", OwnerId = ownerId });
        room.Owner = await room.JoinAsync(ownerId, "Owner");
        return room;
    }

    /// <summary>Joins a new user (or <paramref name="userId"/>) after the owner gave them <paramref name="role"/>.</summary>
    public async Task<ChatActor> JoinAsync(string? userId = null, string name = "Someone", RoomRole role = RoomRole.Member)
    {
        userId ??= TestIds.User();
        if (role != RoomRole.Member && Owner is not null)
        {
            await ModerateAsync(ModerationKind.SetRole, userId, role);
        }

        var actor = new ChatActor { UserId = userId, DisplayName = name, ConnectionId = TestIds.Connection() };
        await Room.JoinAsync(new JoinRoomCommand { UserId = userId, DisplayName = name, ConnectionId = actor.ConnectionId });
        return actor;
    }

    public Task ModerateAsync(ModerationKind kind, string? target = null, RoomRole role = RoomRole.Member, bool readOnly = false) =>
        Room.ModerateAsync(new ModerationCommand
        {
            Kind = kind,
            ActorId = Owner.UserId,
            ActorConnectionId = Owner.ConnectionId,
            TargetUserId = target,
            Role = role,
            ReadOnly = readOnly,
        });

    public Task<ChatMessage> PostAsync(ChatActor actor, string text, long? threadRootSeq = null, string? clientMessageId = null, string[]? mentions = null) =>
        Chat.PostAsync(actor, new PostMessageRequest
        {
            RoomId = RoomId,
            ClientMessageId = clientMessageId ?? "m_" + Guid.NewGuid().ToString("N")[..16],
            Text = text,
            ThreadRootSeq = threadRootSeq,
            Mentions = mentions,
        });

    public Task<LoadMessagesResult> LoadAsync(ChatActor actor, long? beforeSeq = null, long? threadRootSeq = null, int? limit = null) =>
        Chat.LoadAsync(actor, new LoadMessagesRequest { RoomId = RoomId, BeforeSeq = beforeSeq, ThreadRootSeq = threadRootSeq, Limit = limit });

    public Task<ChatMessage> ReactAsync(ChatActor actor, long seq, string emoji) =>
        Chat.ReactAsync(actor, new ReactToMessageRequest { RoomId = RoomId, Seq = seq, Emoji = emoji });

    public Task<ChatMessage> EditAsync(ChatActor actor, long seq, string text) =>
        Chat.EditAsync(actor, new EditMessageRequest { RoomId = RoomId, Seq = seq, Text = text });

    public Task<ChatMessage> DeleteAsync(ChatActor actor, long seq) =>
        Chat.DeleteAsync(actor, new DeleteMessageRequest { RoomId = RoomId, Seq = seq });

    public Task<SearchMessagesResult> SearchAsync(ChatActor actor, string query, long? beforeSeq = null, int? limit = null) =>
        Chat.SearchAsync(actor, new SearchMessagesRequest { RoomId = RoomId, Query = query, BeforeSeq = beforeSeq, Limit = limit });
}
