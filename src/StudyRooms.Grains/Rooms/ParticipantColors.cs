namespace StudyRooms.Grains.Rooms;

/// <summary>A stable colour per user for cursor and name, chosen from a palette readable on both themes.</summary>
public static class ParticipantColors
{
    private static readonly string[] Palette =
    [
        "#e03131", "#2f9e44", "#1971c2", "#f08c00", "#9c36b5",
        "#0c8599", "#c2255c", "#5c940d", "#3b5bdb", "#e8590c",
    ];

    public static string For(string userId) => Palette[StableHash.Of(userId) % (uint)Palette.Length];
}
