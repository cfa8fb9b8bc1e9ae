using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyRooms.Server.Hosting;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// When the server gives memory back: the policy's rules on numbers, then the service in a real
// generic host collecting this test process's own heap.
public sealed class HeapTrimmingTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void AQuietServerWithSlackIsTrimmedAfterTheQuietChecks()
    {
        var policy = new HeapTrimPolicy();
        policy.Trimmed(0);
        var allocated = 200 * MiB; // a join burst since the start-up trim

        Assert.False(policy.ShouldTrim(allocated, committedBytes: 80 * MiB, liveBytes: 45 * MiB)); // the burst's own check
        Assert.False(policy.ShouldTrim(allocated += MiB / 2, 80 * MiB, 45 * MiB));                 // first quiet check
        Assert.True(policy.ShouldTrim(allocated += MiB / 2, 80 * MiB, 45 * MiB));                  // second quiet check

        policy.Trimmed(allocated);
        Assert.False(policy.ShouldTrim(allocated += MiB / 2, 60 * MiB, 42 * MiB));
        Assert.False(policy.ShouldTrim(allocated += MiB / 2, 60 * MiB, 42 * MiB)); // quiet with slack, but nothing new allocated to give back
    }

    [Fact]
    public void ABusyServerIsNeverTrimmed()
    {
        var policy = new HeapTrimPolicy();
        policy.Trimmed(0);
        var allocated = 0L;
        for (var check = 0; check < 100; check++)
        {
            Assert.False(policy.ShouldTrim(allocated += 40 * MiB, committedBytes: 150 * MiB, liveBytes: 50 * MiB));
        }
    }

    [Fact]
    public void LittleSlackIsNotWorthAPause()
    {
        var policy = new HeapTrimPolicy();
        policy.Trimmed(0);
        var allocated = 500 * MiB;
        for (var check = 0; check < 10; check++)
        {
            Assert.False(policy.ShouldTrim(allocated += MiB / 4, committedBytes: 50 * MiB, liveBytes: 45 * MiB));
        }

        Assert.True(policy.ShouldTrim(allocated, committedBytes: 58 * MiB, liveBytes: 45 * MiB));
    }

    [Fact]
    public void ABigLiveHeapNeedsMoreAllocatedBetweenTrims()
    {
        var policy = new HeapTrimPolicy { QuietChecksBeforeTrim = 1 };
        policy.Trimmed(0);

        Assert.False(policy.ShouldTrim(300 * MiB, committedBytes: 260 * MiB, liveBytes: 200 * MiB)); // the burst's own check

        // Quiet now: 300 MiB allocated since the last trim is enough for a 100 MiB heap, not for a 200 MiB one.
        Assert.False(policy.ShouldTrim(300 * MiB + MiB / 2, committedBytes: 260 * MiB, liveBytes: 200 * MiB));
        Assert.True(policy.ShouldTrim(300 * MiB + MiB, committedBytes: 160 * MiB, liveBytes: 100 * MiB));
    }

    [Fact]
    public void ABurstInTheMiddleOfQuietChecksStartsTheCountAgain()
    {
        var policy = new HeapTrimPolicy { QuietChecksBeforeTrim = 3 };
        policy.Trimmed(0);
        var allocated = 100 * MiB;
        Assert.False(policy.ShouldTrim(allocated, 90 * MiB, 40 * MiB));
        Assert.False(policy.ShouldTrim(allocated += MiB / 2, 90 * MiB, 40 * MiB));
        Assert.False(policy.ShouldTrim(allocated += MiB / 2, 90 * MiB, 40 * MiB));
        Assert.False(policy.ShouldTrim(allocated += 30 * MiB, 90 * MiB, 40 * MiB)); // burst
        Assert.False(policy.ShouldTrim(allocated += MiB / 2, 90 * MiB, 40 * MiB));
        Assert.False(policy.ShouldTrim(allocated += MiB / 2, 90 * MiB, 40 * MiB));
        Assert.True(policy.ShouldTrim(allocated += MiB / 2, 90 * MiB, 40 * MiB));
    }

    [Fact]
    public void TrimmingWhenQuietIsOnByDefault()
    {
        var builder = Host.CreateApplicationBuilder();
        using var host = builder.Build();
        var trimming = new HeapTrimming(
            host.Services.GetRequiredService<IHostApplicationLifetime>(),
            Microsoft.Extensions.Options.Options.Create(new StudyRooms.Server.Options.StudyRoomsOptions()),
            host.Services.GetRequiredService<ILogger<HeapTrimming>>());

        Assert.True(trimming.TrimsWhenQuiet);
    }

    [Fact]
    public async Task TheServiceTrimsAtStartAndAgainOnceABurstHasBeenAllocated()
    {
        // Every check counts as quiet with slack, so only the allocation since the last trim gates it,
        // and not in live heaps: this test process holds other tests' hosts.
        var policy = new HeapTrimPolicy
        {
            QuietBytesPerCheck = long.MaxValue,
            QuietChecksBeforeTrim = 1,
            MinimumSlackBytes = long.MinValue,
            MinimumAllocatedSinceTrim = 48 * MiB,
            LiveHeapsAllocatedSinceTrim = 0,
        };
        // The start-up trim's log line is held until the burst below is allocated, as a slow console
        // on a loaded machine holds it: the burst must still count towards the next trim.
        using var startUpLogLine = new ManualResetEventSlim();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddProvider(new HoldingLoggerProvider(startUpLogLine));
        builder.Services.AddSingleton(services => new HeapTrimming(
            services.GetRequiredService<IHostApplicationLifetime>(), services.GetRequiredService<ILogger<HeapTrimming>>(), policy, TimeSpan.FromMilliseconds(20)));
        builder.Services.AddHostedService(services => services.GetRequiredService<HeapTrimming>());
        using var host = builder.Build();
        var trimming = host.Services.GetRequiredService<HeapTrimming>();
        Assert.Equal(0, trimming.Trims);
        var collections = GC.CollectionCount(GC.MaxGeneration);

        await host.StartAsync();
        try
        {
            await Poll.UntilAsync(() => trimming.Trims >= 1, "the start-up trim", TimeSpan.FromSeconds(10));
            Assert.True(GC.CollectionCount(GC.MaxGeneration) > collections, "a trim is a full collection");
            var trimsAfterStart = trimming.Trims;

            for (var block = 0; block < 64; block++)
            {
                GC.KeepAlive(new byte[MiB]);
            }

            startUpLogLine.Set();

            await Poll.UntilAsync(() => trimming.Trims > trimsAfterStart, "a trim after 64 MiB of garbage", TimeSpan.FromSeconds(10));
        }
        finally
        {
            startUpLogLine.Set();
            await host.StopAsync();
        }
    }

    // Holds the writer of the first trim's log line (event 1901) until released, for at most 10 s.
    private sealed class HoldingLoggerProvider(ManualResetEventSlim release) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 1901)
            {
                release.Wait(TimeSpan.FromSeconds(10));
            }
        }

        public void Dispose()
        {
        }
    }
}

