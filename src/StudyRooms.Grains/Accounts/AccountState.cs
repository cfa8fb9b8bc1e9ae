namespace StudyRooms.Grains.Accounts;

/// <summary>The persisted account: who it signs in as and its password hash.</summary>
[GenerateSerializer, Alias("StudyRooms.AccountState")]
public sealed class AccountState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string UserId { get; set; } = "";
    [Id(2)] public string DisplayName { get; set; } = "";
    [Id(3)] public string PasswordHash { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
}
