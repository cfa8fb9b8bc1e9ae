using StudyRooms.Contracts.Boards;

namespace StudyRooms.Grains.Tests.Convergence;

/// <summary>The board authority a simulation runs against: the pure BoardDocument or the real BoardGrain.</summary>
internal interface ISimulatedServer
{
    /// <summary>The push's result, or the refusal's error code.</summary>
    Task<(PushOpsResult? Result, string? RefusalCode)> PushAsync(string userId, string clientId, ElementOp[] ops);

    Task<BoardCatchUp> CatchUpAsync(long? knownClock);

    Task<BoardSnapshot> SnapshotAsync();
}
