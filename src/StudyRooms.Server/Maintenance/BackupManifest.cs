using System.Text.Json.Serialization;

namespace StudyRooms.Server.Maintenance;

/// <summary>What a backup directory holds, written last: a backup without it is incomplete.</summary>
public sealed record BackupManifest(DateTimeOffset CreatedAt, long DatabaseBytes, int OtherFiles);

[JsonSerializable(typeof(BackupManifest))]
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ManifestJson : JsonSerializerContext;
