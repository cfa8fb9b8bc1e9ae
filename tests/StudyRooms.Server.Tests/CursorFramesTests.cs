using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyRooms.Contracts.Boards;
using System.Collections.Concurrent;
using StudyRooms.Contracts.Rooms;
using StudyRooms.LoadTest;
using StudyRooms.Server.Hubs;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves P-LIVE-5 through the real hub and real SignalR clients: cursors of one frame reach the others
// as one CursorsMoved of each connection's latest position, a cursor after a quiet frame goes out at once,
// a frame of one cursor is a plain CursorMoved that skips its sender, a leaving connection's held
// cursor is dropped, viewers above the room size still get no frame (P-LIVE-4), and with frames off
// every cursor is relayed; the load tool counts a frame's cursors of others only. The frames run on a FakeTimeProvider, so a frame ends only when a test
// advances it: "arrived without advancing the clock" means "sent at once", with no timing assertion.
public sealed class CursorFramesTests(CursorFramesTests.FramedHost fixture) : IClassFixture<CursorFramesTests.FramedHost>
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(50);

    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task CursorsOfOneFrameReachOthersAsOneFrameOfEachUsersLatestPosition_P_LIVE_5()
    {
        var (roomId, ada, bob, cy) = await RoomOfAsync("Ada", "Bob", "Cy");
        await using var _ = ada;
        await using var __ = bob;
        await using var ___ = cy;

        await MoveAsync(ada, roomId, x: 1);
        await Poll.UntilAsync(() => cy.CursorsMoved.Any(c => c.X == 1), "Cy receives Ada's first cursor at once");
        Assert.True(fixture.Frames.IsFraming(roomId));
        await MoveAsync(ada, roomId, x: 2);
        await MoveAsync(bob, roomId, x: 10);
        await MoveAsync(ada, roomId, x: 3);
        await MoveAsync(bob, roomId, x: 11);
        fixture.Clock.Advance(Frame);

        await Poll.UntilAsync(() => !cy.CursorFrames.IsEmpty, "Cy receives the frame");
        var frame = Assert.Single(cy.CursorFrames);
        Assert.Equal(roomId, frame.RoomId);
        Assert.Equal([(ada.User.UserId, 3.0), (bob.User.UserId, 11.0)], frame.Cursors.Select(c => (c.UserId, c.X)));
        // The frame came after anything sent before it on Cy's connection: no other update was relayed.
        Assert.Equal([1.0, 3.0, 11.0], cy.CursorsMoved.Select(c => c.X));

        // The drawers get the same frame and skip their own entries.
        await Poll.UntilAsync(() => !ada.CursorFrames.IsEmpty && !bob.CursorFrames.IsEmpty, "Ada and Bob receive the frame");
        Assert.Equal([11.0], ada.CursorsMoved.Select(c => c.X));
        Assert.Equal([1.0, 3.0], bob.CursorsMoved.Select(c => c.X));
    }

    [Fact]
    public async Task AFrameOfOneIsAPlainCursorMovedAndALoneCursorAfterAQuietFrameGoesAtOnce_P_LIVE_5()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;

        await MoveAsync(ada, roomId, x: 1);
        await Poll.UntilAsync(() => bob.CursorsMoved.Any(c => c.X == 1), "Bob receives Ada's first cursor at once");
        await MoveAsync(ada, roomId, x: 2);
        fixture.Clock.Advance(Frame);
        await Poll.UntilAsync(() => bob.CursorsMoved.Any(c => c.X == 2), "Bob receives the frame of Ada's one cursor");
        Assert.Empty(bob.CursorFrames);

        // A frame with nothing held ends the room's frames: nothing of the room is kept.
        fixture.Clock.Advance(Frame);
        await Poll.UntilAsync(() => !fixture.Frames.IsFraming(roomId), "the room's frames end after a quiet frame");

        // The clock stands still from here, so Bob's cursor can only arrive by going out at once.
        await MoveAsync(bob, roomId, x: 5);
        await Poll.UntilAsync(() => ada.CursorsMoved.Any(c => c.X == 5), "Ada receives Bob's lone cursor without a frame ending");
        Assert.True(fixture.Frames.IsFraming(roomId));
        // Bob's cursor was written after the frame of Ada's was sent, so Ada would have had her own by now.
        Assert.Equal([bob.User.UserId], ada.CursorsMoved.Select(c => c.UserId));
        Assert.Empty(ada.CursorFrames);
    }

    [Fact]
    public async Task AHeldCursorOfAConnectionThatLeavesIsNotRelayed_P_LIVE_5()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;

        await MoveAsync(ada, roomId, x: 1);
        await MoveAsync(ada, roomId, x: 2);
        await ada.Connection.InvokeAsync("LeaveRoom", new LeaveRoomRequest { RoomId = roomId });
        fixture.Clock.Advance(Frame);

        // With Ada's cursor still held, this frame would be sent and the room would keep framing.
        await Poll.UntilAsync(() => !fixture.Frames.IsFraming(roomId), "the frame ends with nothing to send");
        await Poll.UntilAsync(() => bob.ParticipantLeft.Any(), "Bob sees Ada leave");
        Assert.Equal([1.0], bob.CursorsMoved.Select(c => c.X));
    }

    [Fact]
    public async Task AboveTheRoomSizeViewersGetNoFrameWhileTheirOwnCursorStillReachesMembers_P_LIVE_4_P_LIVE_5()
    {
        var ownerUser = await Host.SignInAsync("Owner");
        var roomId = (await Host.CreateRoomAsync(ownerUser)).RoomId;
        await using var owner = await RoomClient.ConnectAsync(Host, ownerUser);
        await owner.JoinAsync(roomId);
        var viewerUser = await Host.SignInAsync("Viewer");
        await owner.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = roomId, UserId = viewerUser.UserId, Role = RoomRole.Viewer });
        await using var viewer = await RoomClient.ConnectAsync(Host, viewerUser);
        await viewer.JoinAsync(roomId);
        await using var member = await RoomClient.ConnectAsync(Host, await Host.SignInAsync("Member"));
        await member.JoinAsync(roomId);

        await MoveAsync(owner, roomId, x: 1);
        await MoveAsync(member, roomId, x: 2);
        await MoveAsync(owner, roomId, x: 3);
        fixture.Clock.Advance(Frame);
        await Poll.UntilAsync(() => owner.CursorsMoved.Any(c => c.X == 2) && member.CursorsMoved.Any(c => c.X == 3), "owner and member receive the frame");
        Assert.Equal(2, Assert.Single(member.CursorFrames).Cursors.Length);

        // The frame's send has finished once the next, quiet frame has ended the room's frames; a stroke
        // sent after that reaches the viewer behind anything the frame would have written to it.
        fixture.Clock.Advance(Frame);
        await Poll.UntilAsync(() => !fixture.Frames.IsFraming(roomId), "the room's frames end");
        var strokeId = "e_" + Guid.NewGuid().ToString("N")[..12];
        await owner.Connection.InvokeAsync("StreamStroke", new StrokeProgress { RoomId = roomId, StrokeId = strokeId, StartIndex = 0, Points = [0, 0], StrokeColor = "#1971c2", StrokeWidth = 2 });
        await Poll.UntilAsync(() => viewer.StrokesProgressed.Any(s => s.StrokeId == strokeId), "the viewer receives the stroke sent after the frame");
        Assert.Empty(viewer.CursorsMoved);
        Assert.Empty(viewer.CursorFrames);

        // The viewer's own cursor still reaches the others.
        await MoveAsync(viewer, roomId, x: 7);
        await Poll.UntilAsync(() => owner.CursorsMoved.Any(c => c.X == 7) && member.CursorsMoved.Any(c => c.X == 7), "the viewer's cursor reaches owner and member");
    }

    [Fact]
    public async Task WithFramesOffEveryCursorIsRelayedAtOnce_P_LIVE_5()
    {
        await using var host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?> { ["StudyRooms:CursorFrameMilliseconds"] = "0" });
        var adaUser = await host.SignInAsync("Ada");
        var room = await host.CreateRoomAsync(adaUser);
        await using var ada = await RoomClient.ConnectAsync(host, adaUser);
        await using var bob = await RoomClient.ConnectAsync(host, await host.SignInAsync("Bob"));
        await ada.JoinAsync(room.RoomId);
        await bob.JoinAsync(room.RoomId);

        for (var x = 1; x <= 5; x++)
        {
            await MoveAsync(ada, room.RoomId, x);
        }

        await Poll.UntilAsync(() => bob.CursorsMoved.Count == 5, "Bob receives all five cursors");
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0], bob.CursorsMoved.Select(c => c.X));
        Assert.Empty(bob.CursorFrames);
        Assert.False(host.Services.GetRequiredService<CursorFrames>().IsFraming(room.RoomId));
    }

    [Fact]
    public async Task TheLoadToolCountsEachOtherUsersCursorOfAFrameOverMessagePack_P_LIVE_5()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var target = new StudyRoomsTarget(Host.BaseAddress, new LoadOptions { Url = Host.BaseAddress, Rooms = 1, RoomIds = [roomId], Protocol = "messagepack" });
        var sink = new CountingSink();
        await using var tool = await target.ConnectAsync(clientIndex: 0, roomIndex: 0, sink, CancellationToken.None);

        // The tool's first cursor goes at once, its second is held; the acknowledged push behind them on
        // the same connection shows the hub has taken both.
        await tool.SendCursorAsync(1, 0);
        await tool.SendCursorAsync(2, 0);
        await tool.SendEditAsync("e_" + Guid.NewGuid().ToString("N")[..12], [0, 0, 1, 1]);
        await MoveAsync(ada, roomId, x: 5);
        fixture.Clock.Advance(Frame);
        await Poll.UntilAsync(() => bob.CursorFrames.Any(f => f.Cursors.Length == 2), "Bob receives the frame of the tool's and Ada's cursors");

        // Once the frame is sent, an edit behind it reaches the tool after it.
        fixture.Clock.Advance(Frame);
        await Poll.UntilAsync(() => !fixture.Frames.IsFraming(roomId), "the room's frames end");
        var marker = bob.Stroke();
        await bob.PushAsync(roomId, marker);
        await Poll.UntilAsync(() => sink.Edits.Contains(marker.ElementId!), "the tool receives Bob's edit sent after the frame");
        Assert.Equal(1, sink.Cursors);
    }

    private static Task MoveAsync(RoomClient client, string roomId, double x) =>
        client.Connection.InvokeAsync("MoveCursor", new CursorUpdate { RoomId = roomId, X = x, Y = 0, Visible = true });

    private async Task<(string RoomId, RoomClient Ada, RoomClient Bob)> TwoInARoomAsync()
    {
        var (roomId, clients) = await RoomAsync("Ada", "Bob");
        return (roomId, clients[0], clients[1]);
    }

    private async Task<(string RoomId, RoomClient Ada, RoomClient Bob, RoomClient Cy)> RoomOfAsync(string first, string second, string third)
    {
        var (roomId, clients) = await RoomAsync(first, second, third);
        return (roomId, clients[0], clients[1], clients[2]);
    }

    private async Task<(string RoomId, RoomClient[] Clients)> RoomAsync(params string[] names)
    {
        var users = new List<TestUser>();
        foreach (var name in names)
        {
            users.Add(await Host.SignInAsync(name));
        }

        var roomId = (await Host.CreateRoomAsync(users[0])).RoomId;
        var clients = new List<RoomClient>();
        foreach (var user in users)
        {
            var client = await RoomClient.ConnectAsync(Host, user);
            await client.JoinAsync(roomId);
            clients.Add(client);
        }

        return (roomId, [.. clients]);
    }

    /// <summary>What reached the load tool's client.</summary>
    private sealed class CountingSink : IDeliverySink
    {
        private int _cursors;

        public ConcurrentQueue<string> Edits { get; } = new();

        public int Cursors => Volatile.Read(ref _cursors);

        public void Edit(string elementId) => Edits.Enqueue(elementId);

        public void Cursor() => Interlocked.Increment(ref _cursors);
    }

    /// <summary>
    /// A host whose cursor frames run on a fake clock (the rest of the server on the real one), with
    /// viewers out of the cursor audience above two present (P-LIVE-4) and MessagePack for the load tool.
    /// </summary>
    public sealed class FramedHost : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public StudyRoomsHost Host { get; private set; } = null!;

        public CursorFrames Frames => Host.Services.GetRequiredService<CursorFrames>();

        public async Task InitializeAsync() => Host = await StudyRoomsHost.StartAsync(
            dataDirectory: null,
            settings: new Dictionary<string, string?>
            {
                ["StudyRooms:CursorFrameMilliseconds"] = Frame.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["StudyRooms:Board:CursorsToViewersMaxParticipants"] = "2",
                ["StudyRooms:MessagePackProtocol"] = "true",
            },
            services: services => services.AddSingleton(provider => ActivatorUtilities.CreateInstance<CursorFrames>(provider, Clock)));

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
