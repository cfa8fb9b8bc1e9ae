namespace StudyRooms.Server.Options;

/// <summary>
/// Section "StudyRooms:RateLimits": HTTP limits. A whole school often shares one address behind
/// NAT, so the per-address sign-in limit is generous; room creation is limited per user.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "StudyRooms:RateLimits";

    public int SessionsPerMinutePerAddress { get; set; } = 600;

    public int RoomsPerMinutePerUser { get; set; } = 20;

    /// <summary>Rooms one user may own at once (P-LIFE-7); deleting one frees a place.</summary>
    public int MaxOwnedRoomsPerUser { get; set; } = 100;
}
