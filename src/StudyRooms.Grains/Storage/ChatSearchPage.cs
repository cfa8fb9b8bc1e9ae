using StudyRooms.Contracts.Chat;

namespace StudyRooms.Grains.Storage;

/// <summary>One answer of a chat search: matches newest first, and where to continue when the search may find more.</summary>
public sealed record ChatSearchPage(IReadOnlyList<ChatMessage> Matches, long? ContinueBefore);
