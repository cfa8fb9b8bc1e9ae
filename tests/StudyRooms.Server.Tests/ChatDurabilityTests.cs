using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Chat;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves "acknowledged means durable" for chat: every message, reply, edit, reaction and delete the
// server acknowledged survives a SIGKILL of the server process, in the embedded mode (SQLite) and in
// the Redis mode (read back by a new process from Redis alone) (P-CHAT-2).
public sealed class ChatDurabilityTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync(appendOnly: true);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task EveryAcknowledgedChatChangeSurvivesASigkillOfTheServerProcess()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        await RunAsync(() => ServerProcess.StartAsync(dataDirectory));
    }

    [Fact]
    public async Task EveryAcknowledgedChatChangeSurvivesASigkillOfTheServerProcessInRedisMode()
    {
        var prefix = "chat" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            ["StudyRooms:Redis"] = _redis.ConnectionString,
            ["StudyRooms:KeyPrefix"] = prefix,
            ["StudyRooms:ClusterId"] = prefix,
            ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            ["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        var starts = 0;

        // The restarted process gets a fresh data directory and a new cluster id (see
        // BoardRedisDurabilityTests): all it reads comes from Redis.
        await RunAsync(() =>
        {
            settings["StudyRooms:ClusterId"] = prefix + starts++;
            return ServerProcess.StartAsync(StudyRoomsHost.NewDataDirectory(), settings);
        });
    }

    private static async Task RunAsync(Func<Task<ServerProcess>> start)
    {
        var acknowledged = new Dictionary<long, ChatMessage>();
        TestUser owner;
        string roomId;
        await using (var server = await start())
        {
            owner = await server.Client.SignInAsync("Owner");
            roomId = (await server.Client.CreateRoomAsync(owner)).RoomId;
            var clients = new List<RoomClient> { await RoomClient.ConnectAsync(server.Client, owner) };
            for (var i = 1; i < 4; i++)
            {
                clients.Add(await RoomClient.ConnectAsync(server.Client, await server.Client.SignInAsync($"Student {i}")));
            }

            foreach (var client in clients)
            {
                await client.JoinAsync(roomId);
            }

            // Ten posts per user (their burst), every third a reply in the first thread.
            for (var round = 0; round < 10; round++)
            {
                foreach (var client in clients)
                {
                    var root = acknowledged.Count > 0 && round % 3 == 2 ? 1L : (long?)null;
                    var message = await client.PostAsync(roomId, $"{client.User.DisplayName} says {round}", threadRootSeq: root);
                    acknowledged[message.Seq] = message;
                    if (root is { } r)
                    {
                        acknowledged[r] = acknowledged[r] with { ReplyCount = acknowledged[r].ReplyCount + 1, LastReplyAt = message.CreatedAt };
                    }
                }
            }

            var ownerClient = clients[0];
            foreach (var seq in new long[] { 2, 3 })
            {
                var author = clients.Single(c => c.User.UserId == acknowledged[seq].AuthorId);
                acknowledged[seq] = await author.Connection.InvokeAsync<ChatMessage>("EditMessage", new EditMessageRequest { RoomId = roomId, Seq = seq, Text = "edited" });
            }

            acknowledged[5] = await clients[1].Connection.InvokeAsync<ChatMessage>("ReactToMessage", new ReactToMessageRequest { RoomId = roomId, Seq = 5, Emoji = "🔥" });
            acknowledged[6] = await ownerClient.Connection.InvokeAsync<ChatMessage>("DeleteMessage", new DeleteMessageRequest { RoomId = roomId, Seq = 6 });

            // Kill right after the last acknowledgement: no graceful shutdown, no flush.
            await server.CrashAsync();
        }

        await using var restarted = await start();
        await using var again = await RoomClient.ConnectAsync(restarted.Client, owner);
        await again.JoinAsync(roomId);
        var timeline = await again.LoadMessagesAsync(roomId, limit: 100);
        var thread = await again.LoadMessagesAsync(roomId, threadRootSeq: 1, limit: 100);
        var next = await again.PostAsync(roomId, "after the crash");

        Assert.Equal(40, acknowledged.Count);
        var read = timeline.Messages.Concat(thread.Messages).OrderBy(m => m.Seq).ToArray();
        Assert.Equal(acknowledged.Keys.Order(), read.Select(m => m.Seq));
        foreach (var message in read)
        {
            var expected = acknowledged[message.Seq];
            Assert.Equal(
                (expected.Text, expected.AuthorId, expected.ThreadRootSeq, expected.Deleted, expected.EditedAt, expected.ReplyCount, expected.Reactions.Length),
                (message.Text, message.AuthorId, message.ThreadRootSeq, message.Deleted, message.EditedAt, message.ReplyCount, message.Reactions.Length));
        }

        Assert.Equal(41, next.Seq);
    }
}
