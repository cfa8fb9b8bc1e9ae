namespace StudyRooms.Server.Auth;

/// <summary>Registered JWT claims the server reads besides the user's own (<see cref="StudyRoomsUser"/>).</summary>
public static class TokenClaims
{
    /// <summary>Expiry, in seconds since the Unix epoch (RFC 7519 §4.1.4).</summary>
    public const string Expires = "exp";
}
