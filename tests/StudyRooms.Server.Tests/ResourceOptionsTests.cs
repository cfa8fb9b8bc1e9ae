using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Tests;

// Proves the resource options bind from StudyRooms:Resources, default to 10 MiB uploads under the
// data directory, and that a bad value stops start-up with a message naming its key (P-RES-6, P-RES-7).
public sealed class ResourceOptionsTests
{
    [Fact]
    public void DefaultsAreTenMegabytesUnderTheDataDirectoryAndNoFolderInRedisMode()
    {
        var options = ResourceOptionsSetup.ReadValidated(Configuration([]));

        Assert.Equal(10 * 1024 * 1024, options.MaxFileBytes);
        Assert.Equal(10_000, options.MaxImageSide);
        Assert.Equal(Path.Combine("/srv/data", "files"), options.FilesDirectoryFor(new StudyRoomsOptions { DataDirectory = "/srv/data" }));
        Assert.Null(options.FilesDirectoryFor(new StudyRoomsOptions { Redis = "localhost:6379" }));
        options.FilesDirectory = "/mnt/shared/files";
        Assert.Equal("/mnt/shared/files", options.FilesDirectoryFor(new StudyRoomsOptions { Redis = "localhost:6379" }));
    }

    [Fact]
    public void ValuesBindFromTheSection()
    {
        var options = ResourceOptionsSetup.ReadValidated(Configuration(new()
        {
            ["StudyRooms:Resources:MaxFileBytes"] = "2048",
            ["StudyRooms:Resources:MaxItemsPerRoom"] = "5",
            ["StudyRooms:Resources:AddBurstPerUser"] = "3",
        }));

        Assert.Equal((2048L, 5, 3.0), (options.MaxFileBytes, options.ToSettings().MaxItemsPerRoom, options.ToSettings().AddBurst));
    }

    [Theory]
    [InlineData("MaxFileBytes", "0")]
    [InlineData("MaxImageSide", "-1")]
    [InlineData("MaxItemsPerRoom", "0")]
    [InlineData("MaxNoteLength", "0")]
    [InlineData("AddsPerMinutePerUser", "0")]
    [InlineData("AddBurstPerUser", "0.5")]
    public void ABadValueFailsNamingItsKey(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            ResourceOptionsSetup.ReadValidated(Configuration(new() { [$"StudyRooms:Resources:{key}"] = value })));

        Assert.Contains($"StudyRooms:Resources:{key}", failure.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
