using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Sprints;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the sprint bar end to end in a real browser (docs/sprints.md): a host starts a sprint, two
// pages, one of them with its clock 30 s ahead, show the same countdown (P-SPR-13) and the same
// phase change when the server's timer ends the focus block (P-SPR-4), with the tab title counting
// down, a chime unless the user muted it and a browser notification for the user who asked for one;
// a member joins with a goal shown beside their name (P-SPR-8), and the recap flow ends in the
// room's summary (P-SPR-10).
[Collection(BrowserCollection.Name)]
public sealed partial class SprintTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Bob's machine clock runs this far ahead of the server's (and Ada's).</summary>
    private const long BobSkewMs = 30_000;

    /// <summary>
    /// Counts chime notes (each chime is two oscillators) and records the notifications a page shows,
    /// passing both on to the browser's own APIs; `window.__forceHidden` lets a test say the tab is
    /// out of view, which a headless page never is.
    /// </summary>
    private const string AlertSpies = """
        (() => {
          window.__chimeNotes = 0;
          window.__notifications = [];
          const createOscillator = AudioContext.prototype.createOscillator;
          AudioContext.prototype.createOscillator = function () { window.__chimeNotes++; return createOscillator.call(this); };
          const RealNotification = window.Notification;
          class SpyNotification extends RealNotification {
            constructor(title, options) { window.__notifications.push({ title, body: options && options.body }); super(title, options); }
          }
          window.Notification = SpyNotification;
          const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden');
          Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get() { return window.__forceHidden === true || hidden.get.call(this); } });
        })();
        """;

    /// <summary>A machine clock <see cref="BobSkewMs"/> ahead: Date.now() and new Date() read it.</summary>
    private static readonly string SkewedClock = """
        (() => {
          const skewMs = SKEW;
          const RealDate = Date;
          const realNow = RealDate.now.bind(RealDate);
          function SkewedDate(...args) {
            if (!new.target) return new RealDate(realNow() + skewMs).toString();
            return args.length === 0 ? new RealDate(realNow() + skewMs) : new RealDate(...args);
          }
          SkewedDate.prototype = RealDate.prototype;
          SkewedDate.now = () => realNow() + skewMs;
          SkewedDate.parse = RealDate.parse;
          SkewedDate.UTC = RealDate.UTC;
          window.Date = SkewedDate;
        })();
        """.Replace("SKEW", BobSkewMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Records the page's local clock when the sprint bar first shows a break.</summary>
    private const string WatchPhase = """
        () => {
          const bar = document.querySelector('[data-testid="sprint-bar"]');
          window.__breakSeenAt = null;
          new MutationObserver(() => {
            if (window.__breakSeenAt === null && bar.dataset.phase === 'longBreak') window.__breakSeenAt = Date.now();
          }).observe(bar, { attributes: true, attributeFilter: ['data-phase'] });
        }
        """;

    [Fact]
    public async Task TwoPagesShareTheCountdownThePhaseChangeAndTheRecap()
    {
        // The machine is shared by several builds: give each expectation room to wait.
        Assertions.SetDefaultExpectTimeout(30_000);
        // One-minute focus blocks: the sprint's own bounds, so the phase change comes from the server's timer.
        await using var host = await StudyRoomsHost.StartAsync(dataDirectory: null, settings: null, services =>
            services.Configure<SprintOptions>(o => o.MinimumPhase = TimeSpan.FromSeconds(1)));
        var ada = (await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, "Sprint room", "Ada", AlertSpies)).Page;
        var link = (await ada.GetByTestId("room-link").TextContentAsync())!.Trim();
        var roomId = new Uri(link).AbsolutePath.Split('/')[^1];
        var bob = (await WhiteboardPage.OpenAsync(browser, link, "Bob", AlertSpies + SkewedClock)).Page;
        await bob.Context.GrantPermissionsAsync(["notifications"], new() { Origin = host.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var skews = new Dictionary<IPage, long> { [ada] = 0, [bob] = BobSkewMs };

        // Ada mutes her chime; Bob asks for notifications.
        await ada.GetByTestId("sprint-mute").CheckAsync();
        await bob.GetByTestId("sprint-notify").CheckAsync();

        // Ada (the owner) starts a custom plan of one-minute phases, a long break after every block,
        // with a goal; both pages show it.
        await ada.GetByTestId("sprint-preset").SelectOptionAsync("custom");
        await ada.GetByTestId("sprint-focus-minutes").FillAsync("1");
        await ada.GetByTestId("sprint-break-minutes").FillAsync("1");
        await ada.GetByTestId("sprint-long-break-minutes").FillAsync("2");
        await ada.GetByTestId("sprint-long-break-every").FillAsync("1");
        await ada.GetByTestId("sprint-cycles").FillAsync("2");
        await ada.GetByTestId("sprint-goal-input").FillAsync("Finish the limits worksheet");
        await ada.GetByTestId("sprint-start").ClickAsync();
        foreach (var page in new[] { ada, bob })
        {
            await Assertions.Expect(page.GetByTestId("sprint-phase")).ToHaveTextAsync("Focus 1 of 2");
            await Assertions.Expect(page.GetByTestId("sprint-countdown")).ToHaveTextAsync(CountdownPattern());
            await page.EvaluateAsync(WatchPhase);
        }

        var sprint = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ISprintGrain>(roomId).GetAsync();
        var phaseEnd = sprint.PhaseStartedAt.AddMilliseconds(sprint.PhaseDurationMs).ToUnixTimeMilliseconds();
        Assert.Equal(("custom", 60_000L, 60_000L, 120_000L, 1, 2), (sprint.Plan!.Preset, sprint.Plan.FocusMs, sprint.Plan.ShortBreakMs, sprint.Plan.LongBreakMs, sprint.Plan.LongBreakEvery, sprint.Plan.Cycles));

        // The same countdown: each page's end of phase in true time (its paint time, less its clock's
        // skew, plus what it showed as left) agrees with the server's within 250 ms.
        var ends = new Dictionary<IPage, double>();
        foreach (var page in new[] { ada, bob })
        {
            var countdown = page.GetByTestId("sprint-countdown");
            var remaining = double.Parse((await countdown.GetAttributeAsync("data-remaining-ms"))!, CultureInfo.InvariantCulture);
            var paintedAt = double.Parse((await countdown.GetAttributeAsync("data-painted-at"))!, CultureInfo.InvariantCulture);
            ends[page] = paintedAt - skews[page] + remaining;
        }

        output.WriteLine($"phase end seen by Ada {ends[ada] - phaseEnd:+0;-0} ms and by Bob (clock +30 s) {ends[bob] - phaseEnd:+0;-0} ms from the server's; spread {Math.Abs(ends[ada] - ends[bob]):0} ms");
        Assert.InRange(Math.Abs(ends[ada] - ends[bob]), 0, 250);
        Assert.InRange(Math.Abs(ends[bob] - phaseEnd), 0, 250);
        Assert.InRange(Math.Abs(ends[ada] - phaseEnd), 0, 250);

        // The tab title counts down with the phase.
        Assert.Matches(TitlePattern("Focus"), await bob.TitleAsync());

        // Bob joins with a goal; Ada sees it beside his name.
        await bob.GetByTestId("sprint-goal-input").FillAsync("Read chapter 2");
        await bob.GetByTestId("sprint-join").ClickAsync();
        await Assertions.Expect(ada.GetByTestId("sprint-participant").Filter(new() { HasText = "Bob" })).ToContainTextAsync("Read chapter 2");
        await Assertions.Expect(bob.GetByTestId("sprint-bar")).ToHaveAttributeAsync("data-joined", "true");
        var notesBefore = new Dictionary<IPage, int>();
        foreach (var page in new[] { ada, bob })
        {
            notesBefore[page] = await page.EvaluateAsync<int>("() => window.__chimeNotes");
        }

        await bob.EvaluateAsync("() => { window.__forceHidden = true; }");

        // The server's timer ends the focus block: both pages change phase when it is due.
        foreach (var page in new[] { ada, bob })
        {
            await Assertions.Expect(page.GetByTestId("sprint-bar")).ToHaveAttributeAsync("data-phase", "longBreak", new() { Timeout = 90_000 });
            await Assertions.Expect(page.GetByTestId("sprint-phase")).ToHaveTextAsync("Long break");
        }

        var seen = new Dictionary<IPage, double>();
        foreach (var page in new[] { ada, bob })
        {
            seen[page] = await page.EvaluateAsync<double>("() => window.__breakSeenAt") - skews[page];
        }

        output.WriteLine($"break shown by Ada {seen[ada] - phaseEnd:0} ms and by Bob {seen[bob] - phaseEnd:0} ms after the focus block's end; {Math.Abs(seen[ada] - seen[bob]):0} ms apart");
        foreach (var page in new[] { ada, bob })
        {
            Assert.InRange(seen[page] - phaseEnd, 0, 2_000);
        }

        // Bob's page chimed (two notes) and, being out of view, showed a notification; Ada's muted page did not chime.
        Assert.Matches(TitlePattern("Break"), await bob.TitleAsync());
        await Assertions.Expect(bob.GetByTestId("sprint-bar")).ToHaveAttributeAsync("data-phase", "longBreak");
        Assert.Equal(notesBefore[bob] + 2, await bob.EvaluateAsync<int>("() => window.__chimeNotes"));
        Assert.Equal(notesBefore[ada], await ada.EvaluateAsync<int>("() => window.__chimeNotes"));
        var notifications = await bob.EvaluateAsync<JsonElement>("() => window.__notifications");
        Assert.Equal(
            [("Long break", "Sprint room")],
            notifications.EnumerateArray().Select(n => (n.GetProperty("title").GetString(), n.GetProperty("body").GetString())));
        Assert.Empty((await ada.EvaluateAsync<JsonElement>("() => window.__notifications")).EnumerateArray());
        await bob.EvaluateAsync("() => { window.__forceHidden = false; }");

        // Bob is asked for his recap, with his goal.
        await Assertions.Expect(bob.GetByTestId("sprint-recap")).ToBeVisibleAsync();
        await Assertions.Expect(bob.GetByTestId("sprint-recap")).ToContainTextAsync("Read chapter 2");
        await bob.GetByTestId("recap-note").FillAsync("Got through half");
        await bob.GetByTestId("recap-partly").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("sprint-recap")).Not.ToBeVisibleAsync();

        // The room sees the summary.
        await Assertions.Expect(ada.GetByTestId("sprint-recap-summary")).ToHaveAttributeAsync("data-partly", "1");
        await Assertions.Expect(ada.GetByTestId("recap-entry")).ToContainTextAsync("Bob: Partly (Read chapter 2) · Got through half");
        await ada.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("sprint-recap-ada") });
        await ada.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    [GeneratedRegex("^[0-5]?[0-9]:[0-5][0-9]$")]
    private static partial Regex CountdownPattern();

    private static Regex TitlePattern(string phase) => new($"^[0-9]+:[0-5][0-9] {phase} · Sprint room$");
}
