using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the board history over the real hub and WebSocket: a snapshot taken through the sprint hook
// is listed and previewed with the documented fields, bad and unknown ids are refused, and a restore
// is ordinary ops pushed with the restorer's client id that the others receive as OpsApplied
// (P-HIST-1..4). Who may call what is walked by PermissionMatrixTests.
[Collection(HostCollection.Name)]
public sealed class BoardHistoryHubTests(HostFixture fixture) : IAsyncLifetime
{
    private readonly List<RoomClient> _clients = [];

    private StudyRoomsHost Host => fixture.Host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASnapshotFromTheSprintHookIsListedAndPreviewed_P_HIST_1_P_HIST_2_P_HIST_3()
    {
        var (roomId, ada, _) = await RoomWithTwoAsync();
        var first = ada.Stroke(x: 1);
        var second = ada.Stroke(x: 2);
        await ada.PushAsync(roomId, first, second);
        var saved = await Board(roomId).SaveHistorySnapshotAsync("Sprint 1 started");
        await ada.PushAsync(roomId, Delete(ada, first.ElementId!));

        var listed = await ada.Connection.InvokeAsync<ListBoardHistoryResult>("ListBoardHistory", new ListBoardHistoryRequest { RoomId = roomId });
        var preview = await ada.Connection.InvokeAsync<BoardHistorySnapshot>("PreviewBoardHistory", new PreviewBoardHistoryRequest { RoomId = roomId, SnapshotId = saved.Id });

        var entry = Assert.Single(listed.Entries);
        Assert.Equal((saved.Id, "Sprint 1 started", BoardHistoryReason.Requested, 2L, 2), (entry.Id, entry.Label, entry.Reason, entry.Clock, entry.ElementCount));
        Assert.Equal([ada.User.UserId], entry.EditorIds);
        Assert.Equal(saved.Id, preview.Entry.Id);
        Assert.Equal(new[] { first.ElementId, second.ElementId }.Order(StringComparer.Ordinal), preview.Elements.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, preview.Elements.Single(e => e.Id == first.ElementId).Props.X);
    }

    [Theory]
    [InlineData(null, "INVALID_REQUEST")]
    [InlineData("not an id", "INVALID_REQUEST")]
    [InlineData("h_00000000000000000000", "SNAPSHOT_NOT_FOUND")]
    public async Task APreviewOfAMissingOrMalformedSnapshotIsRefused_P_HIST_3(string? snapshotId, string code)
    {
        var (roomId, ada, _) = await RoomWithTwoAsync();

        var refusal = await Assert.ThrowsAsync<HubException>(() =>
            ada.Connection.InvokeAsync<BoardHistorySnapshot>("PreviewBoardHistory", new PreviewBoardHistoryRequest { RoomId = roomId, SnapshotId = snapshotId }));

        Assert.Equal(code, HubErrors.Parse(refusal).Code);
    }

    [Fact]
    public async Task ARestoreIsOrdinaryOpsThatOthersReceiveWithTheRestorersClientId_P_HIST_4()
    {
        var (roomId, ada, bob) = await RoomWithTwoAsync();
        var note = ada.Stroke(x: 5);
        await ada.PushAsync(roomId, note);
        var saved = await Board(roomId).SaveHistorySnapshotAsync("before the cleanup");
        await bob.PushAsync(roomId, Delete(bob, note.ElementId!));

        // Ada restores: the snapshot's element is gone for good (ids are never reused, P-OPS-5), so
        // the difference is a create of a copy under a fresh id, pushed like any edit.
        var preview = await ada.Connection.InvokeAsync<BoardHistorySnapshot>("PreviewBoardHistory", new PreviewBoardHistoryRequest { RoomId = roomId, SnapshotId = saved.Id });
        var old = Assert.Single(preview.Elements);
        var copy = new ElementOp { Kind = ElementOpKind.Create, ElementId = "e_restored" + Guid.NewGuid().ToString("N")[..8], ClientSeq = ada.NextSeq(), Type = old.Type, Props = old.Props };
        var result = await ada.PushAsync(roomId, copy);

        Assert.Equal(3, Assert.Single(result.Acks).Clock);
        await Poll.UntilAsync(() => bob.OpsApplied.Any(e => e.Ops.Any(o => o.ElementId == copy.ElementId)), "Bob receives the restore");
        var applied = bob.OpsApplied.Single(e => e.Ops.Any(o => o.ElementId == copy.ElementId));
        Assert.Equal((ada.User.UserId, ada.ClientId), (applied.AuthorId, applied.ClientId));
        var board = await Board(roomId).GetSnapshotAsync();
        Assert.Equal(5, Assert.Single(board.Elements).Props.X);
    }

    private IBoardGrain Board(string roomId) => Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IBoardGrain>(roomId);

    private static ElementOp Delete(RoomClient client, string elementId) =>
        new() { Kind = ElementOpKind.Delete, ElementId = elementId, ClientSeq = client.NextSeq() };

    private async Task<(string RoomId, RoomClient Ada, RoomClient Bob)> RoomWithTwoAsync()
    {
        var adaUser = await Host.SignInAsync("Ada");
        var roomId = (await Host.CreateRoomAsync(adaUser)).RoomId;
        var ada = await RoomClient.ConnectAsync(Host, adaUser);
        await ada.JoinAsync(roomId);
        _clients.Add(ada);
        var bob = await RoomClient.ConnectAsync(Host, await Host.SignInAsync("Bob"));
        _clients.Add(bob);
        await bob.JoinAsync(roomId);
        return (roomId, ada, bob);
    }
}
