using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;

namespace StudyRooms.Grains.Tests.Support;

/// <summary>Runs a push through a <see cref="BoardDocument"/> the way the board grain does: plan, then apply.</summary>
internal static class BoardDocumentTesting
{
    public static PushPlan Push(this BoardDocument document, string clientId, params ElementOp[] ops) =>
        document.Push("u_author", clientId, ops);

    public static PushPlan Push(this BoardDocument document, string userId, string clientId, IReadOnlyList<ElementOp> ops)
    {
        var plan = document.Plan(userId, clientId, ops);
        foreach (var op in plan.NewOps)
        {
            document.Apply(op);
        }

        return plan;
    }
}
