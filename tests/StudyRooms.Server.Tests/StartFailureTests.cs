using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves that a server that cannot start for a reason the operator can fix says so in plain words
// and ends with exit code 1, instead of dumping an unhandled exception's stack trace and aborting.
public sealed class StartFailureTests
{
    [Fact]
    public async Task InvalidSettingsAreListedOneALineAndTheServerEndsWithCode1()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(
            StudyRoomsHost.NewDataDirectory(),
            new Dictionary<string, string>
            {
                ["StudyRooms:LogFormat"] = "xml",
                ["StudyRooms:ShutdownDeadline"] = "02:00:00",
            },
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("StudyRooms cannot start: its settings are invalid", output, StringComparison.Ordinal);
        Assert.Contains("\n  - StudyRooms:LogFormat must be 'text' or 'json'.", output, StringComparison.Ordinal);
        Assert.Contains("\n  - StudyRooms:ShutdownDeadline must be between", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedisThatDoesNotAnswerIsNamedWithoutItsConnectionStringAndTheServerEndsWithCode1()
    {
        var nobody = FreePorts.Next();
        var (exitCode, output) = await StartInRedisModeAsync($"127.0.0.1:{nobody},password=not-for-the-log");

        Assert.Equal(1, exitCode);
        Assert.Contains("StudyRooms cannot start: Redis does not answer at the address StudyRooms:Redis gives", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-for-the-log", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedisThatRefusesThePasswordIsSaidToAndTheServerEndsWithCode1()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: false, password: "the-right-one");

        var (exitCode, output) = await StartInRedisModeAsync(redis.ConnectionString + ",password=a-wrong-one");

        Assert.Equal(1, exitCode);
        Assert.Contains("StudyRooms cannot start: Redis at the address StudyRooms:Redis gives refused the password", output, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-one", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> StartInRedisModeAsync(string redis) =>
        ServerProcess.RunUntilExitAsync(
            StudyRoomsHost.NewDataDirectory(),
            new Dictionary<string, string>
            {
                ["StudyRooms:Redis"] = redis,
                ["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(new byte[32]),
                ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            },
            TimeSpan.FromSeconds(90));
}
