namespace StudyRooms.Grains.Boards;

/// <summary>
/// Size limits of board edits (docs/protocol.md P-OPS-4, P-LIVE-1). The configurable ones
/// (ops per push, points, text, live elements, board point budget) are the defaults of
/// <see cref="BoardSettings"/>; the grains enforce the configured values.
/// </summary>
public static class BoardLimits
{
    public const int MaxOpsPerPush = 200;
    public const int MaxIdLength = 64;
    public const int MaxPointNumbers = 20_000;
    public const int MaxStreamPointNumbers = 2_000;
    public const double MaxCoordinate = 1_000_000;
    public const double MinStrokeWidth = 0.5;
    public const double MaxStrokeWidth = 64;
    public const int MaxTextLength = 2_000;
    public const double MinFontSize = 1;
    public const double MaxFontSize = 512;
    public const int MaxZIndexLength = 64;
    public const int MaxLiveElements = 50_000;

    /// <summary>
    /// Point numbers summed over a board's live elements: bounds a snapshot (about 16 MB of JSON at
    /// most) so one user cannot grow a board until nobody can join it.
    /// </summary>
    public const int MaxBoardPointNumbers = 2_000_000;

    /// <summary>Element types of protocol version 1 (P-EL-1).</summary>
    public static readonly IReadOnlySet<string> ElementTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "freehand", "highlighter", "line", "arrow", "rectangle", "ellipse", "diamond", "text", "sticky",
    };

    /// <summary>Types drawn from their points: a create needs at least this many point numbers.</summary>
    public static readonly IReadOnlyDictionary<string, int> MinPointNumbersOnCreate = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["freehand"] = 2,
        ["highlighter"] = 2,
        ["line"] = 4,
        ["arrow"] = 4,
    };
}
