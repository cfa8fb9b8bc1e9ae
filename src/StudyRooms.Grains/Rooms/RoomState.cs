using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Grains.Rooms;

/// <summary>The persisted settings, roles and bans of a room. Presence is deliberately not here.</summary>
[GenerateSerializer, Alias("StudyRooms.RoomState")]
public sealed class RoomState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Topic { get; set; } = "";
    [Id(3)] public string OwnerId { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public string Description { get; set; } = "";
    [Id(6)] public bool IsPublic { get; set; }
    /// <summary>0 in rooms stored before capacities existed: they get the default.</summary>
    [Id(7)] public int Capacity { get; set; }
    [Id(8)] public List<string> Tags { get; set; } = [];
    [Id(9)] public bool ReadOnly { get; set; }
    /// <summary>Roles given by the owner; users not listed are members, the owner is <see cref="OwnerId"/>.</summary>
    [Id(10)] public Dictionary<string, RoomRole> Roles { get; set; } = new(StringComparer.Ordinal);
    [Id(11)] public HashSet<string> Banned { get; set; } = new(StringComparer.Ordinal);
    [Id(12)] public bool InviteOnly { get; set; }
    [Id(13)] public List<InviteState> Invites { get; set; } = [];
    [Id(14)] public bool OverflowAsViewers { get; set; }
    /// <summary>Users a moderator muted in the room's chat (P-CHAT-15).</summary>
    [Id(15)] public HashSet<string> ChatMuted { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The owner archived the room (P-LIFE-2): read-only for everyone, out of the directory.</summary>
    [Id(16)] public bool Archived { get; set; }
    /// <summary>
    /// The owner deleted the room and its data is being erased (P-LIFE-4). Stored before the first
    /// part is erased, with <see cref="Exists"/> false, so the room is gone for everyone at once and
    /// an erasure that failed part way is finished later; the record itself is erased last.
    /// </summary>
    [Id(17)] public bool Deleting { get; set; }
    /// <summary>Name and time of each ban in <see cref="Banned"/> (P-MOD-9); a ban without one is listed by id alone.</summary>
    [Id(18)] public Dictionary<string, BanRecord> BanRecords { get; set; } = new(StringComparer.Ordinal);
}
