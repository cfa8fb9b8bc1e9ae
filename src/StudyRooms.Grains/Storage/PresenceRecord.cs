namespace StudyRooms.Grains.Storage;

/// <summary>
/// One connection in a room's heartbeat record (<see cref="IPresenceStore"/>): enough to seat the
/// user again in a new room activation, plus which server holds the socket, for operators.
/// </summary>
public sealed record PresenceRecord(
    string ConnectionId,
    string UserId,
    string DisplayName,
    bool Overflow,
    string? Server,
    DateTimeOffset JoinedAt);
