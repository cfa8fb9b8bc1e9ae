using System.Net;
using System.Net.Http.Json;
using StudyRooms.Contracts.Boards;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves "acknowledged means durable" in the embedded mode: acknowledged edits survive a restart and a
// SIGKILL of the server process (P-OPS-2), and sign-ins survive too (the signing key is kept).
public sealed class DurabilityTests
{
    [Fact]
    public async Task RoomsStrokesAndTokensSurviveARestart()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        TestUser ada;
        string roomId;
        ElementOp stroke;
        await using (var host = await StudyRoomsHost.StartAsync(dataDirectory))
        {
            ada = await host.SignInAsync("Ada");
            roomId = (await host.CreateRoomAsync(ada, "Physics", "Optics")).RoomId;
            await using var client = await RoomClient.ConnectAsync(host, ada);
            await client.JoinAsync(roomId);
            stroke = client.Stroke();
            await client.PushAsync(roomId, stroke);
        }

        await using var restarted = await StudyRoomsHost.StartAsync(dataDirectory);
        await using var again = await RoomClient.ConnectAsync(restarted, ada);
        var joined = await again.JoinAsync(roomId);

        Assert.Equal("Physics", joined.Room.Name);
        Assert.Equal(1, joined.Board!.Clock);
        var element = Assert.Single(joined.Board!.Elements);
        Assert.Equal(stroke.ElementId, element.Id);
        Assert.Equal(stroke.Props!.Points, element.Props.Points);
        Assert.Equal(ada.UserId, element.CreatedBy);
    }

    [Fact]
    public async Task EveryAcknowledgedEditSurvivesASigkillOfTheServerProcess()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        TestUser ada;
        string roomId;
        var acknowledged = new List<(string ElementId, long Clock)>();
        await using (var server = await ServerProcess.StartAsync(dataDirectory))
        {
            ada = await server.Client.SignInAsync("Ada");
            roomId = (await server.Client.CreateRoomAsync(ada)).RoomId;
            await using var client = await RoomClient.ConnectAsync(server.Client, ada);
            await client.JoinAsync(roomId);
            for (var push = 0; push < 40; push++)
            {
                var ops = Enumerable.Range(0, 5).Select(i => client.Stroke(x: push, y: i)).ToArray();
                var result = await client.PushAsync(roomId, ops);
                acknowledged.AddRange(ops.Zip(result.Acks, (op, ack) => (op.ElementId!, ack.Clock)));
            }

            // Kill right after the last acknowledgement: no graceful shutdown, no flush.
            await server.CrashAsync();
        }

        await using var restarted = await ServerProcess.StartAsync(dataDirectory);
        await using var again = await RoomClient.ConnectAsync(restarted.Client, ada);
        var board = (await again.JoinAsync(roomId)).Board!;

        Assert.Equal(200, acknowledged.Count);
        Assert.Equal(acknowledged.Max(a => a.Clock), board.Clock);
        Assert.Equal(
            acknowledged.OrderBy(a => a.ElementId, StringComparer.Ordinal),
            board.Elements.Select(e => (e.Id, e.Version)).OrderBy(e => e.Id, StringComparer.Ordinal));
    }
}
