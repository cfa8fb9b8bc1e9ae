using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;

namespace StudyRooms.Testing;

/// <summary>A .NET SignalR client of the room hub that records every event it receives.</summary>
public sealed class RoomClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<CommittedOp[]> _arrived = new();
    private long _clientSeq;

    private RoomClient(HubConnection connection, TestUser user, string clientId)
    {
        Connection = connection;
        User = user;
        ClientId = clientId;
        connection.On<ParticipantJoined>("ParticipantJoined", ParticipantJoined.Enqueue);
        connection.On<ParticipantLeft>("ParticipantLeft", ParticipantLeft.Enqueue);
        connection.On<OpsApplied>("OpsApplied", e =>
        {
            OpsApplied.Enqueue(e);
            _arrived.Enqueue(e.Ops);
        });
        connection.On<OpsAppliedBatch>("OpsAppliedBatch", b =>
        {
            OpsAppliedBatches.Enqueue(b);
            _arrived.Enqueue([.. b.Events.SelectMany(e => e.Ops)]);
        });
        connection.On<StrokeProgressed>("StrokeProgressed", StrokesProgressed.Enqueue);
        connection.On<CursorMoved>("CursorMoved", CursorsMoved.Enqueue);
        connection.On<CursorsMoved>("CursorsMoved", OnCursorFrame);
        connection.On<MessagePosted>("MessagePosted", MessagesPosted.Enqueue);
        connection.On<MessageEdited>("MessageEdited", MessagesEdited.Enqueue);
        connection.On<MessageDeleted>("MessageDeleted", MessagesDeleted.Enqueue);
        connection.On<ReactionsChanged>("ReactionsChanged", ReactionsChanged.Enqueue);
        connection.On<TypingChanged>("TypingChanged", TypingChanged.Enqueue);

        connection.On<SprintUpdated>("SprintUpdated", SprintUpdated.Enqueue);
        connection.On<SprintCheckInPrompted>("SprintCheckInPrompted", SprintCheckInsPrompted.Enqueue);
        connection.On<SprintRecapsUpdated>("SprintRecapsUpdated", SprintRecapsUpdated.Enqueue);
        connection.On<ResourceAdded>("ResourceAdded", ResourcesAdded.Enqueue);
        connection.On<ResourcesRemoved>("ResourcesRemoved", ResourcesRemoved.Enqueue);
        connection.On<BanLifted>("BanLifted", BansLifted.Enqueue);
        connection.On<BanPlaced>("BanPlaced", BansPlaced.Enqueue);
        connection.On<UserErased>("UserErased", UsersErased.Enqueue);
    }

    public HubConnection Connection { get; }

    public TestUser User { get; }

    public string ClientId { get; }

    public ConcurrentQueue<ParticipantJoined> ParticipantJoined { get; } = new();

    public ConcurrentQueue<ParticipantLeft> ParticipantLeft { get; } = new();

    public ConcurrentQueue<OpsApplied> OpsApplied { get; } = new();

    /// <summary>Batches of OpsApplied, when the server batches per frame (P-OPS-8).</summary>
    public ConcurrentQueue<OpsAppliedBatch> OpsAppliedBatches { get; } = new();

    public ConcurrentQueue<StrokeProgressed> StrokesProgressed { get; } = new();

    /// <summary>Others' cursors, whether they came alone or in a frame (P-LIVE-5), in arrival order.</summary>
    public ConcurrentQueue<CursorMoved> CursorsMoved { get; } = new();

    /// <summary>Frames of several cursors as they came, own entries included (P-LIVE-5).</summary>
    public ConcurrentQueue<CursorsMoved> CursorFrames { get; } = new();

    public ConcurrentQueue<MessagePosted> MessagesPosted { get; } = new();

    public ConcurrentQueue<MessageEdited> MessagesEdited { get; } = new();

    public ConcurrentQueue<MessageDeleted> MessagesDeleted { get; } = new();

    public ConcurrentQueue<ReactionsChanged> ReactionsChanged { get; } = new();

    public ConcurrentQueue<TypingChanged> TypingChanged { get; } = new();
    public ConcurrentQueue<SprintUpdated> SprintUpdated { get; } = new();

    public ConcurrentQueue<SprintCheckInPrompted> SprintCheckInsPrompted { get; } = new();

    public ConcurrentQueue<SprintRecapsUpdated> SprintRecapsUpdated { get; } = new();

    public ConcurrentQueue<ResourceAdded> ResourcesAdded { get; } = new();

    public ConcurrentQueue<ResourcesRemoved> ResourcesRemoved { get; } = new();

    /// <summary>Ban lifts, which only moderators' connections receive (P-MOD-10).</summary>
    public ConcurrentQueue<BanLifted> BansLifted { get; } = new();

    /// <summary>Bans placed, when this connection is a moderator's (P-MOD-11).</summary>
    public ConcurrentQueue<BanPlaced> BansPlaced { get; } = new();

    /// <summary>Deleted users whose names are gone from a room (P-ACCT-5).</summary>
    public ConcurrentQueue<UserErased> UsersErased { get; } = new();

    public static async Task<RoomClient> ConnectAsync(ServerClient host, TestUser user)
    {
        var client = new RoomClient(host.CreateHubConnection(user), user, "c_" + Guid.NewGuid().ToString("N")[..12]);
        await client.Connection.StartAsync();
        return client;
    }

    public Task<JoinRoomResult> JoinAsync(string roomId, int protocolVersion = ProtocolVersion.Current) =>
        Connection.InvokeAsync<JoinRoomResult>("JoinRoom", new JoinRoomRequest { ProtocolVersion = protocolVersion, RoomId = roomId, ClientId = ClientId });

    public long NextSeq() => Interlocked.Increment(ref _clientSeq);

    /// <summary>Every op this client received, batched (P-OPS-8) or not, in arrival order.</summary>
    public List<CommittedOp> ReceivedOps() => [.. _arrived.SelectMany(ops => ops)];

    /// <summary>How many messages carried ops to this client: each <c>OpsApplied</c> and each batch counts once.</summary>
    public int OpsMessages => _arrived.Count;

    public Task<PushOpsResult> PushAsync(string roomId, params ElementOp[] ops) =>
        Connection.InvokeAsync<PushOpsResult>("PushOps", new PushOpsRequest { RoomId = roomId, ClientId = ClientId, Ops = ops });

    /// <summary>A freehand stroke create op with the next client sequence.</summary>
    public ElementOp Stroke(string? elementId = null, double x = 10, double y = 20) => new()
    {
        Kind = ElementOpKind.Create,
        ElementId = elementId ?? "e_" + Guid.NewGuid().ToString("N")[..16],
        ClientSeq = NextSeq(),
        Type = "freehand",
        Props = new ElementProps { X = x, Y = y, Points = [0, 0, 5, 5, 10, 12], StrokeColor = "#1971c2", StrokeWidth = 3 },
    };

    /// <summary>Posts a chat message with a fresh client message id (P-CHAT-4).</summary>
    public Task<ChatMessage> PostAsync(string roomId, string text, long? threadRootSeq = null, string[]? mentions = null, string? clientMessageId = null) =>
        Connection.InvokeAsync<ChatMessage>("PostMessage", new PostMessageRequest
        {
            RoomId = roomId,
            ClientMessageId = clientMessageId ?? "m_" + Guid.NewGuid().ToString("N")[..16],
            Text = text,
            ThreadRootSeq = threadRootSeq,
            Mentions = mentions,
        });

    public Task<LoadMessagesResult> LoadMessagesAsync(string roomId, long? beforeSeq = null, long? threadRootSeq = null, int? limit = null) =>
        Connection.InvokeAsync<LoadMessagesResult>("LoadMessages", new LoadMessagesRequest { RoomId = roomId, BeforeSeq = beforeSeq, ThreadRootSeq = threadRootSeq, Limit = limit });

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    /// <summary>
    /// As the web client does: a frame's entries go where single cursors go, except this tab's own (by
    /// client id when the entry has one, else by user; P-LIVE-5).
    /// </summary>
    private void OnCursorFrame(CursorsMoved frame)
    {
        foreach (var cursor in frame.Cursors.Where(c => c.ClientId is { } clientId ? clientId != ClientId : c.UserId != User.UserId))
        {
            CursorsMoved.Enqueue(cursor);
        }

        CursorFrames.Enqueue(frame);
    }
}
