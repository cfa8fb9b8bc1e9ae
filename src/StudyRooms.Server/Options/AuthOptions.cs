namespace StudyRooms.Server.Options;

/// <summary>Section "StudyRooms:Auth": how guest tokens are signed and how long they last.</summary>
public sealed class AuthOptions
{
    public const string Section = "StudyRooms:Auth";

    /// <summary>
    /// Base64 HMAC-SHA256 key, at least 32 bytes. Optional in embedded mode (generated once and
    /// kept in the data directory); required in Redis mode, where every server must share it.
    /// </summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "studyrooms";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);
}
