using System.Text.Json;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Boards;

namespace StudyRooms.Grains.Tests.Convergence;

/// <summary>
/// The client sync algorithm of docs/protocol.md, modelled in C#: own ops apply locally at once and
/// wait in a pending queue; an ack moves them into the confirmed (server) state at their clock and
/// drops them from pending; every change of the confirmed state rebases the local view as confirmed
/// state + still-pending ops re-applied (P-OPS-3, P-OPS-7, P-JOIN-3, P-JOIN-4).
/// </summary>
internal sealed class SimulatedClient(string userId, string clientId)
{
    private static readonly string[] Colors = ["#e03131", "#1971c2", "#2f9e44", "#f08c00"];

    private readonly Dictionary<string, (string Type, ElementProps Props)> _confirmed = new(StringComparer.Ordinal);
    private readonly List<ElementOp> _pending = [];
    private readonly Dictionary<long, ElementOp> _sent = [];
    private long _nextSeq;
    private int _nextId;

    public string UserId { get; } = userId;

    public string ClientId { get; } = clientId;

    public long ConfirmedClock { get; private set; }

    /// <summary>What the user sees: confirmed state with pending ops on top.</summary>
    public Dictionary<string, (string Type, ElementProps Props)> Local { get; private set; } = new(StringComparer.Ordinal);

    public bool Connected { get; set; }

    /// <summary>Counts connections; answers to a push sent on an older connection are lost.</summary>
    public int Epoch { get; set; }

    /// <summary>Server → client messages of the current connection, in the order the server sent them.</summary>
    public Queue<Func<SimulatedClient, Task>> Inbox { get; } = new();

    public int PendingCount => _pending.Count;

    /// <summary>A user edit from two random numbers: applied locally at once and queued.</summary>
    public void Edit(int choice, int value)
    {
        var live = Local.Keys.Order(StringComparer.Ordinal).ToArray();
        var kind = live.Length == 0 ? 0 : choice % 10;
        ElementOp op;
        if (kind < 4)
        {
            op = new ElementOp
            {
                Kind = ElementOpKind.Create,
                ElementId = $"{ClientId}-{++_nextId}",
                ClientSeq = ++_nextSeq,
                Type = "rectangle",
                Props = new ElementProps { X = value % 500, Y = value % 300, Width = 10, Height = 10, FillColor = Colors[value % 4] },
            };
        }
        else
        {
            var target = live[value % live.Length];
            op = kind < 8
                ? new ElementOp
                {
                    Kind = ElementOpKind.Patch,
                    ElementId = target,
                    ClientSeq = ++_nextSeq,
                    Props = (value % 3) switch
                    {
                        0 => new ElementProps { X = value % 997, Y = value % 113 },
                        1 => new ElementProps { FillColor = Colors[(value / 3) % 4] },
                        _ => new ElementProps { Opacity = (value % 10) / 10.0, StrokeColor = Colors[(value / 7) % 4] },
                    },
                }
                : new ElementOp { Kind = ElementOpKind.Delete, ElementId = target, ClientSeq = ++_nextSeq };
        }

        _sent[op.ClientSeq] = op;
        _pending.Add(op);
        ApplyLocal(Local, op);
    }

    /// <summary>The pending ops to (re)send, oldest first.</summary>
    public ElementOp[] ToSend() => _pending.Take(BoardLimits.MaxOpsPerPush).ToArray();

    public void OnAck(PushOpsResult result)
    {
        foreach (var ack in result.Acks)
        {
            if (ack.Clock > 0)
            {
                var op = _sent[ack.ClientSeq];
                ApplyConfirmed(new CommittedOp
                {
                    Clock = ack.Clock,
                    Kind = op.Kind,
                    ElementId = op.ElementId!,
                    Type = op.Kind == ElementOpKind.Create ? op.Type : null,
                    Props = op.Kind == ElementOpKind.Delete ? null : op.Props,
                });
            }

            _pending.RemoveAll(p => p.ClientSeq == ack.ClientSeq);
        }

        Rebase();
    }

    /// <summary>A refused push changed nothing on the server (P-ERR-3): its ops are dropped, unless only the rate was exceeded.</summary>
    public void OnRefused(ElementOp[] pushed, string code)
    {
        if (code == ErrorCodes.RateLimited)
        {
            return;
        }

        var refused = pushed.Select(o => o.ClientSeq).ToHashSet();
        _pending.RemoveAll(p => refused.Contains(p.ClientSeq));
        Rebase();
    }

    public void OnOpsApplied(IEnumerable<CommittedOp> ops)
    {
        foreach (var op in ops)
        {
            ApplyConfirmed(op);
        }

        Rebase();
    }

    /// <summary>A join answer: the full board, or the ops after the clock this client held (P-JOIN-4).</summary>
    public void OnJoined(BoardCatchUp catchUp)
    {
        if (catchUp.Board is { } board)
        {
            _confirmed.Clear();
            foreach (var element in board.Elements)
            {
                _confirmed[element.Id] = (element.Type, element.Props);
            }

            ConfirmedClock = board.Clock;
        }
        else
        {
            foreach (var op in catchUp.Resume!.Ops)
            {
                ApplyConfirmed(op);
            }

            if (ConfirmedClock != catchUp.Resume.Clock)
            {
                throw new InvalidOperationException($"{ClientId}: resumed to {ConfirmedClock}, the board is at {catchUp.Resume.Clock}");
            }
        }

        Rebase();
    }

    public static string Canonical(IReadOnlyDictionary<string, (string Type, ElementProps Props)> elements) =>
        JsonSerializer.Serialize(elements.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new { e.Key, e.Value.Type, e.Value.Props }));

    public string CanonicalConfirmed() => Canonical(_confirmed);

    private void ApplyConfirmed(CommittedOp op)
    {
        if (op.Clock <= ConfirmedClock)
        {
            return; // P-JOIN-3: already in the state this client holds.
        }

        if (op.Clock != ConfirmedClock + 1)
        {
            throw new InvalidOperationException($"{ClientId}: op {op.Clock} arrived at clock {ConfirmedClock}; the server skipped or reordered ops");
        }

        ApplyLocal(_confirmed, new ElementOp { Kind = op.Kind, ElementId = op.ElementId, Type = op.Type, Props = op.Props });
        ConfirmedClock = op.Clock;
    }

    private void Rebase()
    {
        Local = new Dictionary<string, (string Type, ElementProps Props)>(_confirmed, StringComparer.Ordinal);
        foreach (var op in _pending)
        {
            ApplyLocal(Local, op);
        }
    }

    private static void ApplyLocal(Dictionary<string, (string Type, ElementProps Props)> elements, ElementOp op)
    {
        var id = op.ElementId!;
        switch (op.Kind)
        {
            case ElementOpKind.Create:
                elements[id] = (op.Type!, op.Props ?? new ElementProps());
                break;
            case ElementOpKind.Patch when elements.TryGetValue(id, out var current):
                elements[id] = (current.Type, ElementPropsRules.Merge(current.Props, op.Props!));
                break;
            case ElementOpKind.Delete:
                elements.Remove(id);
                break;
        }
    }
}
