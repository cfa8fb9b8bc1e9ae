using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves P-LIVE-5's rule for a user's several tabs through the real hub: each tab is a cursor of its
// own, so a frame keeps each connection's latest cursor (not each user's), carries the sending tab's
// clientId, and a second tab of the same user sees the first tab's cursor, from a frame as from a lone
// CursorMoved; a malformed clientId is dropped like any malformed cursor (P-LIVE-3). Frames run on
// the FakeTimeProvider of CursorFramesTests' host: a frame ends only when a test advances the clock.
public sealed class CursorTabsTests(CursorFramesTests.FramedHost fixture) : IClassFixture<CursorFramesTests.FramedHost>
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task ASecondTabOfTheSameUserSeesTheFirstTabsCursorAloneAndInAFrame_P_LIVE_5()
    {
        var host = fixture.Host;
        var adaUser = await host.SignInAsync("Ada");
        var roomId = (await host.CreateRoomAsync(adaUser)).RoomId;
        await using var first = await RoomClient.ConnectAsync(host, adaUser);
        await using var second = await RoomClient.ConnectAsync(host, adaUser);
        await using var bob = await RoomClient.ConnectAsync(host, await host.SignInAsync("Bob"));
        await first.JoinAsync(roomId);
        await second.JoinAsync(roomId);
        await bob.JoinAsync(roomId);

        // The leading edge: a lone CursorMoved to everyone but the sending tab.
        await MoveAsync(first, roomId, x: 1);
        await Poll.UntilAsync(() => second.CursorsMoved.Any(c => c.X == 1), "the second tab receives the first tab's lone cursor");
        Assert.Equal(first.ClientId, Assert.Single(second.CursorsMoved).ClientId);

        // Both tabs move in one frame, the second last: a frame per user would keep only the second
        // tab's cursor, which that tab skips as its own, and lose the first tab's.
        await MoveAsync(first, roomId, x: 2);
        await MoveAsync(bob, roomId, x: 100);
        await MoveAsync(second, roomId, x: 20);
        fixture.Clock.Advance(Frame);

        await Poll.UntilAsync(() => !bob.CursorFrames.IsEmpty && !first.CursorFrames.IsEmpty && !second.CursorFrames.IsEmpty, "every tab receives the frame");
        var frame = Assert.Single(bob.CursorFrames);
        Assert.Equal(
            [(adaUser.UserId, first.ClientId, 2.0), (bob.User.UserId, bob.ClientId, 100.0), (adaUser.UserId, second.ClientId, 20.0)],
            frame.Cursors.Select(c => (c.UserId, c.ClientId!, c.X)));
        Assert.Equal([1.0, 2.0, 100.0], second.CursorsMoved.Select(c => c.X));
        Assert.Equal([100.0, 20.0], first.CursorsMoved.Select(c => c.X));
        Assert.Equal([1.0, 2.0, 20.0], bob.CursorsMoved.Where(c => c.UserId == adaUser.UserId).Select(c => c.X));
    }

    [Fact]
    public async Task ACursorWithAMalformedClientIdIsDroppedAndOneWithoutIsRelayedWithoutOne_P_LIVE_3_P_LIVE_5()
    {
        var host = fixture.Host;
        var adaUser = await host.SignInAsync("Ada");
        var roomId = (await host.CreateRoomAsync(adaUser)).RoomId;
        await using var ada = await RoomClient.ConnectAsync(host, adaUser);
        await using var bob = await RoomClient.ConnectAsync(host, await host.SignInAsync("Bob"));
        await ada.JoinAsync(roomId);
        await bob.JoinAsync(roomId);

        await ada.Connection.InvokeAsync("MoveCursor", new CursorUpdate { RoomId = roomId, X = 1, Y = 0, ClientId = "not a client id" });
        await ada.Connection.InvokeAsync("MoveCursor", new CursorUpdate { RoomId = roomId, X = 2, Y = 0, ClientId = new string('c', 65) });
        await ada.Connection.InvokeAsync("MoveCursor", new CursorUpdate { RoomId = roomId, X = 3, Y = 0 });

        // Had either malformed cursor been taken, it would have gone at once and the good one waited for the frame.
        await Poll.UntilAsync(() => bob.CursorsMoved.Any(c => c.X == 3), "Bob receives the well-formed cursor at once");
        var cursor = Assert.Single(bob.CursorsMoved);
        Assert.Null(cursor.ClientId);
        fixture.Clock.Advance(Frame);
        await Poll.UntilAsync(() => !fixture.Frames.IsFraming(roomId), "the room's frames end");
        Assert.Single(bob.CursorsMoved);
    }

    private static Task MoveAsync(RoomClient client, string roomId, double x) =>
        client.Connection.InvokeAsync("MoveCursor", new CursorUpdate { RoomId = roomId, X = x, Y = 0, Visible = true, ClientId = client.ClientId });
}
