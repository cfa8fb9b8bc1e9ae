using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Resources;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage.Files;

namespace StudyRooms.Grains.Tests.Resources;

// Proves on a real silo with SQLite grain state and files on disk that the resource shelf keeps links,
// notes and files newest first across reactivation, refuses bad links and whoever may not add or
// remove, limits items and adds, tells the room every change, and deletes a room's files (P-RES-1..9).
[Collection(ClusterCollection.Name)]
public sealed class RoomResourcesGrainTests(ClusterFixture fixture)
{
    private DiskResourceFileStore Files => new(fixture.FilesDirectory);

    [Fact]
    public async Task PinnedLinksAndNotesAreStoredNewestFirstAndToldToTheRoom_P_RES_1_P_RES_2_P_RES_8()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync(name: "Ada");

        var link = await room.LinkAsync(ada, "https://example.org/notes?q=1", "  Lecture notes ");
        var note = await room.NoteAsync(room.Owner, "Exam on Friday\nbring a pen");
        var untitled = await room.LinkAsync(ada, "http://example.org");

        Assert.Equal((ResourceKind.Link, "https://example.org/notes?q=1", "Lecture notes", ada.UserId, "Ada"), (link.Kind, link.Url, link.Title, link.AddedBy, link.AddedByName));
        Assert.Equal((ResourceKind.Note, "Exam on Friday\nbring a pen"), (note.Kind, note.Text));
        Assert.Equal("http://example.org/", untitled.Title);
        Assert.Equal([1L, 2L, 3L], new[] { link.Seq, note.Seq, untitled.Seq });
        Assert.StartsWith("res_", link.Id, StringComparison.Ordinal);

