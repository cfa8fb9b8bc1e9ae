using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the room hub over a real WebSocket: joining, presence, ordered acknowledged edits, volatile
// strokes and clear refusals that change nothing (docs/protocol.md rule ids in each test).
[Collection(HostCollection.Name)]
public sealed class RoomHubTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task JoinReturnsRoomSelfParticipantsAndBoard()
    {
        var ada = await Host.SignInAsync("Ada");
        var room = await Host.CreateRoomAsync(ada, "Linear algebra", "Eigenvalues");
        await using var client = await RoomClient.ConnectAsync(Host, ada);

        var joined = await client.JoinAsync(room.RoomId);

        Assert.Equal("Linear algebra", joined.Room.Name);
        Assert.Equal("Eigenvalues", joined.Room.Topic);
        Assert.Equal($"/r/{room.RoomId}", joined.Room.Link);
        Assert.Equal(ada.UserId, joined.Self.UserId);
        Assert.Matches("^#[0-9a-f]{6}$", joined.Self.Color);
        Assert.Equal([ada.UserId], joined.Participants.Select(p => p.UserId));
        Assert.Equal(0, joined.Board!.Clock);
        Assert.Empty(joined.Board!.Elements);
    }

    [Fact]
    public async Task JoinWithAnotherProtocolVersionIsRefusedWithProtocolMismatch() // P-VER-2
    {
        var ada = await Host.SignInAsync("Ada");
        var room = await Host.CreateRoomAsync(ada);
        await using var client = await RoomClient.ConnectAsync(Host, ada);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(room.RoomId, protocolVersion: 99));

        var (code, reason) = HubErrors.Parse(error);
        Assert.Equal(ErrorCodes.ProtocolMismatch, code);
        Assert.Contains("99", reason);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")] // well-formed, no such room
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task JoinOfAnUnknownRoomIsRefusedWithRoomNotFound(string roomId)
    {
        var ada = await Host.SignInAsync("Ada");
        await using var client = await RoomClient.ConnectAsync(Host, ada);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(roomId));

        Assert.Equal(ErrorCodes.RoomNotFound, HubErrors.Parse(error).Code);
    }

    [Fact]
    public async Task ConnectingWithoutATokenIsRefused() // P-AUTH-1
    {
        await using var connection = Host.CreateHubConnection(user: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task ParticipantsSeeEachOtherJoinAndLeaveOncePerUser() // P-JOIN-2, P-PRES-1
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        await using var adaClient = await RoomClient.ConnectAsync(Host, ada);
        await adaClient.JoinAsync(room.RoomId);

        var bobTab1 = await RoomClient.ConnectAsync(Host, bob);
        var bobTab2 = await RoomClient.ConnectAsync(Host, bob);
        var joined1 = await bobTab1.JoinAsync(room.RoomId);
        var joined2 = await bobTab2.JoinAsync(room.RoomId);

        await Poll.UntilAsync(() => adaClient.ParticipantJoined.Any(e => e.Participant.UserId == bob.UserId), "Ada sees Bob join");
        Assert.Equal(2, joined2.Participants.Length);
        Assert.Equal(joined1.Self, joined2.Self);

        await bobTab1.DisposeAsync();
        // Bob still has a tab open: he stays, and nobody is told he left.
        var roomNow = await (await RoomClient.ConnectAsync(Host, ada)).JoinAsync(room.RoomId);
        Assert.Contains(roomNow.Participants, p => p.UserId == bob.UserId);
        Assert.Empty(adaClient.ParticipantLeft);

        await bobTab2.DisposeAsync();
        await Poll.UntilAsync(() => adaClient.ParticipantLeft.Any(e => e.UserId == bob.UserId), "Ada sees Bob leave");
        Assert.Single(adaClient.ParticipantJoined, e => e.Participant.UserId == bob.UserId);
    }

    [Fact]
    public async Task PushedOpsGetClocksAndReachTheOtherConnectionsOnly() // P-OPS-1, P-OPS-7
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        await using var adaClient = await RoomClient.ConnectAsync(Host, ada);
        await using var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await adaClient.JoinAsync(room.RoomId);
        await bobClient.JoinAsync(room.RoomId);

        var first = adaClient.Stroke();
        var second = adaClient.Stroke();
        var result = await adaClient.PushAsync(room.RoomId, first, second);

        Assert.Equal(2, result.Clock);
        Assert.Equal([1L, 2L], result.Acks.Select(a => a.Clock));
        Assert.Equal([first.ClientSeq, second.ClientSeq], result.Acks.Select(a => a.ClientSeq));
        await Poll.UntilAsync(() => bobClient.OpsApplied.Count == 1, "Bob receives the ops");
        var applied = Assert.Single(bobClient.OpsApplied);
        Assert.Equal(ada.UserId, applied.AuthorId);
        Assert.Equal([first.ElementId, second.ElementId], applied.Ops.Select(o => o.ElementId));
        Assert.Equal([1L, 2L], applied.Ops.Select(o => o.Clock));
        Assert.Equal(first.Props!.Points, applied.Ops[0].Props!.Points);
        Assert.Empty(adaClient.OpsApplied);

        var board = (await bobClient.JoinAsync(room.RoomId)).Board!;
        Assert.Equal(2, board.Clock);
        Assert.Equal(2, board.Elements.Length);
    }

    [Fact]
    public async Task AResentPushIsAcknowledgedWithoutApplyingItTwice() // P-OPS-3
    {
        var ada = await Host.SignInAsync("Ada");
        var room = await Host.CreateRoomAsync(ada);
        await using var client = await RoomClient.ConnectAsync(Host, ada);
        await client.JoinAsync(room.RoomId);
        var stroke = client.Stroke();
        await client.PushAsync(room.RoomId, stroke);

        var resent = await client.PushAsync(room.RoomId, stroke);

        Assert.Equal(0, Assert.Single(resent.Acks).Clock);
        Assert.Equal(1, resent.Clock);
        Assert.Single((await client.JoinAsync(room.RoomId)).Board!.Elements);
    }

    [Fact]
    public async Task AnInvalidPushIsRefusedWholeAndNobodySeesAnything() // P-ERR-1, P-ERR-3, P-OPS-4
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        await using var adaClient = await RoomClient.ConnectAsync(Host, ada);
        await using var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await adaClient.JoinAsync(room.RoomId);
        await bobClient.JoinAsync(room.RoomId);
        var good = adaClient.Stroke();
        var bad = adaClient.Stroke() with { Props = new ElementProps { X = 1, Y = 1, StrokeColor = "red" } };

        var error = await Assert.ThrowsAsync<HubException>(() => adaClient.PushAsync(room.RoomId, good, bad));

        var (code, reason) = HubErrors.Parse(error);
        Assert.Equal(ErrorCodes.InvalidRequest, code);
        Assert.StartsWith("ops[1]: strokeColor", reason);
        var board = (await bobClient.JoinAsync(room.RoomId)).Board!;
        Assert.Equal(0, board.Clock);
        Assert.Empty(board.Elements);
        Assert.Empty(bobClient.OpsApplied);

        // The connection stays usable and the good op can be sent again.
        var retried = await adaClient.PushAsync(room.RoomId, good);
        Assert.Equal(1, retried.Clock);
    }

    [Fact]
    public async Task PushingWithoutJoiningIsRefusedWithNotInRoom()
    {
        var ada = await Host.SignInAsync("Ada");
        var mallory = await Host.SignInAsync("Mallory");
        var room = await Host.CreateRoomAsync(ada);
        await using var client = await RoomClient.ConnectAsync(Host, mallory);

        var error = await Assert.ThrowsAsync<HubException>(() => client.PushAsync(room.RoomId, client.Stroke()));

        Assert.Equal(ErrorCodes.NotInRoom, HubErrors.Parse(error).Code);
    }

    [Fact]
    public async Task StrokeProgressIsRelayedToOthersAndMalformedProgressIsDropped() // P-LIVE-1
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        await using var adaClient = await RoomClient.ConnectAsync(Host, ada);
        await using var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await adaClient.JoinAsync(room.RoomId);
        await bobClient.JoinAsync(room.RoomId);

        await adaClient.Connection.SendAsync("StreamStroke", new StrokeProgress
        {
            RoomId = room.RoomId, StrokeId = "s_bad", StartIndex = 0, Points = [double.MaxValue, 1], StrokeColor = "#000000", StrokeWidth = 2,
        });
        await adaClient.Connection.SendAsync("StreamStroke", new StrokeProgress
        {
            RoomId = room.RoomId, StrokeId = "s_1", StartIndex = 0, Points = [1, 2, 3, 4], StrokeColor = "#e03131", StrokeWidth = 2,
        });
        await adaClient.Connection.SendAsync("StreamStroke", new StrokeProgress
        {
            RoomId = room.RoomId, StrokeId = "s_1", StartIndex = 4, Points = [5, 6], StrokeColor = "#e03131", StrokeWidth = 2,
        });

        await Poll.UntilAsync(() => bobClient.StrokesProgressed.Count == 2, "Bob sees two progress messages");
        Assert.All(bobClient.StrokesProgressed, e => Assert.Equal("s_1", e.StrokeId));
        Assert.Equal(ada.UserId, bobClient.StrokesProgressed.First().UserId);
        Assert.Equal([0, 4], bobClient.StrokesProgressed.Select(e => e.StartIndex));
        Assert.Empty(adaClient.StrokesProgressed);
        Assert.Equal(0, (await bobClient.JoinAsync(room.RoomId)).Board!.Clock);
    }
}
