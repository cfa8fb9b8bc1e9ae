using Microsoft.Extensions.Options;

namespace StudyRooms.Server.Options;

/// <summary>Checks the token settings; every failure names its key.</summary>
public sealed class AuthOptionsValidator(bool signingKeyRequired) : IValidateOptions<AuthOptions>
{
    public const int MinKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var key = AuthOptions.Section;
        if (options.SigningKey is null)
        {
            if (signingKeyRequired)
            {
                failures.Add($"{key}:SigningKey is required in Redis mode (all servers must share it): a base64 string of at least {MinKeyBytes} random bytes.");
            }
        }
        else if (DecodeKey(options.SigningKey) is not { Length: >= MinKeyBytes })
        {
            failures.Add($"{key}:SigningKey must be base64 of at least {MinKeyBytes} bytes.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{key}:Issuer must not be empty.");
        }

        if (options.TokenLifetime < TimeSpan.FromMinutes(5) || options.TokenLifetime > TimeSpan.FromDays(90))
        {
            failures.Add($"{key}:TokenLifetime must be between 00:05:00 and 90.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static byte[]? DecodeKey(string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
