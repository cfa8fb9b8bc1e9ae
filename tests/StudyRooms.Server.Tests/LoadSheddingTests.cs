using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Hubs;
using StudyRooms.Server.Observability;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Tests;

// Proves the shedding rule on the filter itself, with calls held open on purpose: past the bound a call
// is refused at once with OVERLOADED and a retry hint (P-ERR-5, P-ERR-6), LeaveRoom is never refused,
// volatile calls are dropped without an answer, and a freed slot takes work again.
public sealed class LoadSheddingTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().AddSingleton<StudyRoomsMetrics>().BuildServiceProvider();

    [Fact]
    public async Task ACallPastTheBoundIsRefusedAtOnceWithOverloadedAndARetryHint_P_ERR_6()
    {
        var shedding = Filter(bound: 2, retryAfter: TimeSpan.FromMilliseconds(400));
        var release = new TaskCompletionSource<object?>();
        var ran = 0;
        ValueTask<object?> Held(HubInvocationContext _)
        {
            Interlocked.Increment(ref ran);
            return new ValueTask<object?>(release.Task);
        }

        var first = shedding.InvokeMethodAsync(Call(nameof(RoomHub.PushOps)), Held);
        var second = shedding.InvokeMethodAsync(Call(nameof(RoomHub.JoinRoom)), Held);
        var refused = await Assert.ThrowsAsync<HubException>(async () => await shedding.InvokeMethodAsync(Call(nameof(RoomHub.PushOps)), Held));

        Assert.Equal(2, ran);
        Assert.StartsWith(ErrorCodes.Overloaded + ": ", refused.Message, StringComparison.Ordinal);
        var hint = RetryHint.Parse(refused.Message);
        Assert.NotNull(hint);
        Assert.InRange(hint.Value, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(600));

        // Never shed: a leave frees work (P-PRES-1). Volatile calls are dropped without an error (P-LIVE-1).
        Assert.Equal("left", await shedding.InvokeMethodAsync(Call(nameof(RoomHub.LeaveRoom)), _ => new ValueTask<object?>("left")));
        Assert.Null(await shedding.InvokeMethodAsync(Call(nameof(RoomHub.MoveCursor)), _ => throw new InvalidOperationException("a dropped call must not run")));

        release.SetResult("done");
        Assert.Equal("done", await first);
        Assert.Equal("done", await second);
        Assert.Equal(0, shedding.Running);
        Assert.Equal("ran", await shedding.InvokeMethodAsync(Call(nameof(RoomHub.PushOps)), _ => new ValueTask<object?>("ran")));
    }

    [Theory]
    [InlineData(nameof(RoomHub.StreamStroke))]
    [InlineData(nameof(RoomHub.MoveCursor))]
    [InlineData(nameof(RoomHub.SetTyping))]
    public async Task EachVolatileCallPastTheBoundIsDroppedWithoutRunning_P_ERR_6(string method)
    {
        var shedding = Filter(bound: 1, retryAfter: TimeSpan.FromSeconds(1));
        var release = new TaskCompletionSource<object?>();
        var held = shedding.InvokeMethodAsync(Call(nameof(RoomHub.PushOps)), _ => new ValueTask<object?>(release.Task));

        Assert.Null(await shedding.InvokeMethodAsync(Call(method), _ => throw new InvalidOperationException("a dropped call must not run")));

        release.SetResult("done");
        Assert.Equal("done", await held);
        Assert.Equal(0, shedding.Running);
    }

    [Fact]
    public void TheVolatileMethodsAreTheHubMethodsMarkedVolatile_P_ERR_6()
    {
        var marked = typeof(RoomHub).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.IsDefined(typeof(VolatileHubMethodAttribute), inherit: false))
            .ToArray();

        // The list P-ERR-6 names, read from the marks: no hand list left to forget a new method in.
        Assert.Equal(
            [nameof(RoomHub.MoveCursor), nameof(RoomHub.SetTyping), nameof(RoomHub.StreamStroke)],
            LoadShedding.VolatileMethods.Order(StringComparer.Ordinal));
        Assert.Equal(marked.Select(method => method.Name).Order(StringComparer.Ordinal), LoadShedding.VolatileMethods.Order(StringComparer.Ordinal));

        // A dropped call answers nothing, which only a method without a result may do.
        Assert.All(marked, method => Assert.True(
            method.ReturnType == typeof(void) || method.ReturnType == typeof(Task),
            $"{method.Name} returns {method.ReturnType.Name}; a volatile call is dropped without an answer"));

        // Acknowledged calls, and those whose refusal the client acts on, are refused, never dropped.
        IReadOnlySet<string> volatileMethods = LoadShedding.VolatileMethods;
        Assert.DoesNotContain(nameof(RoomHub.PushOps), volatileMethods);
        Assert.DoesNotContain(nameof(RoomHub.SprintHeartbeat), volatileMethods);
        Assert.DoesNotContain(nameof(RoomHub.SetPresenceStatus), volatileMethods);
    }

    [Fact]
    public async Task AFailedCallFreesItsSlot()
    {
        var shedding = Filter(bound: 1, retryAfter: TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<HubException>(async () => await shedding.InvokeMethodAsync(Call(nameof(RoomHub.PushOps)), _ => throw new HubException("NOT_IN_ROOM: join first")));

        Assert.Equal(0, shedding.Running);
        Assert.Equal("ran", await shedding.InvokeMethodAsync(Call(nameof(RoomHub.PushOps)), _ => new ValueTask<object?>("ran")));
    }

    [Fact]
    public void ARetryHintIsReadBackAsWritten_P_ERR_5()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(17), RetryHint.Parse(RetryHint.Append("at most 60 pushes per second", TimeSpan.FromMilliseconds(16.2))));
        Assert.Equal(TimeSpan.FromMilliseconds(1), RetryHint.Parse(RetryHint.Append("now", TimeSpan.Zero)));
        Assert.Equal(
            TimeSpan.FromMilliseconds(250),
            RetryHint.Parse("An unexpected error occurred invoking 'PushOps' on the server. HubException: OVERLOADED: busy; retry after 250 ms"));
        Assert.Null(RetryHint.Parse("RATE_LIMITED: slow down"));
    }

    private static LoadShedding Filter(int bound, TimeSpan retryAfter) =>
        new(Microsoft.Extensions.Options.Options.Create(new StudyRoomsOptions { MaxConcurrentHubCalls = bound, OverloadRetryAfter = retryAfter }), Services.GetRequiredService<StudyRoomsMetrics>());

    private static HubInvocationContext Call(string method) =>
        new(new Caller(), Services, new RoomHubStandIn(), typeof(RoomHub).GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!, [null]);

    // The filter reads only the method; the caller and hub are inert carriers of the invocation.
    private sealed class RoomHubStandIn : Hub;

    private sealed class Caller : HubCallerContext
    {
        public override string ConnectionId => "c1";
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
