using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves P-LIVE-4 through the real hub: with StudyRooms:Board:CursorsToViewersMaxParticipants = 2,
// a viewer receives others' cursors in a room of two, stops receiving them when a third user is
// present (a member still receives them), and receives them again when the room shrinks. Stroke
// progress, sent after each cursor by the same user, still reaches the viewer: it shows that the
// cursor before it was not merely late (one connection's messages arrive in order). That argument
// needs each cursor sent at once, so this host relays without frames (CursorFrameMilliseconds = 0);
// CursorFramesTests proves the same exclusion with frames on.
public sealed class CursorAudienceHubTests : IAsyncLifetime
{
    private StudyRoomsHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:Board:CursorsToViewersMaxParticipants"] = "2",
            ["StudyRooms:CursorFrameMilliseconds"] = "0",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AboveTheRoomSizeViewersStopReceivingCursorsWhileMembersStillDo_P_LIVE_4()
    {
        var ownerUser = await _host.SignInAsync("Owner");
        var roomId = (await _host.CreateRoomAsync(ownerUser)).RoomId;
        await using var owner = await RoomClient.ConnectAsync(_host, ownerUser);
        await owner.JoinAsync(roomId);
        var viewerUser = await _host.SignInAsync("Viewer");
        await owner.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = roomId, UserId = viewerUser.UserId, Role = RoomRole.Viewer });
        await using var viewer = await RoomClient.ConnectAsync(_host, viewerUser);
        await viewer.JoinAsync(roomId);

        // Two present: the viewer receives the owner's cursor.
        await SendCursorThenStrokeAsync(owner, roomId, x: 1);
        await Poll.UntilAsync(() => viewer.CursorsMoved.Any(c => c.X == 1), "the viewer receives the owner's cursor in a small room");

        // Three present: the member receives the owner's cursor, the viewer does not.
        await using var member = await RoomClient.ConnectAsync(_host, await _host.SignInAsync("Member"));
        await member.JoinAsync(roomId);
        var strokeId = await SendCursorThenStrokeAsync(owner, roomId, x: 2);
        await Poll.UntilAsync(() => member.CursorsMoved.Any(c => c.X == 2), "the member receives the owner's cursor");
        await Poll.UntilAsync(() => viewer.StrokesProgressed.Any(s => s.StrokeId == strokeId), "the viewer receives the stroke sent after the cursor");
        Assert.DoesNotContain(viewer.CursorsMoved, c => c.X == 2);

        // The member's cursor does not reach the viewer either; the owner gets it.
        var memberStroke = await SendCursorThenStrokeAsync(member, roomId, x: 3);
        await Poll.UntilAsync(() => owner.CursorsMoved.Any(c => c.X == 3), "the owner receives the member's cursor");
        await Poll.UntilAsync(() => viewer.StrokesProgressed.Any(s => s.StrokeId == memberStroke), "the viewer receives the member's stroke");
        Assert.DoesNotContain(viewer.CursorsMoved, c => c.X == 3);

        // Back to two: the viewer receives cursors again.
        await member.Connection.InvokeAsync("LeaveRoom", new LeaveRoomRequest { RoomId = roomId });
        await Poll.UntilAsync(() => viewer.ParticipantLeft.Any(), "the member's leave reaches the viewer");
        await SendCursorThenStrokeAsync(owner, roomId, x: 4);
        await Poll.UntilAsync(() => viewer.CursorsMoved.Any(c => c.X == 4), "the viewer receives cursors again in a small room");
    }

    private static async Task<string> SendCursorThenStrokeAsync(RoomClient client, string roomId, double x)
    {
        var strokeId = "e_" + Guid.NewGuid().ToString("N")[..12];
        await client.Connection.InvokeAsync("MoveCursor", new CursorUpdate { RoomId = roomId, X = x, Y = 0, Visible = true });
        await client.Connection.InvokeAsync("StreamStroke", new StrokeProgress { RoomId = roomId, StrokeId = strokeId, StartIndex = 0, Points = [x, 0], StrokeColor = "#1971c2", StrokeWidth = 2 });
        return strokeId;
    }
}
