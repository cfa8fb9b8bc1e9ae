namespace StudyRooms.Grains.Tests.Cluster;

/// <summary>One event a grain handed to the broadcaster, with the connection it was to skip (OpsApplied only).</summary>
public sealed record RecordedEvent(string RoomId, object Event, string? ExceptConnectionId);
