namespace StudyRooms.Server.Hubs;

/// <summary>SignalR group names: one group per room.</summary>
public static class RoomGroups
{
    public static string For(string roomId) => "room:" + roomId;
}
