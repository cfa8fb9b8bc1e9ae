using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Server.Hubs;

/// <summary>Turns a grain's refusal into the "CODE: reason" hub error the client reads (P-ERR-1).</summary>
public sealed class StudyRoomsHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (StudyRoomsException e)
        {
            throw new HubException(e.Message);
        }
    }
}
