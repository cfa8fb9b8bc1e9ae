using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the sprint methods of the room hub over a real WebSocket: every client of the room gets the
// same snapshot with its anchors, a late joiner gets it from GetSprint, malformed requests are refused
// and change nothing, heartbeats are rate-limited, a closed connection stops counting, and the board
// is locked during a break when the host says so (P-SPR-1..P-SPR-11; roles in PermissionMatrixTests).
[Collection(HostCollection.Name)]
public sealed class SprintHubTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    private async Task<(string RoomId, RoomClient Owner, RoomClient Member)> RoomAsync()
    {
        var olga = await Host.SignInAsync("Olga");
        var room = await Host.CreateRoomAsync(olga);
        var owner = await RoomClient.ConnectAsync(Host, olga);
        await owner.JoinAsync(room.RoomId);
        var member = await RoomClient.ConnectAsync(Host, await Host.SignInAsync("Max"));
        await member.JoinAsync(room.RoomId);
        return (room.RoomId, owner, member);
    }

    private static async Task<string> RefusalAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        return HubErrors.Parse(error).Code;
    }

    [Fact]
    public async Task TwoClientsSeeTheSameSnapshotAndALateJoinerGetsIt_P_SPR_3_P_SPR_4()
    {
        var (roomId, owner, member) = await RoomAsync();
        await using var _ = owner;
        await using var __ = member;

        var started = await owner.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "50/10", Goal = "Chapter 4" });

        await Poll.UntilAsync(() => !owner.SprintUpdated.IsEmpty && !member.SprintUpdated.IsEmpty, "both clients got SprintUpdated");
        var seen = new[] { owner.SprintUpdated.Single(), member.SprintUpdated.Single() };
        Assert.All(seen, e => Assert.Equal(
            (SprintChange.Started, started.SprintId, started.PhaseStartedAt, 50 * 60_000L, SprintPhaseKind.Focus, "Chapter 4"),
            (e.Change, e.Sprint.SprintId, e.Sprint.PhaseStartedAt, e.Sprint.PhaseDurationMs, e.Sprint.PhaseKind, e.Sprint.Participants.Single().Goal)));

        await using var late = await RoomClient.ConnectAsync(Host, await Host.SignInAsync("Lea"));
        await late.JoinAsync(roomId);
        var got = await late.Connection.InvokeAsync<SprintSnapshot>("GetSprint", new SprintRequest { RoomId = roomId });
        Assert.Equal((started.SprintId, started.PhaseStartedAt, started.PhaseIndex), (got.SprintId, got.PhaseStartedAt, got.PhaseIndex));
        Assert.True(got.ServerTime >= started.ServerTime);

        var joined = await late.Connection.InvokeAsync<SprintSnapshot>("JoinSprint", new SprintGoalRequest { RoomId = roomId, Goal = "Essay outline" });
        Assert.Equal(["Olga", "Lea"], joined.Participants.Select(p => p.DisplayName));
        await Poll.UntilAsync(() => member.SprintUpdated.Any(e => e.Change == SprintChange.ParticipantsChanged), "the room heard of the join");
    }

    [Fact]
    public async Task MalformedSprintRequestsAreRefusedAndChangeNothing_P_SPR_2_P_ERR_3()
    {
        var (roomId, owner, member) = await RoomAsync();
        await using var _ = owner;
        await using var __ = member;
        var hub = owner.Connection;

        Assert.Equal(ErrorCodes.NotInRoom, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("StartSprint", (StartSprintRequest?)null)));
        Assert.Equal(ErrorCodes.NotInRoom, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = "AAAAAAAAAAAAAAAAAAAAAA", Preset = "25/5" })));
        Assert.Equal(ErrorCodes.InvalidRequest, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "custom", ShortBreakMinutes = 5, Cycles = 2 })));
        Assert.Equal(ErrorCodes.InvalidRequest, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5", Cycles = 99 })));
        Assert.Equal(ErrorCodes.InvalidRequest, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5", Goal = new string('x', 141) })));
        Assert.Equal(ErrorCodes.SprintNotRunning, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("PauseSprint", new SprintRequest { RoomId = roomId })));
        Assert.Equal(SprintStatus.None, (await hub.InvokeAsync<SprintSnapshot>("GetSprint", new SprintRequest { RoomId = roomId })).Status);

        await hub.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5" });
        Assert.Equal(ErrorCodes.InvalidRequest, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("ExtendSprint", new ExtendSprintRequest { RoomId = roomId })));
        Assert.Equal(ErrorCodes.InvalidRequest, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("ExtendSprint", new ExtendSprintRequest { RoomId = roomId, Minutes = 0 })));
        Assert.Equal(ErrorCodes.InvalidRequest, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("SetSprintRules", new SetSprintRulesRequest { RoomId = roomId })));
        Assert.Equal(ErrorCodes.InvalidRequest, await RefusalAsync(() => hub.InvokeAsync<SprintRecapsUpdated>("SubmitRecap", new SubmitRecapRequest { RoomId = roomId, BlockIndex = 0 })));
        Assert.Equal(ErrorCodes.InvalidRequest, await RefusalAsync(() => hub.InvokeAsync<SprintRecapsUpdated>("SubmitRecap", new SubmitRecapRequest { RoomId = roomId, BlockIndex = 0, Outcome = GoalOutcome.Done })));
        Assert.Equal(ErrorCodes.SprintRunning, await RefusalAsync(() => hub.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "50/10" })));

        var after = await hub.InvokeAsync<SprintSnapshot>("GetSprint", new SprintRequest { RoomId = roomId });
        Assert.Equal(("25/5", 25 * 60_000L, 0), (after.Plan!.Preset, after.PhaseDurationMs, after.PhaseIndex));
    }

    [Fact]
    public async Task HeartbeatsAreRateLimitedAndAClosedConnectionStopsCounting_P_SPR_11()
    {
        var (roomId, owner, member) = await RoomAsync();
        await using var _ = owner;
        await owner.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5" });
        await member.Connection.InvokeAsync<SprintSnapshot>("JoinSprint", new SprintGoalRequest { RoomId = roomId });
        await member.Connection.InvokeAsync("SprintHeartbeat", new SprintHeartbeatRequest { RoomId = roomId, Active = true });

        Assert.Equal(ErrorCodes.RateLimited, await RefusalAsync(() => member.Connection.InvokeAsync("SprintHeartbeat", new SprintHeartbeatRequest { RoomId = roomId, Active = true })));
        var before = await owner.Connection.InvokeAsync<SprintSnapshot>("GetSprint", new SprintRequest { RoomId = roomId });
        Assert.True(before.Participants.Single(p => p.DisplayName == "Max").Connected);

        await member.DisposeAsync();

        await Poll.UntilAsync(
            async () => !(await owner.Connection.InvokeAsync<SprintSnapshot>("GetSprint", new SprintRequest { RoomId = roomId })).Participants.Single(p => p.DisplayName == "Max").Connected,
            "the closed connection no longer counts");
    }

    [Fact]
    public async Task TheBoardIsLockedForMembersDuringABreakWhenTheHostSaysSo_P_SPR_7()
    {
        var (roomId, owner, member) = await RoomAsync();
        await using var _ = owner;
        await using var __ = member;
        await owner.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest
        {
            RoomId = roomId,
            Preset = "25/5",
            Rules = new SprintRules { LockBoardDuringBreaks = true, MuteChatDuringFocus = true },
        });
        await member.PushAsync(roomId, member.Stroke());

        var inBreak = await owner.Connection.InvokeAsync<SprintSnapshot>("SkipSprintPhase", new SprintRequest { RoomId = roomId });

        Assert.Equal((SprintPhaseKind.ShortBreak, true, false), (inBreak.PhaseKind, inBreak.BoardLocked, inBreak.ChatMuted));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => member.PushAsync(roomId, member.Stroke())));
        await owner.PushAsync(roomId, owner.Stroke());
        await Poll.UntilAsync(() => member.SprintUpdated.Any(e => e.Change == SprintChange.PhaseChanged && e.Sprint.BoardLocked), "the member heard the phase change");
    }

    [Fact]
    public async Task AFocusBlockEndsWithARecapSummaryForTheRoom_P_SPR_10()
    {
        var (roomId, owner, member) = await RoomAsync();
        await using var _ = owner;
        await using var __ = member;
        await owner.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5", Goal = "Integrals" });
        await member.Connection.InvokeAsync<SprintSnapshot>("JoinSprint", new SprintGoalRequest { RoomId = roomId, Goal = "Vocabulary" });
        await owner.Connection.InvokeAsync<SprintSnapshot>("SkipSprintPhase", new SprintRequest { RoomId = roomId });

        await member.Connection.InvokeAsync<SprintRecapsUpdated>("SubmitRecap", new SubmitRecapRequest { RoomId = roomId, BlockIndex = 0, Outcome = GoalOutcome.Partly, Note = "50 of 80 words" });

        await Poll.UntilAsync(() => !owner.SprintRecapsUpdated.IsEmpty, "the owner got the recap summary");
        var summary = owner.SprintRecapsUpdated.Single();
        Assert.Equal((0, 0, 1, 0), (summary.BlockIndex, summary.Done, summary.Partly, summary.NotDone));
        Assert.Equal(("Max", "Vocabulary", "50 of 80 words"), (summary.Recaps.Single().DisplayName, summary.Recaps.Single().Goal, summary.Recaps.Single().Note));
    }
}
