using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Stats;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the stats endpoints through the real host: sign-in required, the caller's own figures in
// their time zone with the zone validated, room leaderboards visible exactly as the room is, and
// figures that come only from credits recorded on the server's grains (P-STATS-1..3).
[Collection(HostCollection.Name)]
public sealed class StatsApiTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    private IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    [Theory]
    [InlineData("/api/me/stats?tz=Europe/Berlin")]
    [InlineData("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/leaderboard")]
    public async Task StatsNeedASession_P_STATS_1(string path)
    {
        using var http = Host.CreateHttpClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/api/me/stats")]
    [InlineData("/api/me/stats?tz=")]
    [InlineData("/api/me/stats?tz=Mars/Olympus_Mons")]
    [InlineData("/api/me/stats?tz=W.%20Europe%20Standard%20Time")]
    [InlineData("/api/me/stats?tz=..%2F..%2Fetc%2Fpasswd")]
    public async Task AnUnknownTimeZoneIsRefused_P_STATS_2(string path)
    {
        var ada = await Host.SignInAsync("Ada");
        using var http = Host.CreateHttpClient(ada);

        await AssertProblem(await http.GetAsync(path), HttpStatusCode.BadRequest, ErrorCodes.InvalidTimeZone);
    }

    [Fact]
    public async Task MyStatsShowTheCreditsTheServerRecordedInMyTimeZone_P_STATS_1()
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var now = DateTimeOffset.UtcNow;
        var stats = Grains.GetGrain<IUserStatsGrain>(ada.UserId);
        await stats.RecordFocusAsync(Credit(ada, "room", "s1", 0, now.AddMinutes(-70), TimeSpan.FromMinutes(25)));
        await stats.RecordFocusAsync(Credit(ada, "room", "s1", 1, now.AddMinutes(-40), TimeSpan.FromMinutes(25), completes: true));
        await stats.RecordRecapAsync(new FocusRecap { UserId = ada.UserId, RoomId = "room", SprintId = "s1", BlockIndex = 1, Goal = "Limits", Outcome = GoalOutcome.Done, RecordedAt = now });
        using var adaHttp = Host.CreateHttpClient(ada);
        using var bobHttp = Host.CreateHttpClient(bob);

        var mine = await adaHttp.GetFromJsonAsync<JsonElement>("/api/me/stats?tz=America/New_York");
        var theirs = await bobHttp.GetFromJsonAsync<JsonElement>("/api/me/stats?tz=Europe/Berlin");

        Assert.Equal("America/New_York", mine.GetProperty("timeZone").GetString());
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime),
            DateOnly.Parse(mine.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(50, mine.GetProperty("totalFocusMinutes").GetInt32());
        Assert.Equal(2, mine.GetProperty("focusBlocks").GetInt32());
        Assert.Equal(1, mine.GetProperty("sprintsCompleted").GetInt32());
        Assert.Equal(1.0, mine.GetProperty("goalCompletionRate").GetDouble());
        Assert.Equal(10, mine.GetProperty("streakDayMinutes").GetInt32());
        Assert.Equal(7, mine.GetProperty("week").GetArrayLength());
        Assert.Equal(84, mine.GetProperty("heatmap").GetArrayLength());
        Assert.Equal(50, mine.GetProperty("heatmap").EnumerateArray().Sum(d => d.GetProperty("minutes").GetInt32()));
        Assert.Equal("done", mine.GetProperty("recentRecaps")[0].GetProperty("outcome").GetString());
        Assert.True(mine.GetProperty("bestStreakDays").GetInt32() >= 1);

        // Bob's stats are his own: nothing, and no rate before his first recap (the member is omitted).
        Assert.Equal(0, theirs.GetProperty("totalFocusMinutes").GetInt32());
        Assert.False(theirs.TryGetProperty("goalCompletionRate", out _));
    }

    [Fact]
    public async Task ARoomLeaderboardRanksThisWeekAndAllTime_P_STATS_3()
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        var board = Grains.GetGrain<IRoomLeaderboardGrain>(room.RoomId);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await board.RecordFocusAsync(Credit(ada, room.RoomId, "s1", 0, start, TimeSpan.FromMinutes(25), credited: TimeSpan.FromMinutes(10)));
        await board.RecordFocusAsync(Credit(bob, room.RoomId, "s1", 0, start, TimeSpan.FromMinutes(25)));
        using var http = Host.CreateHttpClient(bob);

        var week = await http.GetFromJsonAsync<RoomLeaderboard>($"/api/rooms/{room.RoomId}/leaderboard?period=week", ServerClient.Json);
        var all = await http.GetFromJsonAsync<RoomLeaderboard>($"/api/rooms/{room.RoomId}/leaderboard?period=all&limit=1", ServerClient.Json);
        var byDefault = await http.GetFromJsonAsync<RoomLeaderboard>($"/api/rooms/{room.RoomId}/leaderboard", ServerClient.Json);

        Assert.Equal([("Bob", 25, 1), ("Ada", 10, 2)], week!.Entries.Select(e => (e.DisplayName, e.FocusMinutes, e.Rank)));
        Assert.Equal(LeaderboardPeriod.Week, week.Period);
        Assert.Equal(DayOfWeek.Monday, week.From!.Value.UtcDateTime.DayOfWeek);
        Assert.Equal(LeaderboardPeriod.All, all!.Period);
        Assert.Equal([bob.UserId], all.Entries.Select(e => e.UserId));
        Assert.Equal(week.Entries, byDefault!.Entries);
    }

    [Theory]
    [InlineData("month")]
    [InlineData("WEEK")]
    public async Task AnUnknownPeriodIsRefused_P_STATS_3(string period)
    {
        var ada = await Host.SignInAsync("Ada");
        var room = await Host.CreateRoomAsync(ada);
        using var http = Host.CreateHttpClient(ada);

        await AssertProblem(await http.GetAsync($"/api/rooms/{room.RoomId}/leaderboard?period={period}"), HttpStatusCode.BadRequest, ErrorCodes.InvalidRequest);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-room")]
    public async Task AnUnknownRoomHasNoLeaderboard_P_STATS_3(string roomId)
    {
        var ada = await Host.SignInAsync("Ada");
        using var http = Host.CreateHttpClient(ada);

        await AssertProblem(await http.GetAsync($"/api/rooms/{roomId}/leaderboard"), HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task APrivateRoomsLeaderboardIsHiddenFromOutsidersAsIfItDidNotExist_P_STATS_3()
    {
        var owner = await Host.SignInAsync("Owner");
        var member = await Host.SignInAsync("Member");
        var outsider = await Host.SignInAsync("Outsider");
        using var ownerHttp = Host.CreateHttpClient(owner);
        using var memberHttp = Host.CreateHttpClient(member);
        using var outsiderHttp = Host.CreateHttpClient(outsider);
        var created = await ownerHttp.PostAsJsonAsync("/api/rooms", new CreateRoomRequest { Name = "Private", InviteOnly = true }, ServerClient.Json);
        var roomId = (await created.Content.ReadFromJsonAsync<RoomSnapshot>(ServerClient.Json))!.RoomId;
        await Grains.GetGrain<IRoomLeaderboardGrain>(roomId).RecordFocusAsync(Credit(owner, roomId, "s1", 0, DateTimeOffset.UtcNow.AddMinutes(-30), TimeSpan.FromMinutes(25)));
        var invite = await (await ownerHttp.PostAsJsonAsync($"/api/rooms/{roomId}/invites", new { role = "member" }, ServerClient.Json))
            .Content.ReadFromJsonAsync<InviteInfo>(ServerClient.Json);
        (await memberHttp.PostAsync($"/api/invites/{invite!.Code}/accept", content: null)).EnsureSuccessStatusCode();

        var path = $"/api/rooms/{roomId}/leaderboard?period=all";
        await AssertProblem(await outsiderHttp.GetAsync(path), HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        Assert.Equal(25, (await ownerHttp.GetFromJsonAsync<RoomLeaderboard>(path, ServerClient.Json))!.Entries.Single().FocusMinutes);
        Assert.Equal(owner.UserId, (await memberHttp.GetFromJsonAsync<RoomLeaderboard>(path, ServerClient.Json))!.Entries.Single().UserId);
    }

    private static FocusCredit Credit(TestUser user, string roomId, string sprintId, int block, DateTimeOffset start, TimeSpan length, TimeSpan? credited = null, bool completes = false) => new()
    {
        UserId = user.UserId,
        DisplayName = user.DisplayName,
        RoomId = roomId,
        SprintId = sprintId,
        BlockIndex = block,
        BlockStartedAt = start,
        BlockEndedAt = start + length,
        Credited = credited ?? length,
        CompletesSprint = completes,
    };

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }
}
