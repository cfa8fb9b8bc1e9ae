namespace StudyRooms.Testing;

/// <summary>
/// The opening of most hub tests: a new user creates a room and is in it over a connected,
/// joined <see cref="RoomClient"/>. Disposing closes that client.
/// </summary>
public sealed class OwnedRoom : IAsyncDisposable
{
    private OwnedRoom(TestUser ownerUser, RoomClient owner, string roomId)
    {
        OwnerUser = ownerUser;
        Owner = owner;
        RoomId = roomId;
    }

    public TestUser OwnerUser { get; }

    /// <summary>The owner's client, joined to <see cref="RoomId"/>.</summary>
    public RoomClient Owner { get; }

    public string RoomId { get; }

    /// <summary><paramref name="ownerName"/> signs in on <paramref name="host"/>, creates a room and joins it.</summary>
    public static async Task<OwnedRoom> OpenAsync(ServerClient host, string ownerName, string roomName = "Calculus")
    {
        var user = await host.SignInAsync(ownerName);
        var roomId = (await host.CreateRoomAsync(user, roomName)).RoomId;
        var owner = await RoomClient.ConnectAsync(host, user);
        await owner.JoinAsync(roomId);
        return new OwnedRoom(user, owner, roomId);
    }

    /// <summary>A new user named <paramref name="name"/> connects and joins the room; the caller disposes the client.</summary>
    public async Task<RoomClient> JoinNewUserAsync(ServerClient host, string name)
    {
        var client = await RoomClient.ConnectAsync(host, await host.SignInAsync(name));
        await client.JoinAsync(RoomId);
        return client;
    }

    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
