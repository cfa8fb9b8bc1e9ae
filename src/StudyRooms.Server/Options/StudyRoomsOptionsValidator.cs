using Microsoft.Extensions.Options;

namespace StudyRooms.Server.Options;

/// <summary>Checks the configuration before anything starts; every failure names its key.</summary>
public sealed partial class StudyRoomsOptionsValidator : IValidateOptions<StudyRoomsOptions>
{
    public ValidateOptionsResult Validate(string? name, StudyRoomsOptions options)
    {
        var failures = new List<string>();
        var key = StudyRoomsOptions.Section;
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{key}:DataDirectory must name a directory.");
        }

        if (options.Redis is { } redis)
        {
            if (string.IsNullOrWhiteSpace(redis))
            {
                failures.Add($"{key}:Redis is set but empty; remove it for the embedded mode or give a Redis connection string such as 'localhost:6379'.");
            }
            else
            {
                try
                {
                    var parsed = StackExchange.Redis.ConfigurationOptions.Parse(redis);
                    if (parsed.EndPoints.Count == 0)
                    {
                        failures.Add($"{key}:Redis names no Redis endpoint (expected host:port).");
                    }
                }
                catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException)
                {
                    // The message of the parser can echo the connection string, which may hold a password.
                    failures.Add($"{key}:Redis is not a valid StackExchange.Redis connection string.");
                }
            }
        }

        if (!IsToken(options.KeyPrefix))
        {
            failures.Add($"{key}:KeyPrefix must be 1-64 characters of a-z, A-Z, 0-9, '-', '_' or '.'.");
        }

        if (!IsToken(options.ClusterId))
        {
            failures.Add($"{key}:ClusterId must be 1-64 characters of a-z, A-Z, 0-9, '-', '_' or '.'.");
        }

        if (!IsToken(options.ServiceId))
        {
            failures.Add($"{key}:ServiceId must be 1-64 characters of a-z, A-Z, 0-9, '-', '_' or '.'.");
        }

        if (options.SiloPort is < 1 or > 65535)
        {
            failures.Add($"{key}:SiloPort must be between 1 and 65535.");
        }

        if (options.GatewayPort is < 1 or > 65535)
        {
            failures.Add($"{key}:GatewayPort must be between 1 and 65535.");
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"{key}:SiloPort and {key}:GatewayPort must differ.");
        }

        if (options.AdvertisedIp is { } ip && !System.Net.IPAddress.TryParse(ip, out _))
        {
            failures.Add($"{key}:AdvertisedIp must be an IP address such as 10.0.0.5.");
        }

        if (options.LogFormat is not ("text" or "json"))
        {
            failures.Add($"{key}:LogFormat must be 'text' or 'json'.");
        }

        ValidateMembership(options, failures);
        ValidateConnections(options, failures);
        ValidateProtocol(options, failures);
        ValidateOverload(options, failures);
        ValidateShutdown(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsToken(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
