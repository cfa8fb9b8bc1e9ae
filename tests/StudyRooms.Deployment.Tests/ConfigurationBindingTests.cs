using System.Reflection;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StudyRooms.Server.Hosting;
using StudyRooms.Server.Options;

namespace StudyRooms.Deployment.Tests;

// Proves that every StudyRooms__* environment variable the manifests set binds a real option
// property, that the shipped values pass the server's own validation, and that the placeholder
// Secret is refused at start-up with the key named.
public sealed class ConfigurationBindingTests
{
    /// <summary>Variables read by others than our options: Orleans' Kubernetes hosting, ASP.NET Core and Redis' own container.</summary>
    private static readonly string[] ForeignVariables = ["POD_NAME", "POD_NAMESPACE", "POD_IP", "REDIS_PASSWORD", "ASPNETCORE_FORWARDEDHEADERS_ENABLED"];

    /// <summary>Option classes bound below the StudyRooms section, by section.</summary>
    private static readonly (string Section, Type Type)[] SubSections =
    [
        (AuthOptions.Section, typeof(AuthOptions)),
        (RateLimitOptions.Section, typeof(RateLimitOptions)),
        (ResourceOptions.Section, typeof(ResourceOptions)),
    ];

    public static TheoryData<string> Variables => [.. AllVariables().Distinct()];

    [Theory]
    [MemberData(nameof(Variables))]
    public void EveryEnvironmentVariableBindsAnOptionProperty(string variable)
    {
        if (ForeignVariables.Contains(variable))
        {
            return;
        }

        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        var (section, type) = SubSections
            .Where(s => key.StartsWith(s.Section + ":", StringComparison.Ordinal))
            .DefaultIfEmpty((StudyRoomsOptions.Section, typeof(StudyRoomsOptions)))
            .First();
        Assert.StartsWith(section + ":", key, StringComparison.Ordinal);
        var name = key[(section.Length + 1)..];

        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        Assert.True(property is { CanWrite: true }, $"{variable} binds no settable property of {type.Name} (keys are {section}:<property>)");
    }

    [Fact]
    public void TheShippedValuesPassValidationAndBindAsWritten()
    {
        var settings = ShippedSettings();
        settings["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(new byte[32]);

        var (options, _) = StudyRoomsConfiguration.ReadValidated(Configuration(settings));

        Assert.True(options.IsRedisMode);
        Assert.Equal("json", options.LogFormat);
        Assert.Equal(Manifests.Config["StudyRooms__ClusterId"], options.ClusterId);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MembershipProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.MembershipMaxProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MembershipTableRefreshTimeout);
    }

    [Fact]
    public void ThePlaceholderSigningKeyIsRefusedAtStartUp()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => StudyRoomsConfiguration.ReadValidated(Configuration(ShippedSettings())));

        Assert.Contains(failure.Failures, f => f.StartsWith("StudyRooms:Auth:SigningKey", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MembershipProbeTimeout", "00:00:00.1")]
    [InlineData("MembershipMaxProbeTimeout", "00:00:01")]
    [InlineData("MembershipMissedProbesLimit", "0")]
    [InlineData("MembershipVotesForDeath", "11")]
    [InlineData("MembershipTableRefreshTimeout", "01:00:00")]
    [InlineData("ShutdownDeadline", "02:00:00")]
    [InlineData("ShutdownDeadlineWithoutStorage", "00:01:00")]
    public void AnOutOfRangeMembershipOrShutdownSettingStopsStartUpNamingItsKey(string property, string value)
    {
        var settings = ShippedSettings();
        settings["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(new byte[32]);
        settings[$"StudyRooms:{property}"] = value;

        var failure = Assert.Throws<OptionsValidationException>(() => StudyRoomsConfiguration.ReadValidated(Configuration(settings)));

        Assert.StartsWith($"StudyRooms:{property} must be between", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    /// <summary>The ConfigMap and Secret as the environment-variable provider hands them to the server.</summary>
    private static Dictionary<string, string?> ShippedSettings() =>
        Manifests.Config.Concat(Manifests.Secrets)
            .Where(e => e.Key.StartsWith("StudyRooms__", StringComparison.Ordinal))
            .ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value);

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static IEnumerable<string> AllVariables()
    {
        foreach (var key in Manifests.Config.Keys.Concat(Manifests.Secrets.Keys))
        {
            yield return key;
        }

        foreach (var file in Manifests.ObjectFiles)
        {
            foreach (var container in Manifests.Load(file).Select(Containers).SelectMany(c => c))
            {
                foreach (var env in container.Env ?? [])
                {
                    yield return env.Name;
                }
            }
        }
    }

    private static IEnumerable<V1Container> Containers(object o) => o switch
    {
        V1Deployment d => d.Spec?.Template?.Spec?.Containers ?? [],
        V1StatefulSet s => s.Spec?.Template?.Spec?.Containers ?? [],
        _ => [],
    };
}
