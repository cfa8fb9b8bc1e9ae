using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves that per-frame batching is adaptive (P-OPS-8): with the default settings only rooms with at
// least StudyRooms:OpsBatchRoomConnections connections here get OpsAppliedBatch, smaller rooms get
// each OpsApplied at once, and every room keeps clock order without returning a pusher's own ops.
public sealed class AdaptiveBatchingTests(AdaptiveBatchingTests.AdaptiveHost fixture) : IClassFixture<AdaptiveBatchingTests.AdaptiveHost>
{
    /// <summary>Rooms with this many connections are batched; small, so a test needs only a few clients.</summary>
    private const int RoomConnections = 3;

    /// <summary>A frame long enough that quick pushes share it even on a loaded machine.</summary>
    private const int FrameMilliseconds = 2000;

    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task ARoomBelowTheThresholdGetsEveryEventAtOnce() // P-OPS-8
    {
        // Three pushes well inside one frame: a batched room would deliver them as one batch.
        await using var room = await ThreePushRoom.PushAsync(Host, withCy: false);

        await Poll.UntilAsync(() => room.Bob.ReceivedOps().Count == 2, "Bob receives Ada's two ops");
        Assert.Empty(room.Bob.OpsAppliedBatches);
        Assert.Empty(room.Ada.OpsAppliedBatches);
        Assert.Equal(2, room.Bob.OpsApplied.Count);
        Assert.Single(room.Ada.OpsApplied);
    }

    [Fact]
    public async Task ARoomAtTheThresholdGetsOneBatchPerFrameInClockOrder() // P-OPS-7, P-OPS-8
    {
        await using var room = await ThreePushRoom.PushAsync(Host, withCy: true);

        await Poll.UntilAsync(() => room.Cy.ReceivedOps().Count == 3, "Cy receives all three ops");
        Assert.Equal([1L, 2L, 3L], room.Cy.ReceivedOps().Select(o => o.Clock));
        Assert.InRange(room.Cy.OpsMessages, 1, 2); // at most the quiet room's first frame at once, then one for the rest
        Assert.Single(room.Cy.OpsAppliedBatches);
        await Poll.UntilAsync(() => room.Bob.ReceivedOps().Count == 2, "Bob receives Ada's two ops");
        Assert.Equal([room.First.ElementId, room.Third.ElementId], room.Bob.ReceivedOps().Select(o => o.ElementId));
    }

    /// <summary>A host with the default batching mode and a low room threshold.</summary>
    public sealed class AdaptiveHost : IAsyncLifetime
    {
        public StudyRoomsHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:OpsBatchMilliseconds"] = FrameMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StudyRooms:OpsBatchRoomConnections"] = RoomConnections.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
