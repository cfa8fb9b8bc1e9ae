using System.Net;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves /health answers while the process runs and /ready once the silo and storage are up.
public sealed class HealthTests
{
    [Fact]
    public async Task HealthAndReadyAnswerOkOnAStartedHost()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        using var http = host.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        await Poll.UntilAsync(async () => (await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, "/ready answers 200");
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "studyrooms.db")));
    }
}
