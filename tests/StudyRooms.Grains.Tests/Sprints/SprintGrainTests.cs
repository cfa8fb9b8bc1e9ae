using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Sprints;

// Proves on a real silo with SQLite and a fake sprint clock that the sprint grain runs the schedule
// from its anchors: hosts only, phase changes announced, a reactivated grain continuing exactly where
// the schedule says, pause/resume/extend/skip/stop, rules per phase enforced by the board, the
// check-in, recaps, and server-recorded credits that survive a failing stats service
// (P-SPR-1..P-SPR-12).
[Collection(SprintClusterCollection.Name)]
public sealed class SprintGrainTests(SprintClusterFixture fixture)
{
    private const string Owner = "u_owner";

    private sealed record Room(string Id, IRoomGrain Grain, ISprintGrain Sprint, SprintActor Host, SprintActor Member, SprintActor Viewer);

    private async Task<Room> NewRoomAsync()
    {
        var id = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(id);
        await room.CreateAsync(new CreateRoomCommand { Name = "Sprinters", OwnerId = Owner });
        var host = Actor(Owner, "Olga");
        var member = Actor(TestIds.User(), "Max");
        var viewer = Actor(TestIds.User(), "Vic");
        await room.JoinAsync(new JoinRoomCommand { UserId = host.UserId, DisplayName = host.DisplayName, ConnectionId = host.ConnectionId });
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.SetRole, ActorId = Owner, ActorConnectionId = host.ConnectionId, TargetUserId = viewer.UserId, Role = RoomRole.Viewer });
        foreach (var actor in new[] { member, viewer })
        {
            await room.JoinAsync(new JoinRoomCommand { UserId = actor.UserId, DisplayName = actor.DisplayName, ConnectionId = actor.ConnectionId });
        }

        return new Room(id, room, fixture.Grains.GetGrain<ISprintGrain>(id), host, member, viewer);
    }

    private static SprintActor Actor(string userId, string name) =>
        new() { UserId = userId, DisplayName = name, ConnectionId = TestIds.Connection() };

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    /// <summary>Moves sprint time minute by minute, with each joined actor's client sending its heartbeat.</summary>
    private async Task RunMinutesAsync(ISprintGrain sprint, int minutes, params SprintActor[] beating)
    {
        for (var i = 0; i < minutes; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            foreach (var actor in beating)
            {
                await sprint.HeartbeatAsync(actor, active: true);
            }
        }
    }

    private static Task<SprintSnapshot> StartAsync(Room r, string preset = "25/5", int? cycles = null, SprintRules? rules = null, string? goal = null) =>
        r.Sprint.StartAsync(r.Host, new StartSprintCommand { Preset = preset, Cycles = cycles, Rules = rules, Goal = goal });

    [Fact]
    public async Task AHostStartsASprintAndTheRoomIsToldItsAnchors_P_SPR_1_P_SPR_4()
    {
        var r = await NewRoomAsync();
        var started = Now;

        var snapshot = await StartAsync(r, goal: "Chapter 3");

        Assert.Equal(
            (SprintStatus.Running, 0, SprintPhaseKind.Focus, started, 25 * 60_000L, (DateTimeOffset?)null),
            (snapshot.Status, snapshot.PhaseIndex, snapshot.PhaseKind, snapshot.PhaseStartedAt, snapshot.PhaseDurationMs, snapshot.PausedAt));
        Assert.Equal(("Olga", "Chapter 3", true), (snapshot.Participants.Single().DisplayName, snapshot.Participants.Single().Goal, snapshot.Participants.Single().Joined));
        var updated = Assert.Single(fixture.Broadcaster.For<SprintUpdated>(r.Id));
        Assert.Equal((SprintChange.Started, snapshot.SprintId, started), (updated.Change, updated.Sprint.SprintId, updated.Sprint.ServerTime));
        Assert.Equal(snapshot.PhaseStartedAt, (await r.Sprint.GetAsync()).PhaseStartedAt);
    }

    [Fact]
    public async Task MembersAndViewersMayNotHostAndViewersMayNotJoin_P_SPR_1_P_SPR_6()
    {
        var r = await NewRoomAsync();

        var memberStart = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.StartAsync(r.Member, new StartSprintCommand { Preset = "25/5" }));
        var viewerStart = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.StartAsync(r.Viewer, new StartSprintCommand { Preset = "25/5" }));
        var stranger = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.StartAsync(Actor(Owner, "Olga"), new StartSprintCommand { Preset = "25/5" }));
        await StartAsync(r);
        var memberPause = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.ControlAsync(r.Member, new SprintControlCommand { Kind = SprintControlKind.Pause }));
        var viewerJoin = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.JoinAsync(r.Viewer, "watching"));
        var second = await Assert.ThrowsAsync<StudyRoomsException>(() => StartAsync(r));

        Assert.Equal(
            [ErrorCodes.Forbidden, ErrorCodes.Forbidden, ErrorCodes.NotInRoom, ErrorCodes.Forbidden, ErrorCodes.Forbidden, ErrorCodes.SprintRunning],
            new[] { memberStart, viewerStart, stranger, memberPause, viewerJoin, second }.Select(e => e.Code));
        var joined = await r.Sprint.JoinAsync(r.Member, "  Read 20 pages  ");
        Assert.Equal("Read 20 pages", joined.Participants.Single(p => p.UserId == r.Member.UserId).Goal);
        Assert.Equal(SprintPhaseKind.Focus, (await r.Sprint.GetAsync()).PhaseKind); // refusals changed nothing
    }

    [Fact]
    public async Task AGoalLongerThanTheLimitIsRefused_P_SPR_8()
    {
        var r = await NewRoomAsync();
        await StartAsync(r);

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.JoinAsync(r.Member, new string('g', 141)));

        Assert.Equal((ErrorCodes.InvalidRequest, "goal is longer than 140 characters"), (refusal.Code, refusal.Reason));
        Assert.DoesNotContain((await r.Sprint.GetAsync()).Participants, p => p.UserId == r.Member.UserId);
    }

    [Fact]
    public async Task PhaseChangesAreAnnouncedAndEachBlockCreditsItsParticipants_P_SPR_4_P_SPR_11()
    {
        var r = await NewRoomAsync();
        var started = Now;
        await StartAsync(r, cycles: 2);
        await r.Sprint.JoinAsync(r.Member, null);

        await RunMinutesAsync(r.Sprint, 25, r.Host, r.Member);
        var inBreak = await r.Sprint.GetAsync();

        Assert.Equal((1, SprintPhaseKind.ShortBreak, started.AddMinutes(25)), (inBreak.PhaseIndex, inBreak.PhaseKind, inBreak.PhaseStartedAt));
        Assert.Contains(fixture.Broadcaster.For<SprintUpdated>(r.Id), u => u.Change == SprintChange.PhaseChanged && u.Sprint.PhaseIndex == 1);
        var credits = fixture.Stats.CreditsOf(r.Id);
        Assert.Equal(2, credits.Count);
        Assert.All(credits, c => Assert.Equal((0, TimeSpan.FromMinutes(25), started, started.AddMinutes(25), false), (c.BlockIndex, c.Credited, c.BlockStartedAt, c.BlockEndedAt, c.CompletesSprint)));

        await RunMinutesAsync(r.Sprint, 30, r.Host);
        var finished = await r.Sprint.GetAsync();

        Assert.Equal(SprintStatus.Finished, finished.Status);
        var last = fixture.Stats.CreditsOf(r.Id).Where(c => c.BlockIndex == 1).ToList();
        Assert.Equal((Owner, TimeSpan.FromMinutes(25), true), (Assert.Single(last).UserId, last[0].Credited, last[0].CompletesSprint)); // the member idled: zero, not sent
        Assert.Equal(SprintChange.Finished, fixture.Broadcaster.For<SprintUpdated>(r.Id)[^1].Change);
    }

    [Fact]
    public async Task AReactivatedGrainContinuesExactlyWhereTheScheduleSays_P_SPR_3()
    {
        var r = await NewRoomAsync();
        var started = Now;
        await StartAsync(r, cycles: 4);
        await RunMinutesAsync(r.Sprint, 10, r.Host);

        // The silo takes the activation away mid-phase; the next one reads only what was stored.
        await fixture.DeactivateAsync(r.Sprint);
        fixture.Clock.Advance(TimeSpan.FromMinutes(22)); // minute 32: focus 0 and its break are over

        var resumed = await r.Sprint.GetAsync();

        Assert.Equal((2, SprintPhaseKind.Focus, started.AddMinutes(30), 25 * 60_000L), (resumed.PhaseIndex, resumed.PhaseKind, resumed.PhaseStartedAt, resumed.PhaseDurationMs));
        Assert.Contains(fixture.Broadcaster.For<SprintUpdated>(r.Id), u => u.Change == SprintChange.PhaseChanged && u.Sprint.PhaseIndex == 2);

        // The host's clock ran while its heartbeats lasted: 10 minutes plus the grace of a silent connection.
        var credit = Assert.Single(fixture.Stats.CreditsOf(r.Id));
        Assert.Equal((0, TimeSpan.FromMinutes(12.5)), (credit.BlockIndex, credit.Credited));
    }

    [Fact]
    public async Task PauseResumeExtendSkipAndStopMoveTheAnchors_P_SPR_5()
    {
        var r = await NewRoomAsync();
        var started = Now;
        await StartAsync(r);
        Task<SprintSnapshot> Control(SprintControlKind kind, int? minutes = null) =>
            r.Sprint.ControlAsync(r.Host, new SprintControlCommand { Kind = kind, ExtendMinutes = minutes });

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var paused = await Control(SprintControlKind.Pause);
        fixture.Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal((SprintStatus.Paused, 0, started.AddMinutes(5)), (paused.Status, (await r.Sprint.GetAsync()).PhaseIndex, paused.PausedAt));

        var resumed = await Control(SprintControlKind.Resume);
        Assert.Equal((SprintStatus.Running, started.AddMinutes(60), (DateTimeOffset?)null), (resumed.Status, resumed.PhaseStartedAt, resumed.PausedAt));

        var extended = await Control(SprintControlKind.Extend, 10);
        Assert.Equal(35 * 60_000L, extended.PhaseDurationMs);
        var tooLong = await Assert.ThrowsAsync<StudyRoomsException>(() => Control(SprintControlKind.Extend, 61));
        Assert.Equal(ErrorCodes.InvalidRequest, tooLong.Code);

        var skipped = await Control(SprintControlKind.Skip);
        Assert.Equal((1, SprintPhaseKind.ShortBreak, Now), (skipped.PhaseIndex, skipped.PhaseKind, skipped.PhaseStartedAt));

        var stopped = await Control(SprintControlKind.Stop);
        Assert.Equal(SprintStatus.Stopped, stopped.Status);
        var afterStop = await Assert.ThrowsAsync<StudyRoomsException>(() => Control(SprintControlKind.Pause));
        Assert.Equal(ErrorCodes.SprintNotRunning, afterStop.Code);
        Assert.Equal(
            [SprintChange.Started, SprintChange.Paused, SprintChange.Resumed, SprintChange.Extended, SprintChange.PhaseChanged, SprintChange.Stopped],
            fixture.Broadcaster.For<SprintUpdated>(r.Id).Select(u => u.Change));
    }

    [Fact]
    public async Task TheBoardIsLockedForMembersDuringBreaksAndChatMutedDuringFocus_P_SPR_7()
    {
        var r = await NewRoomAsync();
        var board = fixture.Grains.GetGrain<IBoardGrain>(r.Id);
        var focus = await StartAsync(r, rules: new SprintRules { MuteChatDuringFocus = true, LockBoardDuringBreaks = true });

        Assert.Equal((true, false), (focus.ChatMuted, focus.BoardLocked));
        Assert.Equal((true, false), (focus.IsChatMutedFor(RoomRole.Member), focus.IsChatMutedFor(RoomRole.Mentor)));
        await board.PushOpsAsync(new PushOpsCommand { UserId = r.Member.UserId, ClientId = "c_m", ConnectionId = r.Member.ConnectionId, Ops = [Ops.Create(1, TestIds.Element())] });

        var inBreak = await r.Sprint.ControlAsync(r.Host, new SprintControlCommand { Kind = SprintControlKind.Skip });
        Assert.Equal((false, true), (inBreak.ChatMuted, inBreak.BoardLocked));
        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(new PushOpsCommand { UserId = r.Member.UserId, ClientId = "c_m", ConnectionId = r.Member.ConnectionId, Ops = [Ops.Create(2, TestIds.Element())] }));
        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
        await board.PushOpsAsync(new PushOpsCommand { UserId = Owner, ClientId = "c_o", ConnectionId = r.Host.ConnectionId, Ops = [Ops.Create(1, TestIds.Element())] });

        // A board activation that never heard from the sprint asks it.
        await fixture.DeactivateAsync(board);
        await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(new PushOpsCommand { UserId = r.Member.UserId, ClientId = "c_m", ConnectionId = r.Member.ConnectionId, Ops = [Ops.Create(3, TestIds.Element())] }));

        var rulesOff = await r.Sprint.ControlAsync(r.Host, new SprintControlCommand { Kind = SprintControlKind.SetRules, Rules = new SprintRules() });
        Assert.False(rulesOff.BoardLocked);
        await board.PushOpsAsync(new PushOpsCommand { UserId = r.Member.UserId, ClientId = "c_m", ConnectionId = r.Member.ConnectionId, Ops = [Ops.Create(4, TestIds.Element())] });
    }

    [Fact]
    public async Task ChatMutedDuringFocusRefusesMembersPostsButNotTheOwnersAndLiftsInTheBreak_P_SPR_7_P_CHAT_16()
    {
        var r = await NewRoomAsync();
        var chat = fixture.Grains.GetGrain<IChatGrain>(r.Id);
        await StartAsync(r, rules: new SprintRules { MuteChatDuringFocus = true });

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => chat.PostAsync(ChatActorOf(r.Member), Post(r.Id, "m_1", "psst")));
        var hostPost = await chat.PostAsync(ChatActorOf(r.Host), Post(r.Id, "m_2", "focus, everyone"));
        await r.Sprint.ControlAsync(r.Host, new SprintControlCommand { Kind = SprintControlKind.Skip });
        var inBreak = await chat.PostAsync(ChatActorOf(r.Member), Post(r.Id, "m_3", "break!"));

        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
        Assert.Contains("sprint phase", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal((1L, 2L), (hostPost.Seq, inBreak.Seq)); // the refused post took no seq
    }

    [Fact]
    public async Task TheBoardIsKeptInItsHistoryWhenASprintStartsAndAtEachBoundary_P_SPR_14()
    {
        var r = await NewRoomAsync();
        var board = fixture.Grains.GetGrain<IBoardGrain>(r.Id);
        await StartAsync(r);
        await board.PushOpsAsync(new PushOpsCommand { UserId = Owner, ClientId = "c_o", ConnectionId = r.Host.ConnectionId, Ops = [Ops.Create(1, TestIds.Element())] });

        await r.Sprint.ControlAsync(r.Host, new SprintControlCommand { Kind = SprintControlKind.Skip });
        await r.Sprint.ControlAsync(r.Host, new SprintControlCommand { Kind = SprintControlKind.Stop });

        var history = await board.ListHistoryAsync(new BoardHistoryQuery { UserId = Owner, ConnectionId = r.Host.ConnectionId });
        Assert.Equal(
            [("Sprint stopped", 1), ("Focus 1 ended", 1), ("Sprint started", 0)],
            history.Entries.Where(e => e.Reason == BoardHistoryReason.Requested).Select(e => (e.Label, e.ElementCount)));
    }

    [Fact]
    public async Task TheReverseRulesLockTheBoardDuringFocusAndMuteTheChatDuringBreaks_P_SPR_7()
    {
        var r = await NewRoomAsync();
        var board = fixture.Grains.GetGrain<IBoardGrain>(r.Id);
        var chat = fixture.Grains.GetGrain<IChatGrain>(r.Id);
        var focus = await StartAsync(r, rules: new SprintRules { LockBoardDuringFocus = true, MuteChatDuringBreaks = true });

        Assert.Equal((false, true), (focus.ChatMuted, focus.BoardLocked));
        var lockedInFocus = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(new PushOpsCommand { UserId = r.Member.UserId, ClientId = "c_m", ConnectionId = r.Member.ConnectionId, Ops = [Ops.Create(1, TestIds.Element())] }));
        await board.PushOpsAsync(new PushOpsCommand { UserId = Owner, ClientId = "c_o", ConnectionId = r.Host.ConnectionId, Ops = [Ops.Create(1, TestIds.Element())] });
        var focusPost = await chat.PostAsync(ChatActorOf(r.Member), Post(r.Id, "m_1", "chat is open while we focus"));

        // The server's clock ends the focus block: now the chat is muted and the board open.
        await RunMinutesAsync(r.Sprint, 25, r.Host);
        var inBreak = await r.Sprint.GetAsync();
        Assert.Equal((SprintPhaseKind.ShortBreak, true, false), (inBreak.PhaseKind, inBreak.ChatMuted, inBreak.BoardLocked));
        var mutedInBreak = await Assert.ThrowsAsync<StudyRoomsException>(() => chat.PostAsync(ChatActorOf(r.Member), Post(r.Id, "m_2", "psst")));
        var mentorPost = await chat.PostAsync(ChatActorOf(r.Host), Post(r.Id, "m_3", "stretch, everyone"));
        await board.PushOpsAsync(new PushOpsCommand { UserId = r.Member.UserId, ClientId = "c_m", ConnectionId = r.Member.ConnectionId, Ops = [Ops.Create(2, TestIds.Element())] });

        Assert.Equal((ErrorCodes.Forbidden, ErrorCodes.Forbidden), (lockedInFocus.Code, mutedInBreak.Code));
        Assert.Equal((1L, 2L), (focusPost.Seq, mentorPost.Seq));
    }

    private static ChatActor ChatActorOf(SprintActor actor) =>
        new() { UserId = actor.UserId, DisplayName = actor.DisplayName, ConnectionId = actor.ConnectionId };

    private static PostMessageRequest Post(string roomId, string clientMessageId, string text) =>
        new() { RoomId = roomId, ClientMessageId = clientMessageId, Text = text };

    [Fact]
    public async Task ALongFocusBlockPromptsOneCheckInAtItsMiddle_P_SPR_9()
    {
        var r = await NewRoomAsync();
        var started = Now;
        await StartAsync(r, preset: "50/10");

        await RunMinutesAsync(r.Sprint, 24, r.Host);
        Assert.Empty(fixture.Broadcaster.For<SprintCheckInPrompted>(r.Id));
        await RunMinutesAsync(r.Sprint, 3, r.Host);

        var prompt = Assert.Single(fixture.Broadcaster.For<SprintCheckInPrompted>(r.Id));
        Assert.Equal((0, started.AddMinutes(25)), (prompt.BlockIndex, prompt.At));
    }

    [Fact]
    public async Task ParticipantsRecapTheEndedBlockAndTheRoomSeesTheSummary_P_SPR_10()
    {
        var r = await NewRoomAsync();
        await StartAsync(r, goal: "Proofs");
        await r.Sprint.JoinAsync(r.Member, "Flashcards");
        var early = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.SubmitRecapAsync(r.Member, new SubmitRecapCommand { BlockIndex = 0, Outcome = GoalOutcome.Done }));
        Assert.Equal(ErrorCodes.InvalidRequest, early.Code);
        await RunMinutesAsync(r.Sprint, 26, r.Host, r.Member);

        await r.Sprint.SubmitRecapAsync(r.Host, new SubmitRecapCommand { BlockIndex = 0, Outcome = GoalOutcome.Partly });
        var summary = await r.Sprint.SubmitRecapAsync(r.Member, new SubmitRecapCommand { BlockIndex = 0, Outcome = GoalOutcome.Done, Note = "all 40 cards" });

        Assert.Equal((0, 1, 1, 0), (summary.BlockIndex, summary.Done, summary.Partly, summary.NotDone));
        Assert.Equal(summary.Recaps.Length, fixture.Broadcaster.For<SprintRecapsUpdated>(r.Id)[^1].Recaps.Length);
        var recap = Assert.Single(fixture.Stats.Recaps, c => c.RoomId == r.Id && c.UserId == r.Member.UserId);
        Assert.Equal(("Flashcards", GoalOutcome.Done, "all 40 cards", 0), (recap.Goal, recap.Outcome, recap.Note, recap.BlockIndex));
        Assert.Equal(GoalOutcome.Done, (await r.Sprint.GetAsync()).Participants.Single(p => p.UserId == r.Member.UserId).LastOutcome);
        var viewer = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.SubmitRecapAsync(r.Viewer, new SubmitRecapCommand { BlockIndex = 0, Outcome = GoalOutcome.Done }));
        Assert.Equal(ErrorCodes.Forbidden, viewer.Code);
    }

    [Fact]
    public async Task ADisconnectOrLeaveStopsTheUsersClock_P_SPR_6_P_SPR_11()
    {
        var r = await NewRoomAsync();
        await StartAsync(r, cycles: 2);
        await r.Sprint.JoinAsync(r.Member, null);
        await RunMinutesAsync(r.Sprint, 10, r.Host, r.Member);

        await r.Sprint.ConnectionClosedAsync(r.Member);
        await RunMinutesAsync(r.Sprint, 5, r.Host);
        await r.Sprint.LeaveAsync(r.Host);
        await RunMinutesAsync(r.Sprint, 11);
        await r.Sprint.GetAsync();

        var credits = fixture.Stats.CreditsOf(r.Id).ToDictionary(c => c.UserId, c => c.Credited);
        Assert.Equal(TimeSpan.FromMinutes(10), credits[r.Member.UserId]);
        Assert.Equal(TimeSpan.FromMinutes(15), credits[Owner]);
        Assert.False((await r.Sprint.GetAsync()).Participants.Single(p => p.UserId == Owner).Joined);
    }

    [Fact]
    public async Task HeartbeatsFasterThanTheMinimumIntervalAreRefused_P_SPR_11()
    {
        var r = await NewRoomAsync();
        await StartAsync(r);
        await r.Sprint.HeartbeatAsync(r.Host, active: true);

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => r.Sprint.HeartbeatAsync(r.Host, active: true));

        Assert.Equal(ErrorCodes.RateLimited, refusal.Code);
        fixture.Clock.Advance(TimeSpan.FromSeconds(15));
        await r.Sprint.HeartbeatAsync(r.Host, active: true);
    }

    [Fact]
    public async Task AFailingStatsServiceDoesNotStopTheSprint_P_SPR_12()
    {
        var r = await NewRoomAsync();
        fixture.Stats.FailingRooms[r.Id] = true;
        await StartAsync(r, cycles: 2);

        await RunMinutesAsync(r.Sprint, 26, r.Host);
        var summary = await r.Sprint.SubmitRecapAsync(r.Host, new SubmitRecapCommand { BlockIndex = 0, Outcome = GoalOutcome.Done });

        Assert.Equal((1, 1), ((await r.Sprint.GetAsync()).PhaseIndex, summary.Done));
        Assert.Empty(fixture.Stats.CreditsOf(r.Id));
    }

    [Fact]
    public async Task CreditsAndRecapsReachTheUsersStatsAndTheRoomsLeaderboard_P_SPR_12()
    {
        // The stats grains read the real clock and ignore credits from long ago: bring sprint time to now.
        if (DateTimeOffset.UtcNow > Now)
        {
            fixture.Clock.Advance(DateTimeOffset.UtcNow - Now);
        }

        var id = TestIds.Room();
        var host = Actor(TestIds.User(), "Hana");
        var room = fixture.Grains.GetGrain<IRoomGrain>(id);
        await room.CreateAsync(new CreateRoomCommand { Name = "End to end", OwnerId = host.UserId });
        await room.JoinAsync(new JoinRoomCommand { UserId = host.UserId, DisplayName = host.DisplayName, ConnectionId = host.ConnectionId });
        var sprint = fixture.Grains.GetGrain<ISprintGrain>(id);
        await sprint.StartAsync(host, new StartSprintCommand { Preset = "25/5", Cycles = 1, Goal = "Chapter 5" });

        await RunMinutesAsync(sprint, 25, host);
        await sprint.SubmitRecapAsync(host, new SubmitRecapCommand { BlockIndex = 0, Outcome = GoalOutcome.Done });

        var stats = await fixture.Grains.GetGrain<IUserStatsGrain>(host.UserId).GetStatsAsync("UTC");
        Assert.Equal((25, 1, 1, 1.0), (stats.TotalFocusMinutes, stats.SprintsCompleted, stats.Recaps, stats.GoalCompletionRate));
        var board = await fixture.Grains.GetGrain<IRoomLeaderboardGrain>(id).GetLeaderboardAsync(LeaderboardPeriod.All, 10);
        var entry = Assert.Single(board.Entries);
        Assert.Equal((host.UserId, "Hana", 25), (entry.UserId, entry.DisplayName, entry.FocusMinutes));
    }
}
