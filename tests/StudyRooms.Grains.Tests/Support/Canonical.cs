using System.Text.Json;
using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Tests.Support;

/// <summary>
/// Order-independent JSON forms of boards for equality checks. Records holding arrays (points) compare
/// arrays by reference, so two equal boards loaded separately are compared through this instead.
/// </summary>
internal static class Canonical
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Of(BoardSnapshot snapshot) => Json(new
    {
        snapshot.Clock,
        Elements = snapshot.Elements.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray(),
    });

    public static string Of(StoredBoardSnapshot snapshot) => Json(new
    {
        snapshot.Clock,
        Elements = snapshot.Elements.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray(),
        ClientSeqs = new SortedDictionary<string, long>(snapshot.ClientSeqs, StringComparer.Ordinal),
    });

    /// <summary>Everything a board document holds: elements with tombstones, clock, client sequences, live count.</summary>
    public static string Of(BoardDocument document) => Json(new
    {
        Stored = Of(document.ToStoredSnapshot()),
        document.LiveCount,
    });

    public static string Of(IEnumerable<StoredOp> ops) => Json(ops.ToArray());

    public static string Json(object value) => JsonSerializer.Serialize(value, Options);
}
