namespace StudyRooms.Contracts.Resources;

/// <summary>The stored file of a <see cref="ResourceKind.File"/> resource (P-RES-6).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ResourceFile")]
public sealed record ResourceFile
{
    /// <summary>128 random bits, 32 lowercase hex digits; names the file on disk and in its download address.</summary>
    [Id(0)] public required string BlobId { get; init; }
    /// <summary>The uploader's file name, cleaned (P-RES-7).</summary>
    [Id(1)] public required string Name { get; init; }
    /// <summary>Bytes.</summary>
    [Id(2)] public required long Size { get; init; }
    /// <summary>The type the server found from the content, never the uploader's claim (P-RES-7).</summary>
    [Id(3)] public required string ContentType { get; init; }
    /// <summary>Pixels of an image, when the file is one.</summary>
    [Id(4)] public int? Width { get; init; }
    [Id(5)] public int? Height { get; init; }
}
