using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Server.Hubs;
using StudyRooms.Server.Observability;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Auth;

/// <summary>
/// Answers "was this token's user deleted?" (P-ACCT-4) for every authenticated request without a
/// grain call each time. The deleted-user grain stays the truth; this server remembers its answers:
/// users found not deleted for <see cref="Lifetime"/>, users found deleted for good (a deletion is
/// never undone). A deletion drops the "not deleted" entry on every server before DELETE /api/me
/// returns: here directly, on the others through a notice on the Redis channel
/// <c>{prefix}:deleted-users</c> that each server acknowledges. While this server's connection to
/// Redis is down it may miss notices, so it then keeps no entries and asks the grain every time.
/// The guarantee and its limits: docs/security.md, "Deleting a user".
/// </summary>
public sealed partial class DeletedUserCheck(
    IGrainFactory grains,
    StudyRoomsMetrics metrics,
    TimeProvider time,
    IServiceProvider services,
    IOptions<StudyRoomsOptions> options,
    ILogger<DeletedUserCheck> logger) : ServerNoticeChannel(services, options, "deleted-users")
{
    /// <summary>How long a "not deleted" answer is trusted without a notice (the bound if a notice is lost).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Users remembered per kind of answer; at the bound the entries are dropped and relearnt.</summary>
    public const int Capacity = 50_000;

    /// <summary>How long a deletion waits for the other servers to confirm they dropped the user.</summary>
    public static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(2);

    private const string DeletedNotice = "deleted:";
    private const string ConfirmedNotice = "confirmed:";

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notDeleted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _deleted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Confirmations> _awaiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _downConnections = new(StringComparer.Ordinal);

    // Changes whenever entries may have gone stale; an answer asked for before the change is not kept.
    private long _generation;

    /// <summary>True when <paramref name="userId"/> was deleted: from memory, or from the grain.</summary>
    public async Task<bool> IsDeletedAsync(string userId)
    {
        var digest = DeletedUsers.Key(userId);
        if (_deleted.ContainsKey(digest))
        {
            metrics.DeletedUserChecked("known_deleted");
            return true;
        }

        if (_notDeleted.TryGetValue(digest, out var expires) && expires > time.GetUtcNow())
        {
            metrics.DeletedUserChecked("cache");
            return false;
        }

        long generation;
        lock (_gate)
        {
            generation = _generation;
        }

        var deleted = await grains.GetGrain<IDeletedUserGrain>(digest).IsDeletedAsync();
        metrics.DeletedUserChecked("grain");
        lock (_gate)
        {
            if (deleted)
            {
                _notDeleted.TryRemove(digest, out _);
                Remember(_deleted, digest, true);
            }
            else if (generation == _generation && _downConnections.Count == 0)
            {
                // Asked before any deletion notice or Redis failure that came in meanwhile: still true.
                Remember(_notDeleted, digest, time.GetUtcNow() + Lifetime);
            }
        }

        return deleted;
    }

    /// <summary>
    /// Called once the deletion of <paramref name="userId"/> is stored (or may be): no server answers
    /// "not deleted" for them from memory any more. Waits until every server that got the notice
    /// confirmed it, for at most <see cref="ConfirmTimeout"/>.
    /// </summary>
    public async Task ForgetAsync(string userId)
    {
        var digest = DeletedUsers.Key(userId);
        ForgetHere(digest);

        var nonce = Guid.NewGuid().ToString("N");
        var confirmations = new Confirmations();
        _awaiting[nonce] = confirmations;
        try
        {
            var servers = await PublishAsync(DeletedNotice + digest + ":" + nonce);
            await confirmations.ExpectAsync(servers).WaitAsync(ConfirmTimeout, time);
        }
        catch (TimeoutException)
        {
            // A server that did not confirm asks the grain again at the latest when its entry expires.
            Unconfirmed(logger, confirmations.Count, ConfirmTimeout.TotalSeconds);
        }
        finally
        {
            _awaiting.TryRemove(nonce, out _);
        }
    }

    protected override void OnNotice(RedisValue notice)
    {
        var text = notice.ToString();
        if (text.StartsWith(DeletedNotice, StringComparison.Ordinal) && text[DeletedNotice.Length..].Split(':') is [var digest, var nonce])
        {
            ForgetHere(digest);
            _ = ConfirmAsync(nonce);
        }
        else if (text.StartsWith(ConfirmedNotice, StringComparison.Ordinal) && _awaiting.TryGetValue(text[ConfirmedNotice.Length..], out var confirmations))
        {
            confirmations.Add();
        }
    }

    protected override void OnInterrupted(string endpoint, ConnectionType type)
    {
        lock (_gate)
        {
            _downConnections.Add(endpoint + "/" + type);
            ForgetAllHere();
        }
    }

    protected override void OnRestored(string endpoint, ConnectionType type)
    {
        lock (_gate)
        {
            _downConnections.Remove(endpoint + "/" + type);
            ForgetAllHere();
        }
    }

    private async Task ConfirmAsync(string nonce)
    {
        try
        {
            await PublishAsync(ConfirmedNotice + nonce);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ConfirmFailed(logger, e);
        }
    }

    private void ForgetHere(string digest)
    {
        lock (_gate)
        {
            _generation++;
            _notDeleted.TryRemove(digest, out _);
        }
    }

    private void ForgetAllHere()
    {
        _generation++;
        _notDeleted.Clear();
    }

    private static void Remember<T>(ConcurrentDictionary<string, T> entries, string digest, T value)
    {
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }

        entries[digest] = value;
    }

    /// <summary>Counts the servers' confirmations of one deletion notice.</summary>
    private sealed class Confirmations
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _received;
        private long _expected = long.MaxValue;

        public long Count => Interlocked.Read(ref _received);

        public void Add()
        {
            if (Interlocked.Increment(ref _received) >= Interlocked.Read(ref _expected))
            {
                _all.TrySetResult();
            }
        }

        public Task ExpectAsync(long servers)
        {
            Interlocked.Exchange(ref _expected, servers);
            if (Count >= servers)
            {
                _all.TrySetResult();
            }

            return _all.Task;
        }
    }

    [LoggerMessage(EventId = 3121, Level = LogLevel.Warning, Message = "Only {Count} servers confirmed a user deletion within {Seconds} s; the others trust their cached answer until it expires")]
    private static partial void Unconfirmed(ILogger logger, long count, double seconds);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "Could not confirm a user deletion notice")]
    private static partial void ConfirmFailed(ILogger logger, Exception exception);
}
