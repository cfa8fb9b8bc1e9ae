using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

/// <summary>One embedded-mode host shared by the tests of a collection; tests use fresh rooms and users.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public StudyRoomsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await StudyRoomsHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "embedded host";
}
