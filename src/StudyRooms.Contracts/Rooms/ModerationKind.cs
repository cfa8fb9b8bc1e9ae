namespace StudyRooms.Contracts.Rooms;

/// <summary>The moderation acts of docs/permissions.md.</summary>
[GenerateSerializer, Alias("StudyRooms.ModerationKind")]
public enum ModerationKind
{
    SetRole = 0,
    Remove = 1,
    Ban = 2,
    Unban = 3,
    SetReadOnly = 4,
    /// <summary>Stops a user from writing in the room's chat (P-CHAT-15).</summary>
    MuteChat = 5,
    UnmuteChat = 6,
}
