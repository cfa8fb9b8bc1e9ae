using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace StudyRooms.Server.Observability;

/// <summary>
/// Keeps /metrics from the public: room counts, method names and error rates are an operator's view,
/// not a visitor's. A configured token is required when set; otherwise only loopback and
/// private-network callers are answered. Everyone else gets 404, as if there were no such path.
/// </summary>
public static class MetricsAccess
{
    public static bool Allows(HttpContext context, string? token) =>
        string.IsNullOrEmpty(token)
            ? IsLocalNetwork(context.Connection.RemoteIpAddress)
            : HasToken(context.Request.Headers.Authorization.ToString(), token);

    /// <summary>Loopback, RFC 1918, IPv4 link-local, IPv6 unique-local and link-local addresses.</summary>
    public static bool IsLocalNetwork(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254);
        }

        return address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal;
    }

    private static bool HasToken(string authorization, string token)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var offered = Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(offered, Encoding.UTF8.GetBytes(token));
    }
}
