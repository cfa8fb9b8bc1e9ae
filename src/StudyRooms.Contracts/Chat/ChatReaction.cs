namespace StudyRooms.Contracts.Chat;

/// <summary>One emoji on a message and who put it there, in the order they reacted (P-CHAT-8).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ChatReaction")]
public sealed record ChatReaction
{
    [Id(0)] public required string Emoji { get; init; }
    [Id(1)] public required string[] UserIds { get; init; }
}
