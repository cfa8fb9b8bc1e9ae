using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves through the real hub that a reconnecting client sending knownClock gets exactly the ops it
// missed, and a snapshot when its clock is older than the op log or ahead of the board (P-JOIN-4,
// P-JOIN-5); the small op log here also proves StudyRooms:Board is bound and used.
public sealed class BoardResumeHubTests(BoardResumeHostFixture fixture) : IClassFixture<BoardResumeHostFixture>
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task AReconnectWithKnownClockGetsExactlyTheMissedOps()
    {
        var (ada, roomId) = await OwnerInRoomAsync();
        await using var _ = ada;
        var bobUser = await Host.SignInAsync("Bob");
        long bobClock;
        await using (var bob = await RoomClient.ConnectAsync(Host, bobUser))
        {
            await ada.PushAsync(roomId, ada.Stroke("e_1"), ada.Stroke("e_2"));
            bobClock = (await bob.JoinAsync(roomId)).Board!.Clock;
        }

        // Bob is gone; Ada keeps editing.
        await ada.PushAsync(roomId, ada.Stroke("e_3"));
        await ada.PushAsync(roomId, new ElementOp { Kind = ElementOpKind.Delete, ElementId = "e_1", ClientSeq = ada.NextSeq() });

        await using var bobAgain = await RoomClient.ConnectAsync(Host, bobUser);
        var result = await JoinAsync(bobAgain, roomId, bobClock);

        Assert.Equal(2, bobClock);
        Assert.Null(result.Board);
        Assert.Equal(4, result.Resume!.Clock);
        Assert.Equal([(3L, ElementOpKind.Create, "e_3"), (4L, ElementOpKind.Delete, "e_1")], result.Resume.Ops.Select(o => (o.Clock, o.Kind, o.ElementId)));
    }

    [Fact]
    public async Task AClockOlderThanTheOpLogGetsTheSnapshot()
    {
        var (ada, roomId) = await OwnerInRoomAsync();
        await using var _ = ada;
        await ada.PushAsync(roomId, Enumerable.Range(0, 60).Select(i => ada.Stroke($"e_{i}")).ToArray());
        await using var bob = await RoomClient.ConnectAsync(Host, await Host.SignInAsync("Bob"));

        var result = await JoinAsync(bob, roomId, knownClock: 5);

        Assert.Null(result.Resume);
        Assert.Equal(60, result.Board!.Clock);
        Assert.Equal(60, result.Board.Elements.Length);
    }

    [Fact]
    public async Task AClockAheadOfTheBoardGetsTheSnapshot()
    {
        var (ada, roomId) = await OwnerInRoomAsync();
        await using var _ = ada;
        await ada.PushAsync(roomId, ada.Stroke("e_1"));
        await using var bob = await RoomClient.ConnectAsync(Host, await Host.SignInAsync("Bob"));

        // e.g. the client kept a clock from a board that was since restored from an older backup.
        var result = await JoinAsync(bob, roomId, knownClock: 500);

        Assert.Null(result.Resume);
        Assert.Equal(1, result.Board!.Clock);
    }

    [Fact]
    public async Task TheConfiguredOpsPerPushLimitIsEnforced()
    {
        var (ada, roomId) = await OwnerInRoomAsync();
        await using var _ = ada;

        // The default limit of 200 applies: this host sets only the op log keys.
        var error = await Assert.ThrowsAsync<HubException>(() => ada.PushAsync(roomId, Enumerable.Range(0, 201).Select(i => ada.Stroke($"e_{i}")).ToArray()));

        Assert.Equal(ErrorCodes.InvalidRequest, HubErrors.Parse(error).Code);
    }

    private static Task<JoinRoomResult> JoinAsync(RoomClient client, string roomId, long knownClock) =>
        client.Connection.InvokeAsync<JoinRoomResult>("JoinRoom", new JoinRoomRequest
        {
            ProtocolVersion = ProtocolVersion.Current,
            RoomId = roomId,
            ClientId = client.ClientId,
            KnownClock = knownClock,
        });

    private async Task<(RoomClient Ada, string RoomId)> OwnerInRoomAsync()
    {
        var ada = await Host.SignInAsync("Ada");
        var room = await Host.CreateRoomAsync(ada);
        var client = await RoomClient.ConnectAsync(Host, ada);
        await client.JoinAsync(room.RoomId);
        return (client, room.RoomId);
    }
}
