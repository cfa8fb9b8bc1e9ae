namespace StudyRooms.Contracts.Boards;

/// <summary>What an element operation does (docs/protocol.md P-OPS-5).</summary>
[GenerateSerializer, Alias("StudyRooms.ElementOpKind")]
public enum ElementOpKind
{
    Create = 0,
    Patch = 1,
    Delete = 2,
}
