using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Study sprint methods of the room hub (docs/protocol.md, "Sprints"; docs/sprints.md). Each checks
/// that the connection joined the room and makes one call to the room's sprint grain, which owns the
/// schedule, the roles (hosts are the owner and mentors) and every limit.
/// </summary>
public sealed partial class RoomHub
{
    public Task<SprintSnapshot> GetSprint(SprintRequest? request)
    {
        var (sprint, actor) = Sprint(request?.RoomId);
        if (ConnectionRooms.Of(Context, time).VolatileBudget is var budget && !budget.TryTake())
        {
            throw Refuse(ErrorCodes.RateLimited, RetryHint.Append("too many requests; slow down", budget.UntilNextToken()));
        }

        return sprint.GetForAsync(actor);
    }

    public Task<SprintSnapshot> StartSprint(StartSprintRequest? request)
    {
        var (sprint, actor) = Sprint(request?.RoomId, touches: true);
        return sprint.StartAsync(actor, new StartSprintCommand
        {
            Preset = request!.Preset,
            FocusMinutes = request.FocusMinutes,
            ShortBreakMinutes = request.ShortBreakMinutes,
            LongBreakMinutes = request.LongBreakMinutes,
            LongBreakEvery = request.LongBreakEvery,
            Cycles = request.Cycles,
            Rules = request.Rules,
            Goal = request.Goal,
        });
    }

    public Task<SprintSnapshot> PauseSprint(SprintRequest? request) => ControlSprint(request?.RoomId, new() { Kind = SprintControlKind.Pause });

    public Task<SprintSnapshot> ResumeSprint(SprintRequest? request) => ControlSprint(request?.RoomId, new() { Kind = SprintControlKind.Resume });

    public Task<SprintSnapshot> SkipSprintPhase(SprintRequest? request) => ControlSprint(request?.RoomId, new() { Kind = SprintControlKind.Skip });

    public Task<SprintSnapshot> StopSprint(SprintRequest? request) => ControlSprint(request?.RoomId, new() { Kind = SprintControlKind.Stop });

    public Task<SprintSnapshot> ExtendSprint(ExtendSprintRequest? request) =>
        ControlSprint(request?.RoomId, new() { Kind = SprintControlKind.Extend, ExtendMinutes = request?.Minutes ?? throw Refuse(ErrorCodes.InvalidRequest, "minutes is required") });

    public Task<SprintSnapshot> SetSprintRules(SetSprintRulesRequest? request) =>
        ControlSprint(request?.RoomId, new() { Kind = SprintControlKind.SetRules, Rules = request?.Rules ?? throw Refuse(ErrorCodes.InvalidRequest, "rules are required") });

    public Task<SprintSnapshot> JoinSprint(SprintGoalRequest? request)
    {
        var (sprint, actor) = Sprint(request?.RoomId, touches: true);
        return sprint.JoinAsync(actor, request!.Goal);
    }

    public Task<SprintSnapshot> LeaveSprint(SprintRequest? request)
    {
        var (sprint, actor) = Sprint(request?.RoomId);
        return sprint.LeaveAsync(actor);
    }

    public Task<SprintSnapshot> SetSprintGoal(SprintGoalRequest? request)
    {
        var (sprint, actor) = Sprint(request?.RoomId, touches: true);
        return sprint.SetGoalAsync(actor, request!.Goal);
    }

    public Task<SprintRecapsUpdated> SubmitRecap(SubmitRecapRequest? request)
    {
        var (sprint, actor) = Sprint(request?.RoomId);
        if (request!.BlockIndex is not { } block || request.Outcome is not { } outcome)
        {
            throw Refuse(ErrorCodes.InvalidRequest, "blockIndex and outcome are required");
        }

        return sprint.SubmitRecapAsync(actor, new SubmitRecapCommand { BlockIndex = block, Outcome = outcome, Note = request.Note });
    }

    public Task SprintHeartbeat(SprintHeartbeatRequest? request)
    {
        var (sprint, actor) = Sprint(request?.RoomId, touches: true);
        return sprint.HeartbeatAsync(actor, request!.Active);
    }

    private Task<SprintSnapshot> ControlSprint(string? roomId, SprintControlCommand command)
    {
        var (sprint, actor) = Sprint(roomId);
        return sprint.ControlAsync(actor, command);
    }

    /// <summary>
    /// The room's sprint grain and the caller, for a connection in the room. <paramref name="touches"/>
    /// marks the connection as taking part, so closing it later stops its user's focus clock (P-SPR-11).
    /// </summary>
    private (ISprintGrain Sprint, SprintActor Actor) Sprint(string? roomId, bool touches = false)
    {
        var rooms = ConnectionRooms.Of(Context, time);
        if (roomId is null || !rooms.Contains(roomId))
        {
            throw Refuse(ErrorCodes.NotInRoom, "join the room first");
        }

        if (touches)
        {
            rooms.MarkInSprint(roomId);
        }

        var user = StudyRoomsUser.From(Context.User);
        return (grains.GetGrain<ISprintGrain>(roomId), new SprintActor { UserId = user.UserId, DisplayName = user.DisplayName, ConnectionId = Context.ConnectionId });
    }

    /// <summary>Stops the focus clock of a connection leaving the room, if it ever took part in its sprint.</summary>
    private Task SprintConnectionClosedAsync(string roomId)
    {
        if (!ConnectionRooms.Of(Context, time).TakeInSprint(roomId))
        {
            return Task.CompletedTask;
        }

        var user = StudyRoomsUser.From(Context.User);
        return grains.GetGrain<ISprintGrain>(roomId).ConnectionClosedAsync(new SprintActor { UserId = user.UserId, DisplayName = user.DisplayName, ConnectionId = Context.ConnectionId });
    }
}
