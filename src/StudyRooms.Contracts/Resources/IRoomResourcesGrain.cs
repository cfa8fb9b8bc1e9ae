namespace StudyRooms.Contracts.Resources;

/// <summary>
/// The resource shelf of one room: pinned links, short notes and uploaded files (P-RES-*). It checks
/// limits and asks the room grain for the caller's place on every call; the shelf is grain state,
/// file contents live on disk (never in grain state). Key: the room id.
/// </summary>
[Alias("StudyRooms.IRoomResourcesGrain")]
public interface IRoomResourcesGrain : IGrainWithStringKey
{
    /// <summary>Adds a link or a note (P-RES-3).</summary>
    [Alias("Pin")]
    Task<ResourceItem> PinAsync(ResourceActor actor, PinResourceRequest request);

    /// <summary>
    /// Refuses (throws) when the actor could not add a file now: no place or role, a full shelf, or
    /// an empty add budget; called before an upload's body is read, so a refused upload costs no disk.
    /// </summary>
    [Alias("CheckAdd")]
    Task CheckAddAsync(ResourceActor actor);

    /// <summary>Lists a file the endpoint already stored; refused like a pin (P-RES-6).</summary>
    [Alias("AddFile")]
    Task<ResourceItem> AddFileAsync(ResourceActor actor, AddFileCommand command);

    /// <summary>Removes an item, and a file's stored bytes (P-RES-4).</summary>
    [Alias("Remove")]
    Task RemoveAsync(ResourceActor actor, RemoveResourceRequest request);

    [Alias("List")]
    Task<ResourceShelf> ListAsync(ResourceActor actor);

    /// <summary>The file with this blob id, when the actor may read the shelf (P-RES-9); RESOURCE_NOT_FOUND otherwise.</summary>
    [Alias("GetFile")]
    Task<ResourceFile> GetFileAsync(ResourceActor actor, string blobId);

    /// <summary>Deletes every item and every stored file of the room, for room deletion; no permission check (server-side only).</summary>
    [Alias("DeleteAll")]
    Task DeleteAllAsync();

    /// <summary>Keeps what a deleted user added, with the adder replaced by <c>DeletedUsers.MarkerId</c> (P-ACCT-4). Idempotent.</summary>
    [Alias("ForgetUser")]
    Task ForgetUserAsync(string userId);
}
