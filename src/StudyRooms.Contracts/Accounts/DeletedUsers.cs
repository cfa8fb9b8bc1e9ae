using System.Security.Cryptography;
using System.Text;

namespace StudyRooms.Contracts.Accounts;

/// <summary>How a deleted user's id is remembered: its SHA-256 digest, in lower-case hex (P-ACCT-4).</summary>
public static class DeletedUsers
{
    public static string Key(string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));
}
