using System.Security.Cryptography;

namespace StudyRooms.Grains.Tests.Support;

/// <summary>Fresh random ids, so tests sharing one cluster or database never meet each other's data.</summary>
internal static class TestIds
{
    /// <summary>A room id as the host makes it: 128 random bits, 22 url-safe characters (P-ROOM-1).</summary>
    public static string Room() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string User() => "u_" + Suffix();

    public static string Client() => "c_" + Suffix();

    public static string Connection() => "conn_" + Suffix();

    public static string Element() => "e_" + Suffix();

    private static string Suffix() => Guid.NewGuid().ToString("N")[..12];
}
