namespace StudyRooms.Contracts.Resources;

/// <summary>The upload endpoint's note of a file it checked and stored, for the shelf to list (P-RES-6).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.AddFileCommand")]
public sealed record AddFileCommand
{
    [Id(0)] public required ResourceFile File { get; init; }
}
