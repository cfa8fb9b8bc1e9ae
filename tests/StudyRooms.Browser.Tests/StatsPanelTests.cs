using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyRooms.Contracts.Stats;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the "My stats" panel in a real browser: it asks in the browser's time zone, shows the
// figures the server recorded (credits are put on the host's grains in process, as the sprint grain
// will; there is no HTTP way to add minutes, S-FAIR-1), draws 84 heatmap cells that each carry a
// text label, and shows the room leaderboard for this week and all time with the caller marked.
[Collection(BrowserCollection.Name)]
public sealed class StatsPanelTests(BrowserFixture browser)
{
    private const string Zone = "America/New_York";

    [Fact]
    public async Task MyStatsShowRecordedFocusAHeatmapWithLabelsAndTheRoomLeaderboard()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            TimezoneId = Zone,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.GetByTestId("display-name-input").FillAsync("Ada");
        await page.GetByTestId("display-name-submit").ClickAsync();
        await page.GetByTestId("room-name-input").FillAsync("Calculus study group");
        await page.GetByTestId("create-room-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        var adaId = (await page.GetByTestId("participant").First.GetAttributeAsync("data-user-id"))!;
        var roomId = new Uri((await page.GetByTestId("room-link").TextContentAsync())!.Trim()).AbsolutePath.Split('/')[^1];

        // What a sprint would record: Ada 25 + 50 minutes (one sprint completed), Bob 30.
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var now = DateTimeOffset.UtcNow;
        FocusCredit[] credits =
        [
            Credit(adaId, "Ada", roomId, 0, now.AddMinutes(-90), 25, completes: false),
            Credit(adaId, "Ada", roomId, 1, now.AddMinutes(-55), 50, completes: true),
            Credit("u_bob_stats", "Bob", roomId, 0, now.AddMinutes(-90), 30, completes: false),
        ];
        foreach (var credit in credits)
        {
            if (credit.UserId == adaId)
            {
                await grains.GetGrain<IUserStatsGrain>(adaId).RecordFocusAsync(credit);
            }

            await grains.GetGrain<IRoomLeaderboardGrain>(roomId).RecordFocusAsync(credit);
        }

        await page.GetByTestId("stats-button").ClickAsync();
        var panel = page.GetByTestId("stats-panel");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("stats-status")).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(page.GetByTestId("stats-total-minutes")).ToHaveTextAsync("1 h 15 min");
        await Assertions.Expect(page.GetByTestId("stats-sprints")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("stats-goal-rate")).ToHaveTextAsync("–");
        await Assertions.Expect(panel).ToContainTextAsync(Zone);

        // 84 cells, each with its own text; the minutes land on New York days.
        var cells = page.GetByTestId("heatmap-cell");
        await Assertions.Expect(cells).ToHaveCountAsync(84);
        var labels = await cells.AllTextContentsAsync();
        Assert.All(labels, label => Assert.Matches(@"^\w+day \d{1,2} \w+ \d{4}: (\d+ h( \d+ min)?|\d+ min|not yet)$", label));
        var minutes = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('[data-testid=heatmap-cell]')].reduce((s, c) => s + Number(c.dataset.minutes), 0)");
        Assert.Equal(75, minutes);
        var newYorkToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone)).DateTime);
        await Assertions.Expect(page.Locator($"[data-testid=heatmap-cell][data-date='{newYorkToday:yyyy-MM-dd}']")).Not.ToHaveAttributeAsync("data-future", "");

        // The leaderboard: this week, then all time; Ada is marked as the caller. Near Monday 00:00
        // UTC some blocks ended last week, so the week's expected rows are computed from the credits.
        var rows = page.GetByTestId("leaderboard-entry");
        var weekStart = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-(((int)now.UtcDateTime.DayOfWeek + 6) % 7)), TimeSpan.Zero);
        var week = Expected(credits.Where(c => c.BlockEndedAt >= weekStart));
        if (week.Length == 0)
        {
            await Assertions.Expect(page.GetByTestId("leaderboard-empty")).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(page.GetByTestId("leaderboard")).ToHaveAttributeAsync("data-period", "week");
            await AssertRowsAsync(rows, week);
        }

        await page.GetByTestId("leaderboard-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("leaderboard")).ToHaveAttributeAsync("data-period", "all");
        await Assertions.Expect(page.GetByTestId("leaderboard-all")).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertRowsAsync(rows, ["1st, Ada, 1 h 15 min", "2nd, Bob, 30 min"]);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("(you)");
        await Assertions.Expect(rows.Nth(1)).Not.ToContainTextAsync("(you)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("stats-panel") });

        await page.GetByTestId("stats-close").ClickAsync();
        await Assertions.Expect(panel).Not.ToBeVisibleAsync();
        await context.CloseAsync();
    }

    private static async Task AssertRowsAsync(ILocator rows, string[] labels)
    {
        await Assertions.Expect(rows).ToHaveCountAsync(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            await Assertions.Expect(rows.Nth(i)).ToHaveAttributeAsync("aria-label", labels[i]);
        }
    }

    /// <summary>Leaderboard labels for credits: most minutes first (no ties in this data).</summary>
    private static string[] Expected(IEnumerable<FocusCredit> credits)
    {
        string[] ordinals = ["1st", "2nd"];
        return credits
            .GroupBy(c => c.UserId)
            .Select(g => (Name: g.First().DisplayName, Minutes: (int)g.Sum(c => c.Credited.TotalMinutes)))
            .OrderByDescending(t => t.Minutes)
            .Select((t, i) => $"{ordinals[i]}, {t.Name}, {Minutes(t.Minutes)}")
            .ToArray();
    }

    private static string Minutes(int minutes) =>
        minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";

    private static FocusCredit Credit(string userId, string name, string roomId, int block, DateTimeOffset start, int minutes, bool completes) => new()
    {
        UserId = userId,
        DisplayName = name,
        RoomId = roomId,
        SprintId = "sprint-1",
        BlockIndex = block,
        BlockStartedAt = start,
        BlockEndedAt = start.AddMinutes(minutes),
        Credited = TimeSpan.FromMinutes(minutes),
        CompletesSprint = completes,
    };
}
