namespace StudyRooms.Grains.Erasure;

/// <summary>
/// One part of an erasure: a name for logs and an idempotent erase of that part of
/// <typeparamref name="TSubject"/>'s data (a room id, a deleted user), so the whole list can run again
/// after a failure part way.
/// </summary>
public sealed record ErasureStep<TSubject>(string Name, Func<IGrainFactory, TSubject, Task> EraseAsync);
