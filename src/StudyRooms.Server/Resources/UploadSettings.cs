namespace StudyRooms.Server.Resources;

/// <summary>What the upload endpoint needs of <see cref="Options.ResourceOptions"/> (P-RES-7).</summary>
public sealed record UploadSettings(bool Enabled, long MaxFileBytes, int MaxImageSide);
