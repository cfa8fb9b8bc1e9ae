namespace StudyRooms.Grains.Storage;

/// <summary>A live entry of <see cref="IPresenceStore"/> and how long it lives unless renewed.</summary>
public sealed record LivePresence(PresenceRecord Record, TimeSpan TimeToLive);
