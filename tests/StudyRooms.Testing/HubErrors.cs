using System.Text.RegularExpressions;

namespace StudyRooms.Testing;

/// <summary>
/// Reads a refusal the way clients do (P-ERR-1): SignalR delivers
/// "An unexpected error occurred invoking 'X' on the server. HubException: CODE: reason".
/// </summary>
public static partial class HubErrors
{
    public static (string Code, string Reason) Parse(Exception error)
    {
        var match = Pattern().Match(error.Message);
        return match.Success
            ? (match.Groups[1].Value, match.Groups[2].Value)
            : throw new Xunit.Sdk.XunitException($"Not a coded refusal: {error.Message}");
    }

    [GeneratedRegex(@"HubException: ([A-Z][A-Z_]+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