        await fixture.DeactivateAsync(room.Shelf);
        Assert.Equal([untitled.Id, note.Id, link.Id], (await room.ItemsAsync(ada)).Select(i => i.Id));
        var events = await fixture.Broadcaster.WaitForAsync<ResourceAdded>(room.RoomId, 3);
        Assert.Equal([link.Id, note.Id, untitled.Id], events.Select(e => e.Item.Id));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.org/file")]
    [InlineData("/relative/path")]
    [InlineData("example.org")]
    [InlineData("http://")]
    [InlineData("https://exa mple.org")]
    [InlineData("https://example.org/\u0000")]
    [InlineData("")]
    public async Task OnlyHttpAndHttpsAddressesArePinned_P_RES_3(string url)
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);

        var refused = await Assert.ThrowsAsync<StudyRoomsException>(() => room.LinkAsync(room.Owner, url));

        Assert.Equal(ErrorCodes.InvalidResource, refused.Code);
        Assert.Empty(await room.ItemsAsync());
    }

    [Fact]
    public async Task TitlesAndNotesAreLengthLimitedAndNeverEmpty_P_RES_3()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);
        var limits = ResourceSettings.Default;

        await room.NoteAsync(room.Owner, new string('n', limits.MaxNoteLength));
        await room.LinkAsync(room.Owner, "https://example.org", new string('t', limits.MaxTitleLength));
        var refusals = new[]
        {
            await Assert.ThrowsAsync<StudyRoomsException>(() => room.NoteAsync(room.Owner, new string('n', limits.MaxNoteLength + 1))),
            await Assert.ThrowsAsync<StudyRoomsException>(() => room.NoteAsync(room.Owner, "   ")),
            await Assert.ThrowsAsync<StudyRoomsException>(() => room.NoteAsync(room.Owner, "bell\u0007")),
            await Assert.ThrowsAsync<StudyRoomsException>(() => room.LinkAsync(room.Owner, "https://example.org", new string('t', limits.MaxTitleLength + 1))),
            await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.PinAsync(room.Owner, new PinResourceRequest { RoomId = room.RoomId, Kind = ResourceKind.File })),
            await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.PinAsync(room.Owner, new PinResourceRequest { RoomId = room.RoomId })),
        };

        Assert.All(refusals, r => Assert.Equal(ErrorCodes.InvalidResource, r.Code));
        Assert.Equal(2, (await room.ItemsAsync()).Length);
    }

    [Fact]
    public async Task ViewersReadButDoNotAddAndAReadOnlyRoomTakesAddsOnlyFromModerators_P_RES_5()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);
        var viewer = await room.JoinAsync(name: "Viewer", role: RoomRole.Viewer);
        var member = await room.JoinAsync(name: "Member");
        var mentor = await room.JoinAsync(name: "Mentor", role: RoomRole.Mentor);
        await room.NoteAsync(member, "readable");

        var byViewer = await Assert.ThrowsAsync<StudyRoomsException>(() => room.NoteAsync(viewer, "mine"));
        Assert.Single(await room.ItemsAsync(viewer));
        await room.ModerateAsync(ModerationKind.SetReadOnly, readOnly: true);
        var byMemberReadOnly = await Assert.ThrowsAsync<StudyRoomsException>(() => room.NoteAsync(member, "late"));
        await room.NoteAsync(mentor, "mentor's");
        await room.NoteAsync(room.Owner, "owner's");

        Assert.Equal((ErrorCodes.Forbidden, ErrorCodes.Forbidden), (byViewer.Code, byMemberReadOnly.Code));
        Assert.Equal(3, (await room.ItemsAsync()).Length);
    }

    [Fact]
    public async Task StrangersAndBannedUsersNeitherReadNorAddAndPrivateRoomsStayHidden_P_RES_5()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);
        var banned = await room.JoinAsync(name: "Banned");
        var stranger = new ResourceActor { UserId = TestIds.User(), DisplayName = "Stranger", ConnectionId = TestIds.Connection() };
        await room.ModerateAsync(ModerationKind.Ban, banned.UserId);
        var hidden = await ShelfRoom.CreateAsync(fixture.Grains, inviteOnly: true);

        var codes = new[]
        {
            (await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.ListAsync(stranger))).Code,
            (await Assert.ThrowsAsync<StudyRoomsException>(() => room.NoteAsync(stranger, "hi"))).Code,
            (await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.ListAsync(banned))).Code,
            (await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.ListAsync(banned with { ConnectionId = null }))).Code,
            (await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.ListAsync(stranger with { ConnectionId = null }))).Code,
            (await Assert.ThrowsAsync<StudyRoomsException>(() => hidden.Shelf.ListAsync(stranger with { ConnectionId = null }))).Code,
        };

        Assert.Equal([ErrorCodes.NotInRoom, ErrorCodes.NotInRoom, ErrorCodes.Banned, ErrorCodes.Banned, ErrorCodes.NotInRoom, ErrorCodes.RoomNotFound], codes);
    }

    [Fact]
    public async Task OverHttpAUserWithARoleReadsWithoutBeingPresent_P_RES_5()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains, inviteOnly: true);
        var mentorId = TestIds.User();
        await room.ModerateAsync(ModerationKind.SetRole, mentorId, RoomRole.Mentor);
        await room.NoteAsync(room.Owner, "for the team");

        var items = await room.ItemsAsync(new ResourceActor { UserId = mentorId, DisplayName = "Mentor" });

        Assert.Single(items);
    }

    [Fact]
    public async Task TheAdderOrAModeratorRemovesAndTheFileLeavesTheDisk_P_RES_4_P_RES_8()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync(name: "Ada");
        var bob = await room.JoinAsync(name: "Bob");
        var mentor = await room.JoinAsync(name: "Mentor", role: RoomRole.Mentor);
        var adas = await room.NoteAsync(ada, "Ada's");
        var bobs = await room.LinkAsync(bob, "https://example.org/bob");
        var file = await AddFileAsync(room, ada, "slides.pdf", "%PDF-1.4 test"u8.ToArray());

        var byOther = await Assert.ThrowsAsync<StudyRoomsException>(() => room.RemoveAsync(bob, adas.Id));
        await room.RemoveAsync(ada, adas.Id);
        await room.RemoveAsync(mentor, bobs.Id);
        Assert.True(Stored(room.RoomId, file.File!.BlobId));
        await room.RemoveAsync(room.Owner, file.Id);
        var missing = await Assert.ThrowsAsync<StudyRoomsException>(() => room.RemoveAsync(room.Owner, file.Id));

        Assert.Equal((ErrorCodes.Forbidden, ErrorCodes.ResourceNotFound), (byOther.Code, missing.Code));
        Assert.Empty(await room.ItemsAsync());
        Assert.False(Stored(room.RoomId, file.File.BlobId));
        var removed = await fixture.Broadcaster.WaitForAsync<ResourcesRemoved>(room.RoomId, 3);
        Assert.Equal([adas.Id, bobs.Id, file.Id], removed.Select(e => e.ResourceIds.Single()));
        await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.GetFileAsync(room.Owner, file.File.BlobId));
    }

    [Fact]
    public async Task EachUserAddsInBurstsOfTenAndTheShelfHoldsAHundredItems_P_RES_3()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);
        var limits = ResourceSettings.Default;
        var added = 0;
        StudyRoomsException? refusal = null;
        for (var i = 0; i < limits.AddBurst + 2 && refusal is null; i++)
        {
            try
            {
                await room.NoteAsync(room.Owner, $"note {i}");
                added++;
            }
            catch (StudyRoomsException e)
            {
                refusal = e;
            }
        }

        // The bucket refills one add every 6 s: a slow machine may earn one more during the loop.
        Assert.InRange(added, (int)limits.AddBurst, (int)limits.AddBurst + 1);
        Assert.Equal(ErrorCodes.RateLimited, refusal?.Code);
        await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.CheckAddAsync(room.Owner));

        while ((await room.ItemsAsync()).Length < limits.MaxItemsPerRoom)
        {
            var someone = await room.JoinAsync();
            for (var i = 0; i < limits.AddBurst && (await room.ItemsAsync()).Length < limits.MaxItemsPerRoom; i++)
            {
                await room.NoteAsync(someone, "filler");
            }
        }

        var newcomer = await room.JoinAsync();
        var full = await Assert.ThrowsAsync<StudyRoomsException>(() => room.NoteAsync(newcomer, "one too many"));
        var fullCheck = await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.CheckAddAsync(newcomer));
        Assert.Equal((ErrorCodes.ShelfFull, ErrorCodes.ShelfFull), (full.Code, fullCheck.Code));
    }

    [Fact]
    public async Task DeleteAllEmptiesTheShelfAndTheRoomsFolder_P_RES_10()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);
        await room.NoteAsync(room.Owner, "note");
        var file = await AddFileAsync(room, room.Owner, "a.pdf", "%PDF-1.7"u8.ToArray());
        Assert.True(Directory.Exists(Path.Combine(fixture.FilesDirectory, room.RoomId)));

        await room.Shelf.DeleteAllAsync();

        Assert.Empty(await room.ItemsAsync());
        Assert.False(Directory.Exists(Path.Combine(fixture.FilesDirectory, room.RoomId)));
        await fixture.DeactivateAsync(room.Shelf);
        Assert.Empty(await room.ItemsAsync());
        var removed = await fixture.Broadcaster.WaitForAsync<ResourcesRemoved>(room.RoomId);
        Assert.Equal(2, removed.Single().ResourceIds.Length);
        Assert.Contains(file.Id, removed.Single().ResourceIds);
    }

    [Fact]
    public async Task AFileIsListedOnlyUnderANewWellFormedBlobId_P_RES_6()
    {
        var room = await ShelfRoom.CreateAsync(fixture.Grains);
        var file = await AddFileAsync(room, room.Owner, "../../etc/passwd.pdf", "%PDF-1.7"u8.ToArray());

        var again = await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.AddFileAsync(room.Owner, new AddFileCommand { File = file.File! }));
        var badId = await Assert.ThrowsAsync<StudyRoomsException>(() => room.Shelf.AddFileAsync(room.Owner, new AddFileCommand { File = file.File! with { BlobId = "../x" } }));

        Assert.Equal("passwd.pdf", file.Title);
        Assert.Equal((ErrorCodes.InvalidResource, ErrorCodes.InvalidResource), (again.Code, badId.Code));
    }

    /// <summary>Stores bytes as the upload endpoint does, then lists them.</summary>
    private async Task<ResourceItem> AddFileAsync(ShelfRoom room, ResourceActor actor, string name, byte[] bytes)
    {
        IResourceFileStore store = Files;
        var blobId = ResourceRules.NewBlobId();
        await using (var pending = store.BeginWrite(room.RoomId))
        {
            await pending.Stream.WriteAsync(bytes);
            await store.CommitAsync(pending, blobId);
        }

        return await room.Shelf.AddFileAsync(actor, new AddFileCommand
        {
            File = new ResourceFile { BlobId = blobId, Name = name, Size = bytes.Length, ContentType = "application/pdf" },
        });
    }

    private bool Stored(string roomId, string blobId)
    {
        using var stream = Files.OpenRead(roomId, blobId);
        return stream is not null;
    }
}
