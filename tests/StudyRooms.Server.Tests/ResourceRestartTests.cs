using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Resources;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves an acknowledged upload and pin survive a restart of the server on the same data directory,
// that a configured upload limit applies, and that deleting a room's resources removes its files
// from disk (P-RES-6, P-RES-7, P-RES-10).
public sealed class ResourceRestartTests
{
    [Fact]
    public async Task UploadsAndPinsSurviveARestartAndDeleteAllRemovesTheFiles()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        var png = TestFiles.Png(5, 5);
        string roomId;
        TestUser ada;
        ResourceItem file;
        await using (var host = await StudyRoomsHost.StartAsync(dataDirectory))
        {
            ada = await host.SignInAsync("Ada");
            roomId = (await host.CreateRoomAsync(ada)).RoomId;
            await using var client = await RoomClient.ConnectAsync(host, ada);
            await client.JoinAsync(roomId);
            await client.Connection.InvokeAsync<ResourceItem>("PinResource", new PinResourceRequest { RoomId = roomId, Kind = ResourceKind.Note, Text = "kept" });
            using var http = host.CreateHttpClient(ada);
            var uploaded = await http.PostAsync($"/api/rooms/{roomId}/files?name=kept.png", new ByteArrayContent(png));
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            file = (await uploaded.Content.ReadFromJsonAsync<ResourceItem>(ServerClient.Json))!;
        }

        await using var restarted = await StudyRoomsHost.StartAsync(dataDirectory, new Dictionary<string, string?> { ["StudyRooms:Resources:MaxFileBytes"] = "1000" });
        using var again = restarted.CreateHttpClient(ada);
        // The owner holds a place in the room without being present (P-RES-5).
        var download = await again.GetAsync($"/api/rooms/{roomId}/files/{file.File!.BlobId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        await using (var client = await RoomClient.ConnectAsync(restarted, ada))
        {
            await client.JoinAsync(roomId);
            var shelf = await client.Connection.InvokeAsync<ResourceShelf>("ListResources", new ListResourcesRequest { RoomId = roomId });
            Assert.Equal([ResourceKind.File, ResourceKind.Note], shelf.Items.Select(i => i.Kind));
        }

        var tooLarge = await again.PostAsync($"/api/rooms/{roomId}/files?name=big.pdf", new ByteArrayContent([.. "%PDF-"u8, .. new byte[1000]]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("1000 bytes", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoomResourcesGrain>(roomId).DeleteAllAsync();
        Assert.False(Directory.Exists(Path.Combine(dataDirectory, "files", roomId)), "the room's files are gone from disk");
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"/api/rooms/{roomId}/files/{file.File.BlobId}")).StatusCode);
    }
}
