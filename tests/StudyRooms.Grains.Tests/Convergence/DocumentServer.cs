using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Boards;

namespace StudyRooms.Grains.Tests.Convergence;

/// <summary>The pure authority: a <see cref="BoardDocument"/> and a short <see cref="BoardOpLog"/>, as the grain uses them.</summary>
internal sealed class DocumentServer(int retention) : ISimulatedServer
{
    private readonly BoardDocument _document = new();
    private readonly BoardOpLog _log = new(retention);

    public Task<(PushOpsResult? Result, string? RefusalCode)> PushAsync(string userId, string clientId, ElementOp[] ops)
    {
        try
        {
            var plan = _document.Plan(userId, clientId, ops);
            foreach (var op in plan.NewOps)
            {
                _document.Apply(op);
            }

            _log.Append(plan.NewOps);
            return Task.FromResult<(PushOpsResult?, string?)>((new PushOpsResult { Clock = _document.Clock, Acks = plan.Acks }, null));
        }
        catch (StudyRoomsException e)
        {
            return Task.FromResult<(PushOpsResult?, string?)>((null, e.Code));
        }
    }

    public Task<BoardCatchUp> CatchUpAsync(long? knownClock) =>
        Task.FromResult(knownClock is { } known && _log.After(known) is { } ops
            ? new BoardCatchUp { Resume = new BoardResume { Clock = _document.Clock, Ops = ops } }
            : new BoardCatchUp { Board = _document.ToSnapshot() });

    public Task<BoardSnapshot> SnapshotAsync() => Task.FromResult(_document.ToSnapshot());
}
