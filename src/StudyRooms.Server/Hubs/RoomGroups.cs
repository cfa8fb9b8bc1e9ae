namespace StudyRooms.Server.Hubs;

/// <summary>SignalR group names: one group per room, and its cursor audience (P-LIVE-4).</summary>
public static class RoomGroups
{
    public static string For(string roomId) => "room:" + roomId;

    /// <summary>The room's connections that receive others' cursors; the room grain keeps it (P-LIVE-4).</summary>
    public static string Cursors(string roomId) => "room-cursors:" + roomId;
}
