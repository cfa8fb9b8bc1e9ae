using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Auth;

/// <summary>The key that signs guest tokens: from configuration, or generated once per data directory.</summary>
public sealed class SigningKey(SymmetricSecurityKey key)
{
    public SymmetricSecurityKey Key { get; } = key;

    public static SigningKey Resolve(AuthOptions auth, StudyRoomsOptions studyRooms)
    {
        if (auth.SigningKey is { } configured)
        {
            return new SigningKey(new SymmetricSecurityKey(AuthOptionsValidator.DecodeKey(configured)!));
        }

        // Embedded mode: keep a generated key beside the data so tokens outlive a restart.
        Directory.CreateDirectory(studyRooms.DataDirectory);
        var path = Path.Combine(studyRooms.DataDirectory, "signing-key");
        if (!File.Exists(path))
        {
            var bytes = RandomNumberGenerator.GetBytes(64);
            var temp = path + ".tmp";
            File.WriteAllText(temp, Convert.ToBase64String(bytes));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, path, overwrite: false);
        }

        var stored = AuthOptionsValidator.DecodeKey(File.ReadAllText(path).Trim());
        if (stored is not { Length: >= AuthOptionsValidator.MinKeyBytes })
        {
            throw new InvalidOperationException($"{path} does not hold a valid signing key; delete it to generate a new one (this signs everyone out).");
        }

        return new SigningKey(new SymmetricSecurityKey(stored));
    }
}
