namespace StudyRooms.Contracts.Boards.History;

/// <summary>Why a history snapshot of a board was taken (P-HIST-1).</summary>
[GenerateSerializer, Alias("StudyRooms.BoardHistoryReason")]
public enum BoardHistoryReason
{
    /// <summary>Taken by the board every <c>HistoryInterval</c> while it was being edited, or when it went idle.</summary>
    Auto = 0,

    /// <summary>Asked for through <see cref="IBoardGrain.SaveHistorySnapshotAsync"/> (e.g. a sprint boundary).</summary>
    Requested = 1,
}
