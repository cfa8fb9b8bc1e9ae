using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Boards;

/// <summary>
/// The authoritative content of one board: elements (tombstones included), the board clock and the
/// highest client sequence applied per sender. A sender is a (user id, client id) pair: client ids
/// are chosen by clients and visible to the room, so scoping by the user's id too keeps one user
/// from claiming another's sequence numbers. Pure and single-threaded: the board grain owns one
/// and nothing else touches it.
/// </summary>
public sealed class BoardDocument(BoardSettings limits)
{
    private readonly Dictionary<string, StoredElement> _elements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _clientSeqs = new(StringComparer.Ordinal);

    /// <summary>An empty board under the default limits.</summary>
    public BoardDocument()
        : this(BoardSettings.Default)
    {
    }

    /// <summary>The limits this board enforces.</summary>
    public BoardSettings Limits { get; } = limits;

    /// <summary>Clock of the last applied op; 0 for an empty board.</summary>
    public long Clock { get; private set; }

    /// <summary>Elements that are not deleted.</summary>
    public int LiveCount { get; private set; }

    /// <summary>Point numbers summed over live elements (limit: <see cref="BoardSettings.MaxBoardPointNumbers"/>).</summary>
    public long PointNumbers { get; private set; }

    /// <summary>Whether a live element with this id is locked (P-MOD-7).</summary>
    public bool IsLocked(string? elementId) =>
        elementId is not null && _elements.TryGetValue(elementId, out var element) && !element.Deleted && element.Props.Locked == true;

    /// <summary>Rebuilds a board from its last snapshot and the ops stored after it.</summary>
    public static BoardDocument Restore(StoredBoard stored) => Restore(stored, BoardSettings.Default);

    /// <summary>Rebuilds a board under <paramref name="limits"/> from its last snapshot and the ops stored after it.</summary>
    public static BoardDocument Restore(StoredBoard stored, BoardSettings limits)
    {
        var document = new BoardDocument(limits);
        if (stored.Snapshot is { } snapshot)
        {
            foreach (var element in snapshot.Elements)
            {
                document._elements[element.Id] = element;
                if (!element.Deleted)
                {
                    document.LiveCount++;
                    document.PointNumbers += PointCount(element.Props);
                }
            }

            foreach (var (sender, seq) in snapshot.ClientSeqs)
            {
                document._clientSeqs[sender] = seq;
            }

            document.Clock = snapshot.Clock;
        }

        foreach (var op in stored.Ops.Where(op => op.Clock > document.Clock).OrderBy(op => op.Clock))
        {
            document.Apply(op);
        }

        return document;
    }

    /// <summary>The highest client sequence applied for a user's client, 0 if none.</summary>
    public long LastClientSeq(string userId, string clientId) => _clientSeqs.GetValueOrDefault(SenderKey(userId, clientId));

    /// <summary>Key of a sender in <see cref="StoredBoardSnapshot.ClientSeqs"/>: "userId/clientId".</summary>
    public static string SenderKey(string userId, string clientId) => userId + "/" + clientId;

    /// <summary>
    /// Checks a whole push without changing anything (P-ERR-3): either every new op is valid and
    /// gets its clock, or a <see cref="StudyRoomsException"/> names the first bad op.
    /// </summary>
    public PushPlan Plan(string userId, string clientId, IReadOnlyList<ElementOp?> ops)
    {
        var lastSeq = LastClientSeq(userId, clientId);
        var newOps = new List<StoredOp>();
        var acks = new OpAck[ops.Count];
        // Liveness of the elements this push touched so far, overriding the stored state.
        var liveInPush = new Dictionary<string, bool>(StringComparer.Ordinal);
        var live = LiveCount;
        var pointNumbers = PointNumbers;
        var pointsInPush = new Dictionary<string, int>(StringComparer.Ordinal);
        long previousSeq = 0;

        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i] ?? throw Invalid(i, "op is missing");
            if (op.ClientSeq <= 0)
            {
                throw Invalid(i, "clientSeq must be a positive integer");
            }

            if (op.ClientSeq <= previousSeq)
            {
                throw Invalid(i, "clientSeq must increase within a push");
            }

            previousSeq = op.ClientSeq;
            if (op.ClientSeq <= lastSeq)
            {
                // A resend of an op this board already applied (P-OPS-3).
                acks[i] = new OpAck { ClientSeq = op.ClientSeq, Clock = 0 };
                continue;
            }

            if (!Identifiers.IsValid(op.ElementId))
            {
                throw Invalid(i, $"elementId must be 1–{BoardLimits.MaxIdLength} characters of A–Z, a–z, 0–9, _ or -");
            }

            var id = op.ElementId!;
            if (op.Props is { } props && ElementPropsRules.Validate(props, Limits) is { } reason)
            {
                throw Invalid(i, reason);
            }

