using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StudyRooms.Contracts.Sessions;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Auth;

/// <summary>Issues guest identities: a fresh user id and a signed bearer token (P-AUTH-1).</summary>
public sealed class TokenService(SigningKey signingKey, IOptions<AuthOptions> options, TimeProvider time)
{
    public const string Audience = "studyrooms";

    public SessionResult CreateGuest(string displayName)
    {
        var userId = "u_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
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

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = signingKey.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = StudyRoomsUser.DisplayNameClaim,
    };
}