// The real server's hosted services: the trimming runs; ASP.NET Core's data-protection key ring
// loader, which AddAuthentication brings and StudyRooms never needs, does not.
[Collection(HostCollection.Name)]
public sealed class ServerHostedServicesTests(HostFixture fixture)
{
    [Fact]
    public void TheServerRunsTheTrimmingAndNotTheDataProtectionKeyRingLoader()
    {
        var hosted = fixture.Host.Services.GetServices<IHostedService>().Select(service => service.GetType().FullName).ToList();

        Assert.Contains(typeof(HeapTrimming).FullName, hosted);
        Assert.DoesNotContain(StudyRoomsHostingExtensions.DataProtectionKeyRingLoader, hosted);
        Assert.DoesNotContain(hosted, name => name!.Contains("DataProtection", StringComparison.Ordinal)); // nor one a later ASP.NET renamed
        Assert.Contains(hosted, name => name!.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)); // the list is the host's real one
    }

    [Fact]
    public void TheTestHostsSettingTurnsQuietTrimsOff()
    {
        // StudyRoomsHost sets StudyRooms:TrimHeapWhenQuiet=false: the key binds.
        var trimming = fixture.Host.Services.GetServices<IHostedService>().OfType<HeapTrimming>().Single();

        Assert.False(trimming.TrimsWhenQuiet);
    }
}
