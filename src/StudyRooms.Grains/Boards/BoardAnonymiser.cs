using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Boards;

/// <summary>
/// What a board keeps of a deleted user (P-ACCT-4), pure so each store applies the same rules and
/// tests run without a silo: every element, op and history snapshot stays, with the user's id as
/// author replaced by <see cref="DeletedUsers.MarkerId"/>; the user's client sequence numbers (kept
/// only to recognise their resends) go. Each method answers null when the record does not name the
/// user, so a store rewrites only what changed and a second run rewrites nothing.
/// </summary>
public static class BoardAnonymiser
{
    public static StoredOp? Op(StoredOp op, string userId) =>
        op.AuthorId == userId ? op with { AuthorId = DeletedUsers.MarkerId } : null;

    public static StoredBoardSnapshot? Snapshot(StoredBoardSnapshot snapshot, string userId)
    {
        var prefix = userId + "/";
        var named = snapshot.Elements.Any(e => e.CreatedBy == userId) || snapshot.ClientSeqs.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
        return named
            ? snapshot with
            {
                Elements = snapshot.Elements.Select(e => e.CreatedBy == userId ? e with { CreatedBy = DeletedUsers.MarkerId } : e).ToArray(),
                ClientSeqs = snapshot.ClientSeqs.Where(kv => !kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal),
            }
            : null;
    }

    public static BoardHistoryEntry? Entry(BoardHistoryEntry entry, string userId) =>
        entry.EditorIds.Contains(userId, StringComparer.Ordinal)
            ? entry with { EditorIds = entry.EditorIds.Select(id => id == userId ? DeletedUsers.MarkerId : id).Distinct(StringComparer.Ordinal).ToArray() }
            : null;

    public static BoardElement[]? Elements(BoardElement[] elements, string userId) =>
        elements.Any(e => e.CreatedBy == userId)
            ? elements.Select(e => e.CreatedBy == userId ? e with { CreatedBy = DeletedUsers.MarkerId } : e).ToArray()
            : null;
}
