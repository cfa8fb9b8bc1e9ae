namespace StudyRooms.Grains.Tests.Cluster;

/// <summary>
/// One event a grain handed to the broadcaster, with the connection it was to skip (OpsApplied only)
/// and the servers the board named as holding the room's connections (OpsApplied only, P-OPS-9).
/// </summary>
public sealed record RecordedEvent(string RoomId, object Event, string? ExceptConnectionId, string[]? RoomServers = null);