            var isLive = liveInPush.TryGetValue(id, out var liveNow)
                ? liveNow
                : _elements.TryGetValue(id, out var existing) && !existing.Deleted;
            switch (op.Kind)
            {
                case ElementOpKind.Create:
                    if (op.Type is null || !BoardLimits.ElementTypes.Contains(op.Type))
                    {
                        throw Invalid(i, $"type must be one of: {string.Join(", ", BoardLimits.ElementTypes)}");
                    }

                    if (ElementPropsRules.ValidateCreate(op.Type, op.Props) is { } createError)
                    {
                        throw Invalid(i, createError);
                    }

                    if (_elements.ContainsKey(id) || liveInPush.ContainsKey(id))
                    {
                        throw Invalid(i, $"element {id} already exists or existed; ids are never reused");
                    }

                    if (live >= Limits.MaxElements)
                    {
                        throw Invalid(i, $"the board holds its maximum of {Limits.MaxElements} elements");
                    }

                    liveInPush[id] = true;
                    live++;
                    pointsInPush[id] = PointCount(op.Props);
                    pointNumbers += pointsInPush[id];
                    break;
                case ElementOpKind.Patch:
                    if (!isLive)
                    {
                        throw Invalid(i, $"element {id} does not exist");
                    }

                    if (op.Props is null)
                    {
                        throw Invalid(i, "patch needs props");
                    }

                    if (op.Props.Points is { } newPoints)
                    {
                        pointNumbers += newPoints.Length - CurrentPointCount(id, pointsInPush);
                        pointsInPush[id] = newPoints.Length;
                    }

                    break;
                case ElementOpKind.Delete:
                    if (!isLive)
                    {
                        throw Invalid(i, $"element {id} does not exist");
                    }

                    liveInPush[id] = false;
                    live--;
                    pointNumbers -= CurrentPointCount(id, pointsInPush);
                    pointsInPush[id] = 0;
                    break;
                default:
                    throw Invalid(i, "kind must be create, patch or delete");
            }

            if (pointNumbers > Limits.MaxBoardPointNumbers)
            {
                throw Invalid(i, $"the board holds its maximum of {Limits.MaxBoardPointNumbers} point numbers; erase something first");
            }

            var clock = Clock + newOps.Count + 1;
            newOps.Add(new StoredOp
            {
                Clock = clock,
                AuthorId = userId,
                ClientId = clientId,
                ClientSeq = op.ClientSeq,
                Kind = op.Kind,
                ElementId = id,
                Type = op.Kind == ElementOpKind.Create ? op.Type : null,
                Props = op.Kind == ElementOpKind.Delete ? null : op.Props,
            });
            acks[i] = new OpAck { ClientSeq = op.ClientSeq, Clock = clock };
        }

        return new PushPlan(newOps, acks);
    }

    /// <summary>Applies one committed op; used for new pushes and for replay from storage.</summary>
    public void Apply(StoredOp op)
    {
        switch (op.Kind)
        {
            case ElementOpKind.Create:
                _elements[op.ElementId] = new StoredElement
                {
                    Id = op.ElementId,
                    Type = op.Type ?? "freehand",
                    CreatedBy = op.AuthorId,
                    Version = op.Clock,
                    Props = op.Props ?? new ElementProps(),
                };
                LiveCount++;
                PointNumbers += PointCount(op.Props);
                break;
            case ElementOpKind.Patch when _elements.TryGetValue(op.ElementId, out var element) && !element.Deleted:
                if (op.Props?.Points is { } points)
                {
                    PointNumbers += points.Length - PointCount(element.Props);
                }

                _elements[op.ElementId] = element with
                {
                    Props = ElementPropsRules.Merge(element.Props, op.Props ?? new ElementProps()),
                    Version = op.Clock,
                };
                break;
            case ElementOpKind.Delete when _elements.TryGetValue(op.ElementId, out var element) && !element.Deleted:
                _elements[op.ElementId] = element with { Deleted = true, Version = op.Clock };
                LiveCount--;
                PointNumbers -= PointCount(element.Props);
                break;
        }

        Clock = Math.Max(Clock, op.Clock);
        var sender = SenderKey(op.AuthorId, op.ClientId);
        if (op.ClientSeq > _clientSeqs.GetValueOrDefault(sender))
        {
            _clientSeqs[sender] = op.ClientSeq;
        }
    }

    /// <summary>The live elements for a joining client.</summary>
    public BoardSnapshot ToSnapshot() => new()
    {
        Clock = Clock,
        Elements = _elements.Values
            .Where(e => !e.Deleted)
            .Select(e => new BoardElement { Id = e.Id, Type = e.Type, Version = e.Version, CreatedBy = e.CreatedBy, Props = e.Props })
            .ToArray(),
    };

    /// <summary>Everything needed to restore this board without its op log.</summary>
    public StoredBoardSnapshot ToStoredSnapshot() => new()
    {
        Clock = Clock,
        Elements = _elements.Values.ToArray(),
        ClientSeqs = new Dictionary<string, long>(_clientSeqs, StringComparer.Ordinal),
    };

    /// <summary>The committed form of a stored op, as peers receive it.</summary>
    public static CommittedOp ToCommitted(StoredOp op) => new()
    {
        Clock = op.Clock,
        Kind = op.Kind,
        ElementId = op.ElementId,
        Type = op.Type,
        Props = op.Props,
    };

    private static int PointCount(ElementProps? props) => props?.Points?.Length ?? 0;

    private int CurrentPointCount(string id, Dictionary<string, int> pointsInPush) =>
        pointsInPush.TryGetValue(id, out var count)
            ? count
            : _elements.TryGetValue(id, out var element) ? PointCount(element.Props) : 0;

    private static StudyRoomsException Invalid(int index, string reason) =>
        new(ErrorCodes.InvalidRequest, $"ops[{index}]: {reason}");
}
