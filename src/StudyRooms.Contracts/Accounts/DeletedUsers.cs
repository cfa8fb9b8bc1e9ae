using System.Security.Cryptography;
using System.Text;

namespace StudyRooms.Contracts.Accounts;

/// <summary>How a deleted user's id is remembered: its SHA-256 digest, in lower-case hex (P-ACCT-4).</summary>
public static class DeletedUsers
{
    /// <summary>
    /// The author that replaces a deleted user's id on what stays in rooms (chat messages, board
    /// elements and ops, pinned resources; P-ACCT-4). Never a user id: those start with "u_".
    /// </summary>
    public const string MarkerId = "deleted";

    /// <summary>The display name that replaces a deleted user's name beside <see cref="MarkerId"/>; clients show their own words for it.</summary>
    public const string MarkerName = "Deleted user";

    public static string Key(string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));
}
