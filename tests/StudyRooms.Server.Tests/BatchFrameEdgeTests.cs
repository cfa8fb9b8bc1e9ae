using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the frame edges of P-OPS-8 on a real host whose clock stands still unless the test moves it:
// a quiet room's first event goes out at once (leading edge: with the clock stopped, a frame that
// waited for its window would never go), and the events that follow inside the window it opened are
// held and go out together as one batch when the window ends.
public sealed class BatchFrameEdgeTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(16);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private StudyRoomsHost _host = null!;

    public async Task InitializeAsync() => _host = await StudyRoomsHost.StartAsync(
        dataDirectory: null,
        settings: new Dictionary<string, string?>
        {
            ["StudyRooms:OpsBatchMilliseconds"] = Window.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StudyRooms:OpsBatchRoomConnections"] = "1",
        },
        services: services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AQuietRoomsFirstEditGoesAtOnceAndTheNextOnesOfItsWindowGoTogether() // P-OPS-8
    {
        await using var room = await OwnedRoom.OpenAsync(_host, "Ada");
        await using var bob = await room.JoinNewUserAsync(_host, "Bob");

        var first = room.Owner.Stroke();
        await room.Owner.PushAsync(room.RoomId, first);
        await Poll.UntilAsync(() => bob.ReceivedOps().Count == 1, "Bob receives the quiet room's first edit with the clock stopped");
        Assert.Single(bob.OpsApplied);

        var second = room.Owner.Stroke();
        var third = room.Owner.Stroke();
        await room.Owner.PushAsync(room.RoomId, second);
        await room.Owner.PushAsync(room.RoomId, third);

        // The frame's timer starts on the server's own time: move the clock on until the window ends.
        await Poll.UntilAsync(
            () =>
            {
                _clock.Advance(Window);
                return bob.ReceivedOps().Count == 3;
            },
            "Bob receives the two held edits once the window is over");
        Assert.Equal([first.ElementId, second.ElementId, third.ElementId], bob.ReceivedOps().Select(o => o.ElementId));
        var batch = Assert.Single(bob.OpsAppliedBatches);
        Assert.Equal([second.ElementId, third.ElementId], batch.Events.SelectMany(e => e.Ops).Select(o => o.ElementId));
    }
}
