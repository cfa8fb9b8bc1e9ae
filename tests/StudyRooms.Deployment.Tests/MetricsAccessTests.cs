using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using StudyRooms.Server.Observability;
using StudyRooms.Testing;

namespace StudyRooms.Deployment.Tests;

// Proves that /metrics is an operator's page: without a token only loopback and private-network
// callers read it; with StudyRooms:MetricsToken set, only callers presenting the token do; everyone
// else sees a 404, as if the path did not exist.
public sealed class MetricsAccessTests : IAsyncLifetime
{
    private const string Token = "scrape-me-0123456789";
    private StudyRoomsHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?> { ["StudyRooms:MetricsToken"] = Token });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.4.0.17", true)]
    [InlineData("172.16.3.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("192.168.1.20", true)]
    [InlineData("169.254.10.1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:10.0.0.5", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("172.15.0.1", false)]
    [InlineData("192.169.0.1", false)]
    [InlineData("203.0.113.7", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("::ffff:203.0.113.7", false)]
    public void WithoutATokenOnlyLocalNetworksAreAnswered(string address, bool allowed)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(allowed, MetricsAccess.Allows(context, token: null));
    }

    [Fact]
    public void WithATokenTheAddressDoesNotMatterButTheTokenDoes()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("127.0.0.1");
        Assert.False(MetricsAccess.Allows(context, Token));

        context.Request.Headers.Authorization = "Bearer wrong";
        Assert.False(MetricsAccess.Allows(context, Token));

        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        context.Request.Headers.Authorization = $"Bearer {Token}";
        Assert.True(MetricsAccess.Allows(context, Token));
    }

    [Fact]
    public async Task TheRealServerRequiresTheConfiguredToken()
    {
        using var http = _host.CreateHttpClient();

        using var anonymous = await http.GetAsync(ObservabilityExtensions.MetricsPath);
        using var wrong = await GetWithTokenAsync(http, "not-the-token");
        using var right = await GetWithTokenAsync(http, Token);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("# TYPE", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> GetWithTokenAsync(HttpClient http, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ObservabilityExtensions.MetricsPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
