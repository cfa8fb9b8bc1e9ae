using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves in both deployment modes that deleting a room through the real HTTP API and hub erases it
// everywhere it lives: after a room full of board edits (with compaction snapshots and history), chat
// with a thread and read positions, a running sprint with its reminder, an invite, a raised hand and
// people present is deleted, no row of the SQLite file and no Redis key (name or contents) mentions its
// id; everyone connected got RoomDeleted, and the id answers ROOM_NOT_FOUND (P-LIFE-3, P-LIFE-4).
public sealed class RoomDeletionTests : IAsyncLifetime
{
    private const string RoomName = "Thermodynamics";

    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task DeletingARoomLeavesNoRowOfItInTheSqliteFile_P_LIFE_4()
    {
        await using var host = await StudyRoomsHost.StartAsync(settings: SmallSnapshots(new()));
        var database = Path.Combine(host.DataDirectory, "studyrooms.db");

        await DeleteFilledRoomAsync(host, Path.Combine(host.DataDirectory, "files"), roomId => StoredData.SqliteRowsMentioningAsync(database, roomId));
    }

    [Fact]
    public async Task DeletingARoomLeavesNoRedisKeyOfItInRedisMode_P_LIFE_4()
    {
        var prefix = "del" + Guid.NewGuid().ToString("N")[..8];
        var filesDirectory = Path.Combine(StudyRoomsHost.NewDataDirectory(), "shared-files");
        await using var host = await StudyRoomsHost.StartAsync(settings: SmallSnapshots(new()
        {
            ["StudyRooms:Redis"] = _redis.ConnectionString,
            ["StudyRooms:KeyPrefix"] = prefix,
            ["StudyRooms:ClusterId"] = prefix,
            ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            ["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["StudyRooms:Resources:FilesDirectory"] = filesDirectory,
        }));
        using (var http = host.CreateHttpClient())
        {
            await Poll.UntilAsync(async () => (await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, "/ready answers 200 in Redis mode");
        }

        await DeleteFilledRoomAsync(host, filesDirectory, roomId => StoredData.RedisKeysMentioningAsync(_redis.ConnectionString, roomId));
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "studyrooms.db")));
    }

    private static Dictionary<string, string?> SmallSnapshots(Dictionary<string, string?> settings)
    {
        // Compaction snapshots every few ops, so the board store holds a snapshot and a retained tail too.
        settings["StudyRooms:Board:SnapshotEveryOps"] = "4";
        settings["StudyRooms:Board:OpLogRetention"] = "4";
        return settings;
    }

    private static async Task DeleteFilledRoomAsync(StudyRoomsHost host, string filesDirectory, Func<string, Task<IReadOnlyList<string>>> storedMentions)
    {
        var ada = await host.SignInAsync("Ada");
        var bob = await host.SignInAsync("Bob");
        using var adaHttp = host.CreateHttpClient(ada);
        using var bobHttp = host.CreateHttpClient(bob);
        var created = await adaHttp.PostAsJsonAsync("/api/rooms", new CreateRoomRequest { Name = RoomName, Topic = "Entropy", IsPublic = true }, ServerClient.Json);
        var roomId = (await created.Content.ReadFromJsonAsync<RoomSnapshot>(ServerClient.Json))!.RoomId;
        await using var owner = await RoomClient.ConnectAsync(host, ada);
        await using var member = await RoomClient.ConnectAsync(host, bob);
        var deletedEvents = new ConcurrentQueue<(string Who, RoomDeleted Event)>();
        owner.Connection.On<RoomDeleted>("RoomDeleted", e => deletedEvents.Enqueue(("ada", e)));
        member.Connection.On<RoomDeleted>("RoomDeleted", e => deletedEvents.Enqueue(("bob", e)));
        await owner.JoinAsync(roomId);
        await member.JoinAsync(roomId);

        // Fill every part of the room.
        for (var i = 0; i < 10; i++)
        {
            await member.PushAsync(roomId, member.Stroke(x: i));
        }

        var root = await owner.PostAsync(roomId, "Read chapter 4");
        await member.PostAsync(roomId, "Done", threadRootSeq: root.Seq);
        await member.Connection.InvokeAsync<ChatUnread>("MarkRead", new MarkReadRequest { RoomId = roomId, Seq = root.Seq + 1 });
        await owner.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5", Goal = "Problems 1-5" });
        await member.Connection.InvokeAsync<SprintSnapshot>("JoinSprint", new SprintGoalRequest { RoomId = roomId, Goal = "Problem 1" });
        await member.Connection.InvokeAsync<HelpRequest[]>("RaiseHand", new RaiseHandRequest { RoomId = roomId, Note = "stuck" });
        (await adaHttp.PostAsJsonAsync($"/api/rooms/{roomId}/invites", new CreateInviteRequest { Role = RoomRole.Member }, ServerClient.Json)).EnsureSuccessStatusCode();
        await member.Connection.InvokeAsync<ResourceItem>("PinResource", new PinResourceRequest { RoomId = roomId, Kind = ResourceKind.Link, Url = "https://example.org/entropy", Title = "Entropy notes" });
        (await bobHttp.PostAsync($"/api/rooms/{roomId}/files?name=diagram.png", new ByteArrayContent(TestFiles.Png()))).EnsureSuccessStatusCode();
        var roomFiles = Path.Combine(filesDirectory, roomId);
        Assert.NotEmpty(Directory.EnumerateFiles(roomFiles));
        var before = await storedMentions(roomId);
        Assert.True(before.Count >= 5, "the room's data is stored before the deletion: " + string.Join("; ", before));

        // Only the owner, with the name typed exactly.
        Assert.Equal(HttpStatusCode.Forbidden, (await DeleteAsync(bobHttp, roomId, RoomName)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteAsync(adaHttp, roomId, "thermodynamics")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(adaHttp, roomId, RoomName)).StatusCode);

        await Poll.UntilAsync(() => deletedEvents.Count == 2, "both connections get RoomDeleted");
        Assert.Equal(["ada", "bob"], deletedEvents.Select(e => e.Who).Order(StringComparer.Ordinal));
        Assert.All(deletedEvents, e => Assert.Equal((roomId, RoomName), (e.Event.RoomId, e.Event.Name)));

        // Nothing of the room remains. In Redis mode the grain directory entries of the room's
        // activations go as those deactivate, right after the erasure, hence the poll.
        IReadOnlyList<string> after = before;
        try
        {
            await Poll.UntilAsync(async () => (after = await storedMentions(roomId)).Count == 0, "no stored data mentions the room");
        }
        catch (Exception)
        {
            Assert.Fail("stored data still mentions the room: " + string.Join("; ", after));
        }

        Assert.False(Directory.Exists(roomFiles), "the room's uploaded files are erased with it");

        var push = await Assert.ThrowsAsync<HubException>(() => member.PushAsync(roomId, member.Stroke()));
        Assert.Equal("ROOM_NOT_FOUND", HubErrors.Parse(push).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await adaHttp.GetAsync($"/api/rooms/{roomId}")).StatusCode);
        await using var again = await RoomClient.ConnectAsync(host, bob);
        var join = await Assert.ThrowsAsync<HubException>(() => again.JoinAsync(roomId));
        Assert.Equal("ROOM_NOT_FOUND", HubErrors.Parse(join).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(adaHttp, roomId, RoomName)).StatusCode);
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient http, string roomId, string name) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/rooms/{roomId}") { Content = JsonContent.Create(new DeleteRoomRequest { Name = name }, options: ServerClient.Json) });
}
