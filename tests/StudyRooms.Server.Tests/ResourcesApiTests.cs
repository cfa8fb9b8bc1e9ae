using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Auth;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the resource shelf through the real host: links and notes over the hub reach the room,
// uploads are checked by content, size and image dimensions and stored under the data directory,
// and downloads go only to people with a place in the room, with headers that keep a file from
// running as a page of this origin (P-RES-3..9).
[Collection(HostCollection.Name)]
public sealed class ResourcesApiTests(HostFixture fixture)
{
    private const long MaxFileBytes = 10 * 1024 * 1024;

    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task AMemberUploadsAPngThatAnotherMemberSeesAndDownloadsInline_P_RES_6_P_RES_8_P_RES_9()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var png = TestFiles.Png(3, 2);

        var response = await UploadAsync(ada.User, roomId, "diagram.png", png);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = (await response.Content.ReadFromJsonAsync<ResourceItem>(ServerClient.Json))!;
        await Poll.UntilAsync(() => !bob.ResourcesAdded.IsEmpty, "bob is told of the upload");
        using var download = await DownloadAsync(bob.User, roomId, item.File!.BlobId);

        Assert.Equal((ResourceKind.File, "diagram.png", ada.User.UserId), (item.Kind, item.Title, item.AddedBy));
        Assert.Equal(("image/png", (long)png.Length, 3, 2), (item.File.ContentType, item.File.Size, item.File.Width, item.File.Height));
        Assert.Equal(32, item.File.BlobId.Length);
        Assert.Equal($"/api/rooms/{roomId}/files/{item.File.BlobId}", response.Headers.Location?.OriginalString);
        Assert.Equal(item.Id, bob.ResourcesAdded.Single().Item.Id);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(File.Exists(Path.Combine(Host.DataDirectory, "files", roomId, item.File.BlobId)), "the file is stored under <data dir>/files/<room>/<blob>");
        var listed = await bob.Connection.InvokeAsync<ResourceShelf>("ListResources", new ListResourcesRequest { RoomId = roomId });
        Assert.Equal(item.Id, listed.Items.Single().Id);
    }

    [Theory]
    [InlineData("Übung 1 — \"Lösung\".md", "text/markdown", "# Lösung\n\n1. ok\n")]
    [InlineData("slides.pdf", "application/pdf", null)]
    [InlineData("essay.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", null)]
    public async Task EverythingButRasterImagesIsAnAttachmentWithItsNameEncoded_P_RES_7_P_RES_9(string name, string type, string? text)
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var bytes = text is not null ? TestFiles.Text(text) : type == "application/pdf" ? TestFiles.Pdf() : TestFiles.Docx();

        var item = await UploadOkAsync(ada.User, roomId, name, bytes);
        using var download = await DownloadAsync(bob.User, roomId, item.File!.BlobId);

        Assert.Equal(type, download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(name.Replace("\"", ""), disposition.FileNameStar);
        Assert.All(disposition.ToString(), c => Assert.True(c < 128, "the header itself is ASCII"));
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedWith413AndLeavesNothingBehind_P_RES_7()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var tooLarge = new byte[MaxFileBytes + 1];
        "%PDF-"u8.CopyTo(tooLarge);

        var declared = await UploadAsync(ada.User, roomId, "big.pdf", tooLarge);
        var streamed = await UploadAsync(ada.User, roomId, "big.pdf", tooLarge, chunked: true);

        await AssertProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.FileTooLarge);
        await AssertProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.FileTooLarge);
        Assert.Empty(Directory.Exists(RoomFolder(roomId)) ? Directory.GetFiles(RoomFolder(roomId)) : []);
        Assert.Empty((await ListAsync(bob, roomId)).Items);
        var justFits = new byte[MaxFileBytes];
        "%PDF-"u8.CopyTo(justFits);
        Assert.Equal(MaxFileBytes, (await UploadOkAsync(ada.User, roomId, "fits.pdf", justFits)).File!.Size);
    }

    [Theory]
    [InlineData("cat.png", "html")]
    [InlineData("setup.png", "exe")]
    [InlineData("page.html", "html")]
    [InlineData("notes.txt", "exe")]
    [InlineData("slides.png", "pdf")]
    [InlineData("photo.jpg", "png")]
    [InlineData("unnamed", "text")]
    [InlineData("notes.txt", "latin1")]
    public async Task AFileWhoseContentIsNotAnAllowedTypeOrNotItsNameIsRefused_P_RES_7(string name, string content)
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var bytes = content switch
        {
            "html" => TestFiles.Html(),
            "exe" => TestFiles.Exe(),
            "pdf" => TestFiles.Pdf(),
            "png" => TestFiles.Png(),
            "latin1" => [0x4C, 0xF6, 0x73, 0x75, 0x6E, 0x67],
            _ => TestFiles.Text("plain words"),
        };

        var response = await UploadAsync(ada.User, roomId, name, bytes);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ErrorCodes.FileTypeNotAllowed);
        Assert.Empty((await ListAsync(bob, roomId)).Items);
        Assert.Empty(Directory.Exists(RoomFolder(roomId)) ? Directory.GetFiles(RoomFolder(roomId)) : []);
    }

    [Fact]
    public async Task AnImageWiderOrTallerThanTheLimitIsRefused_P_RES_7()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;

        var wide = await UploadAsync(ada.User, roomId, "wide.png", TestFiles.Png(10_001, 1));
        var tall = await UploadAsync(ada.User, roomId, "tall.png", TestFiles.Png(1, 100_000));
        var edge = await UploadAsync(ada.User, roomId, "edge.png", TestFiles.Png(10_000, 1));

        await AssertProblemAsync(wide, HttpStatusCode.BadRequest, ErrorCodes.ImageTooLarge);
        await AssertProblemAsync(tall, HttpStatusCode.BadRequest, ErrorCodes.ImageTooLarge);
        Assert.Equal(HttpStatusCode.Created, edge.StatusCode);
    }

    [Fact]
    public async Task DownloadsGoOnlyToPeopleWithAPlaceInTheRoom_P_RES_9()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var item = await UploadOkAsync(ada.User, roomId, "a.pdf", TestFiles.Pdf());
        var blobId = item.File!.BlobId;
        var owner = await OwnerOfAsync(roomId);
        var viewerUser = SignIn("Viewer");
        await owner.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = roomId, UserId = viewerUser.UserId, Role = RoomRole.Viewer });
        var stranger = SignIn("Stranger");
        await owner.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = bob.User.UserId, Ban = true });

        using var byViewer = await DownloadAsync(viewerUser, roomId, blobId);
        using var byStranger = await DownloadAsync(stranger, roomId, blobId);
        using var byBanned = await DownloadAsync(bob.User, roomId, blobId);
        using var anonymous = await DownloadAsync(null, roomId, blobId);
        using var unknownBlob = await DownloadAsync(ada.User, roomId, new string('0', 32));
        using var badBlob = await DownloadAsync(ada.User, roomId, "..%2F..%2Fsigning-key");
        using var otherRoom = await DownloadAsync(ada.User, (await Host.CreateRoomAsync(ada.User)).RoomId, blobId);

        Assert.Equal(HttpStatusCode.OK, byViewer.StatusCode);
        await AssertProblemAsync(byStranger, HttpStatusCode.Forbidden, ErrorCodes.NotInRoom);
        await AssertProblemAsync(byBanned, HttpStatusCode.Forbidden, ErrorCodes.Banned);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await AssertProblemAsync(unknownBlob, HttpStatusCode.NotFound, ErrorCodes.ResourceNotFound);
        Assert.Equal(HttpStatusCode.NotFound, badBlob.StatusCode);
        await AssertProblemAsync(otherRoom, HttpStatusCode.NotFound, ErrorCodes.ResourceNotFound);
        await owner.DisposeAsync();
    }

    [Fact]
    public async Task APrivateRoomsFilesAreHiddenFromStrangersAs404_P_RES_9()
    {
        var ownerUser = SignIn("Owner");
        using var http = Host.CreateHttpClient(ownerUser);
        var created = await http.PostAsJsonAsync("/api/rooms", new CreateRoomRequest { Name = "Private", InviteOnly = true }, ServerClient.Json);
        var roomId = (await created.Content.ReadFromJsonAsync<RoomSnapshot>(ServerClient.Json))!.RoomId;
        await using var owner = await RoomClient.ConnectAsync(Host, ownerUser);
        await owner.JoinAsync(roomId);
        var item = await UploadOkAsync(ownerUser, roomId, "secret.pdf", TestFiles.Pdf());

        using var byStranger = await DownloadAsync(SignIn("Stranger"), roomId, item.File!.BlobId);
        var uploadByStranger = await UploadAsync(SignIn("Stranger"), roomId, "x.pdf", TestFiles.Pdf());

        await AssertProblemAsync(byStranger, HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        await AssertProblemAsync(uploadByStranger, HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task ViewersNeitherUploadNorPinButReadTheShelf_P_RES_5()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var owner = await OwnerOfAsync(roomId);
        await owner.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = roomId, UserId = bob.User.UserId, Role = RoomRole.Viewer });
        await PinLinkAsync(ada, roomId, "https://example.org");

        var upload = await UploadAsync(bob.User, roomId, "a.pdf", TestFiles.Pdf());
        var pin = await Assert.ThrowsAsync<HubException>(() => PinLinkAsync(bob, roomId, "https://example.org/mine"));

        await AssertProblemAsync(upload, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        Assert.Equal(ErrorCodes.Forbidden, HubErrors.Parse(pin).Code);
        Assert.Single((await ListAsync(bob, roomId)).Items);
        await owner.DisposeAsync();
    }

    [Fact]
    public async Task LinksAndNotesTravelOverTheHubAndJavascriptLinksAreRefused_P_RES_3_P_RES_4_P_RES_8()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;

        var link = await PinLinkAsync(ada, roomId, "https://example.org/notes", "Notes");
        var note = await ada.Connection.InvokeAsync<ResourceItem>("PinResource", new PinResourceRequest { RoomId = roomId, Kind = ResourceKind.Note, Text = "Read chapter 3" });
        var script = await Assert.ThrowsAsync<HubException>(() => PinLinkAsync(ada, roomId, "javascript:alert(document.cookie)"));
        var noRequest = await Assert.ThrowsAsync<HubException>(() => ada.Connection.InvokeAsync<ResourceItem>("PinResource", (PinResourceRequest?)null));
        var othersItem = await Assert.ThrowsAsync<HubException>(() => bob.Connection.InvokeAsync("RemoveResource", new RemoveResourceRequest { RoomId = roomId, ResourceId = link.Id }));
        await Poll.UntilAsync(() => bob.ResourcesAdded.Count == 2, "bob is told of both items");
        await ada.Connection.InvokeAsync("RemoveResource", new RemoveResourceRequest { RoomId = roomId, ResourceId = link.Id });
        await Poll.UntilAsync(() => !bob.ResourcesRemoved.IsEmpty, "bob is told of the removal");

        Assert.Equal(ErrorCodes.InvalidResource, HubErrors.Parse(script).Code);
        Assert.Equal(ErrorCodes.NotInRoom, HubErrors.Parse(noRequest).Code);
        Assert.Equal(ErrorCodes.Forbidden, HubErrors.Parse(othersItem).Code);
        Assert.Equal([link.Id, note.Id], bob.ResourcesAdded.Select(e => e.Item.Id));
        Assert.Equal([link.Id], bob.ResourcesRemoved.Single().ResourceIds);
        Assert.Equal([note.Id], (await ListAsync(bob, roomId)).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task AddsAreRateLimitedPerUserAcrossPinsAndUploads_P_RES_3()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var pinned = 0;
        HubException? refused = null;
        while (refused is null && pinned < 12)
        {
            try
            {
                await PinLinkAsync(ada, roomId, $"https://example.org/{pinned}");
                pinned++;
            }
            catch (HubException e)
            {
                refused = e;
            }
        }

        var upload = await UploadAsync(ada.User, roomId, "late.pdf", TestFiles.Pdf());
        var bobsUpload = await UploadAsync(bob.User, roomId, "bob.pdf", TestFiles.Pdf());

        // Ten at once, then one every 6 s: a slow machine may earn one more during the loop.
        Assert.InRange(pinned, 10, 11);
        Assert.Equal(ErrorCodes.RateLimited, HubErrors.Parse(refused!).Code);
        await AssertProblemAsync(upload, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        Assert.Equal(HttpStatusCode.Created, bobsUpload.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    private static Task<ResourceItem> PinLinkAsync(RoomClient client, string roomId, string url, string? title = null) =>
        client.Connection.InvokeAsync<ResourceItem>("PinResource", new PinResourceRequest { RoomId = roomId, Kind = ResourceKind.Link, Url = url, Title = title });

    private static Task<ResourceShelf> ListAsync(RoomClient client, string roomId) =>
        client.Connection.InvokeAsync<ResourceShelf>("ListResources", new ListResourcesRequest { RoomId = roomId });

    private string RoomFolder(string roomId) => Path.Combine(Host.DataDirectory, "files", roomId);

    private async Task<HttpResponseMessage> UploadAsync(TestUser user, string roomId, string name, byte[] bytes, bool chunked = false)
    {
        using var http = Host.CreateHttpClient(user);
        HttpContent content = chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rooms/{roomId}/files?name={Uri.EscapeDataString(name)}") { Content = content };
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<ResourceItem> UploadOkAsync(TestUser user, string roomId, string name, byte[] bytes)
    {
        var response = await UploadAsync(user, roomId, name, bytes);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload of {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ResourceItem>(ServerClient.Json))!;
    }

    private async Task<HttpResponseMessage> DownloadAsync(TestUser? user, string roomId, string blobId)
    {
        using var http = Host.CreateHttpClient(user);
        var response = await http.GetAsync($"/api/rooms/{roomId}/files/{blobId}");
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private TestUser SignIn(string displayName)
    {
        var session = Host.Services.GetRequiredService<TokenService>().CreateGuest(displayName);
        return new TestUser(session.UserId, session.DisplayName, session.Token);
    }

    private readonly Dictionary<string, TestUser> _owners = new(StringComparer.Ordinal);

    private async Task<RoomClient> OwnerOfAsync(string roomId)
    {
        var owner = await RoomClient.ConnectAsync(Host, _owners[roomId]);
        await owner.JoinAsync(roomId);
        return owner;
    }

    /// <summary>A fresh room whose owner stays away, with two members present: ada and bob.</summary>
    private async Task<(string RoomId, RoomClient Ada, RoomClient Bob)> TwoInARoomAsync()
    {
        var owner = SignIn("Owner");
        var roomId = (await Host.CreateRoomAsync(owner)).RoomId;
        _owners[roomId] = owner;
        var ada = await RoomClient.ConnectAsync(Host, SignIn("Ada"));
        var bob = await RoomClient.ConnectAsync(Host, SignIn("Bob"));
        await ada.JoinAsync(roomId);
        await bob.JoinAsync(roomId);
        return (roomId, ada, bob);
    }
}
