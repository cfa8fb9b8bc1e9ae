namespace StudyRooms.LoadTest;

/// <summary>
/// The part of an <c>OpsApplied</c> (or relayed push) the driver reads: the element ids. The
/// deserialiser skips the rest, which keeps the driver's own decoding cost down at high rates.
/// </summary>
public sealed record ReceivedOps
{
    public ReceivedOp[] Ops { get; init; } = [];
}

/// <summary>The part of an <c>OpsAppliedBatch</c> the driver reads (P-OPS-8).</summary>
public sealed record ReceivedBatch
{
    public ReceivedOps[] Events { get; init; } = [];
}

/// <summary>One op of <see cref="ReceivedOps"/>.</summary>
public sealed record ReceivedOp
{
    public string? ElementId { get; init; }
}

/// <summary>The part of a <c>CursorsMoved</c> the driver reads (P-LIVE-5): whose cursors a frame carries.</summary>
public sealed record ReceivedCursors
{
    public ReceivedCursor[] Cursors { get; init; } = [];
}

/// <summary>One cursor of <see cref="ReceivedCursors"/>: only its user.</summary>
public sealed record ReceivedCursor
{
    public string? UserId { get; init; }
}

/// <summary>Any event whose content the driver ignores (cursors, presence).</summary>
public sealed record Ignored;
