using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Grains.Tests.Convergence;

/// <summary>The real board grain on the test cluster as the authority.</summary>
internal sealed class GrainServer(IBoardGrain board) : ISimulatedServer
{
    public async Task<(PushOpsResult? Result, string? RefusalCode)> PushAsync(string userId, string clientId, ElementOp[] ops)
    {
        try
        {
            return (await board.PushOpsAsync(new PushOpsCommand { UserId = userId, ClientId = clientId, ConnectionId = "conn_" + clientId, Ops = ops }), null);
        }
        catch (StudyRoomsException e)
        {
            return (null, e.Code);
        }
    }

    public Task<BoardCatchUp> CatchUpAsync(long? knownClock) => board.CatchUpAsync(knownClock);

    public Task<BoardSnapshot> SnapshotAsync() => board.GetSnapshotAsync();
}
