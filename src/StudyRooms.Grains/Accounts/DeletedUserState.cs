namespace StudyRooms.Grains.Accounts;

/// <summary>
/// The persisted deletion of one user. While <see cref="Erasing"/> it holds the user id and username
/// the erasure needs; once done only <see cref="Deleted"/> and the time remain (P-ACCT-4).
/// </summary>
[GenerateSerializer, Alias("StudyRooms.DeletedUserState")]
public sealed class DeletedUserState
{
    [Id(0)] public bool Deleted { get; set; }
    [Id(1)] public bool Erasing { get; set; }
    [Id(2)] public string UserId { get; set; } = "";
    [Id(3)] public string? Username { get; set; }
    [Id(4)] public DateTimeOffset DeletedAt { get; set; }
}
