using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Turns a grain's refusal into the "CODE: reason" hub error the client reads (P-ERR-1), and logs
/// only what is not a refusal. SignalR's dispatcher logs every failed call as an error with its stack
/// trace; a refusal is a normal answer, and a client sending bad calls in a loop would otherwise turn
/// each into an error log line (StudyRoomsHostingExtensions mutes that category).
/// </summary>
public sealed partial class StudyRoomsHubFilter(ILogger<StudyRoomsHubFilter> logger) : IHubFilter
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
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            FailedCall(logger, invocationContext.HubMethodName, e);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed unexpectedly")]
    private static partial void FailedCall(ILogger logger, string method, Exception exception);
}
