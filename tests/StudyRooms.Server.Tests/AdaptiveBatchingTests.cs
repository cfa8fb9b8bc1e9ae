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
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        await using var adaClient = await RoomClient.ConnectAsync(Host, ada);
        await using var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await adaClient.JoinAsync(room.RoomId);
        await bobClient.JoinAsync(room.RoomId);

        // Three pushes well inside one frame: a batched room would deliver them as one batch.
        await Task.WhenAll(adaClient.PushAsync(room.RoomId, adaClient.Stroke()), bobClient.PushAsync(room.RoomId, bobClient.Stroke()));
        await adaClient.PushAsync(room.RoomId, adaClient.Stroke());

        await Poll.UntilAsync(() => BroadcastOptionsTests.Received(bobClient).Count == 2, "Bob receives Ada's two ops");
        Assert.Empty(bobClient.OpsAppliedBatches);
        Assert.Empty(adaClient.OpsAppliedBatches);
        Assert.Equal(2, bobClient.OpsApplied.Count);
        Assert.Single(adaClient.OpsApplied);
    }

    [Fact]
    public async Task ARoomAtTheThresholdGetsOneBatchPerFrameInClockOrder() // P-OPS-7, P-OPS-8
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var cy = await Host.SignInAsync("Cy");
        var room = await Host.CreateRoomAsync(ada);
        await using var adaClient = await RoomClient.ConnectAsync(Host, ada);
        await using var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await using var cyClient = await RoomClient.ConnectAsync(Host, cy);
        await adaClient.JoinAsync(room.RoomId);
        await bobClient.JoinAsync(room.RoomId);
        await cyClient.JoinAsync(room.RoomId);

        var first = adaClient.Stroke();
        var second = bobClient.Stroke();
        var third = adaClient.Stroke();
        await Task.WhenAll(adaClient.PushAsync(room.RoomId, first), bobClient.PushAsync(room.RoomId, second));
        await adaClient.PushAsync(room.RoomId, third);

        await Poll.UntilAsync(() => BroadcastOptionsTests.Received(cyClient).Count == 3, "Cy receives all three ops");
        Assert.Equal([1L, 2L, 3L], BroadcastOptionsTests.Received(cyClient).Select(o => o.Clock));
        Assert.NotEmpty(cyClient.OpsAppliedBatches);
        await Poll.UntilAsync(() => BroadcastOptionsTests.Received(bobClient).Count == 2, "Bob receives Ada's two ops");
        Assert.Equal([first.ElementId, third.ElementId], BroadcastOptionsTests.Received(bobClient).Select(o => o.ElementId));
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
