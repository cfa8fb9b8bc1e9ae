using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Server.Auth;

/// <summary>The signed-in user as the token names them.</summary>
public sealed record StudyRoomsUser(string UserId, string DisplayName)
{
    public const string UserIdClaim = "sub";
    public const string DisplayNameClaim = "name";

    public static StudyRoomsUser From(ClaimsPrincipal? principal)
    {
        var userId = principal?.FindFirst(UserIdClaim)?.Value;
        var name = principal?.FindFirst(DisplayNameClaim)?.Value;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(name))
        {
            throw new HubException($"{ErrorCodes.Unauthenticated}: sign in first");
        }

        return new StudyRoomsUser(userId, name);
    }
}
