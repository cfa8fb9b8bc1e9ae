using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StudyRooms.Contracts.Sessions;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Auth;

/// <summary>Issues identities: a signed bearer token for a fresh guest (P-AUTH-1) or an account (P-ACCT-2).</summary>
public sealed class TokenService(SigningKey signingKey, IOptions<AuthOptions> options, TimeProvider time)
{
    public const string Audience = "studyrooms";

    // Tokens carry no roles (a user's role is per room, held by the room grain); the identity names the usual type.
    private const string RoleClaimType = "role";

    private static readonly string[] RetainedClaims = [StudyRoomsUser.UserIdClaim, StudyRoomsUser.DisplayNameClaim, TokenClaims.Expires];

    public SessionResult CreateGuest(string displayName) => Issue(NewUserId(), displayName);

    /// <summary>A fresh user id: 128 random bits.</summary>
    public static string NewUserId() => "u_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A token for a known user: a guest's, or an account's (P-ACCT-2).</summary>
    public SessionResult Issue(string userId, string displayName)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(StudyRoomsUser.UserIdClaim, userId),
                new Claim(StudyRoomsUser.DisplayNameClaim, displayName),
            ]),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return new SessionResult { UserId = userId, DisplayName = displayName, Token = token, ExpiresAt = expires };
    }

    /// <summary>
    /// The principal a request or connection keeps once its token is validated: the user id, display
    /// name and expiry, the only claims the server reads (<see cref="StudyRoomsUser"/>,
    /// <see cref="TokenClaims"/>). The validated principal holds the parsed token itself (its raw text
    /// and a second copy of every claim, each with a property dictionary); a hub connection would keep
    /// all of that for its whole life (measured with 1,000 idle connections: docs/benchmarks.md).
    /// </summary>
    public ClaimsPrincipal Retained(ClaimsPrincipal validated)
    {
        var kept = new ClaimsIdentity(validated.Identity?.AuthenticationType ?? JwtBearerDefaults.AuthenticationScheme, StudyRoomsUser.DisplayNameClaim, RoleClaimType);
        foreach (var type in RetainedClaims)
        {
            if (validated.FindFirst(type) is { } claim)
            {
                kept.AddClaim(new Claim(type, claim.Value, claim.ValueType, options.Value.Issuer));
            }
        }

        return new ClaimsPrincipal(kept);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = signingKey.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = StudyRoomsUser.DisplayNameClaim,

        // Expiry is judged by the injected clock, the one that issues tokens and closes expired
        // connections (the library's own check reads the system clock).
        LifetimeValidator = (notBefore, expires, _, parameters) => IsLive(notBefore, expires, parameters.ClockSkew),
    };

    private bool IsLive(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end + skew && (notBefore is not { } start || now >= start - skew);
    }
}
