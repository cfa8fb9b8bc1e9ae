using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyRooms.Server.Hosting;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves a bad configuration value stops start-up with a message naming the key, and secrets stay out of it.
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("StudyRooms:SiloPort", "0", "StudyRooms:SiloPort")]
    [InlineData("StudyRooms:GatewayPort", "70000", "StudyRooms:GatewayPort")]
    [InlineData("StudyRooms:Redis", "", "StudyRooms:Redis")]
    [InlineData("StudyRooms:KeyPrefix", "has spaces", "StudyRooms:KeyPrefix")]
    [InlineData("StudyRooms:LogFormat", "xml", "StudyRooms:LogFormat")]
    [InlineData("StudyRooms:AdvertisedIp", "not-an-ip", "StudyRooms:AdvertisedIp")]
    [InlineData("StudyRooms:Auth:SigningKey", "dG9vIHNob3J0", "StudyRooms:Auth:SigningKey")]
    [InlineData("StudyRooms:Auth:TokenLifetime", "00:00:01", "StudyRooms:Auth:TokenLifetime")]
    [InlineData("StudyRooms:RateLimits:SessionsPerMinutePerAddress", "0", "StudyRooms:RateLimits:SessionsPerMinutePerAddress")]
    [InlineData("StudyRooms:ConnectionOutboundBufferBytes", "1024", "StudyRooms:ConnectionOutboundBufferBytes")]
    [InlineData("StudyRooms:ConnectionSendTimeout", "00:05:00", "StudyRooms:ConnectionSendTimeout")]
    [InlineData("StudyRooms:MaxConcurrentHubCalls", "0", "StudyRooms:MaxConcurrentHubCalls")]
    [InlineData("StudyRooms:OverloadRetryAfter", "00:05:00", "StudyRooms:OverloadRetryAfter")]
    [InlineData("StudyRooms:MaxConnectionsPerUser", "0", "StudyRooms:MaxConnectionsPerUser")]
    [InlineData("StudyRooms:RateLimits:MaxOwnedRoomsPerUser", "0", "StudyRooms:RateLimits:MaxOwnedRoomsPerUser")]
    public void ABadValueIsRefusedNamingItsKey(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => StudyRoomsConfiguration.ReadAllValidated(configuration));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task TheServerDoesNotWatchItsContentRootForSettingsChanges()
    {
        // A watcher on the content root woke on every write to a data directory inside it (./data by default).
        await using var host = await StudyRoomsHost.StartAsync();
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, file => file.Source.Path == "appsettings.json");
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file.Source.Path} is reloaded on change"));
    }

    [Fact]
    public void RedisModeRequiresASharedSigningKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["StudyRooms:Redis"] = "127.0.0.1:6379" })
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => StudyRoomsConfiguration.ReadValidated(configuration));

        Assert.Contains("StudyRooms:Auth:SigningKey", error.Message);
    }

    [Fact]
    public void TheDefaultsAreValidAndEmbedded()
    {
        var (options, _) = StudyRoomsConfiguration.ReadValidated(new ConfigurationBuilder().Build());

        Assert.False(options.IsRedisMode);
        Assert.Equal("./data", options.DataDirectory);
    }

    [Fact]
    public async Task AHostWithABadValueDoesNotStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:LogFormat"] = "xml",
        }));

        Assert.Contains("StudyRooms:LogFormat", error.ToString());
    }
}
