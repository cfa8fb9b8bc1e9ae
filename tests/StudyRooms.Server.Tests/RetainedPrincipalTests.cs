using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Server.Auth;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves what a request or hub connection keeps of its token once the host's bearer handler has
// validated it: the user id, display name and expiry the server reads, and nothing of the parsed
// token (its raw text, its claim set), which a WebSocket would otherwise hold for its whole life.
[Collection(HostCollection.Name)]
public sealed class RetainedPrincipalTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task AValidatedTokenLeavesOnlyTheClaimsTheServerReads()
    {
        var ada = await Host.SignInAsync("Ada Lovelace");

        var result = await AuthenticateAsync(ada.Token);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var principal = result.Principal!;
        Assert.True(principal.Identity!.IsAuthenticated);
        Assert.Equal("Ada Lovelace", principal.Identity.Name);
        Assert.Equal(new StudyRoomsUser(ada.UserId, "Ada Lovelace"), StudyRoomsUser.From(principal));
        Assert.Equal(
            [StudyRoomsUser.UserIdClaim, StudyRoomsUser.DisplayNameClaim, TokenClaims.Expires],
            principal.Claims.Select(c => c.Type));
        Assert.True(long.Parse(principal.FindFirst(TokenClaims.Expires)!.Value) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        // The handler's own identity type keeps the parsed token; the retained one is a plain identity.
        var identity = Assert.Single(principal.Identities);
        Assert.Equal(typeof(ClaimsIdentity), identity.GetType());
        Assert.All(principal.Claims, claim => Assert.Empty(claim.Properties));
    }

    [Fact]
    public async Task ATamperedTokenIsStillRefused()
    {
        var ada = await Host.SignInAsync("Ada");
        var parts = ada.Token.Split('.');
        var forged = string.Join('.', parts[0], parts[1], parts[2][..^4] + (parts[2].EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));

        var result = await AuthenticateAsync(forged);

        Assert.False(result.Succeeded);
        Assert.Null(result.Principal);
    }

    private async Task<AuthenticateResult> AuthenticateAsync(string token)
    {
        using var scope = Host.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/api/lobby";
        http.Request.Headers.Authorization = "Bearer " + token;
        return await scope.ServiceProvider.GetRequiredService<IAuthenticationService>().AuthenticateAsync(http, JwtBearerDefaults.AuthenticationScheme);
    }
}
