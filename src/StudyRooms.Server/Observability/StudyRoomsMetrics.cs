using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Server.Observability;

/// <summary>
/// The meter "StudyRooms": what this server sees of its rooms. Counts are per server; sum them over
/// servers (a room with members on two servers counts once on each).
/// </summary>
public sealed class StudyRoomsMetrics
{
    public const string MeterName = "StudyRooms";

    private readonly ConcurrentDictionary<string, int> _roomConnections = new(StringComparer.Ordinal);
    private readonly UpDownCounter<long> _connected;
    private readonly Counter<long> _invocations;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _opsApplied;
    private readonly Histogram<double> _pushDuration;
    private readonly Counter<long> _rejoins;
    private readonly Histogram<double> _broadcastDuration;
    private readonly Counter<long> _opsFanOuts;
    private readonly Counter<long> _deletedUserChecks;
    private readonly Counter<long> _shed;

    /// <param name="database">The embedded mode's SQLite database; null in Redis mode.</param>
    public StudyRoomsMetrics(IMeterFactory meters, SqliteDatabase? database = null)
    {
        var meter = meters.Create(MeterName);
        _connected = meter.CreateUpDownCounter<long>(
            "studyrooms.participants.connected", "{connection}", "Hub connections open on this server (a participant with two tabs counts twice).");
        _invocations = meter.CreateCounter<long>(
            "studyrooms.hub.invocations", "{invocation}", "Hub method calls, by method.");
        _rejections = meter.CreateCounter<long>(
            "studyrooms.hub.rejections", "{invocation}", "Hub method calls refused with a coded error (docs/protocol.md P-ERR-1), by method and code.");
        _opsApplied = meter.CreateCounter<long>(
            "studyrooms.ops.applied", "{op}", "Board operations acknowledged with a new clock (resends excluded).");
        _pushDuration = meter.CreateHistogram<double>(
            "studyrooms.push_ops.duration", "ms", "Time from a PushOps call reaching the hub to its acknowledgement (validate, store, broadcast).");
        _rejoins = meter.CreateCounter<long>(
            "studyrooms.rejoins", "{join}",
            "Joins from a client that already held the board (a reconnect, P-JOIN-4), by outcome: resumed from its clock, or sent the whole board.");
        _broadcastDuration = meter.CreateHistogram<double>(
            "studyrooms.broadcast.duration", "ms",
            "Time for this server to hand a room event to every connection of the room (to the Redis backplane in Redis mode), by event.");
        _opsFanOuts = meter.CreateCounter<long>(
            "studyrooms.ops.fan_outs", "{event}",
            "OpsApplied events this server sent to a room, by route: in_process (embedded mode), backplane (through Redis to every server), this_server (Redis mode, every connection of the room here, P-OPS-9).");
        _deletedUserChecks = meter.CreateCounter<long>(
            "studyrooms.auth.deleted_user_checks", "{check}",
            "Checks that a token's user is not deleted (P-ACCT-4), by where the answer came from: this server's cache, its memory of deleted users, or the deleted-user grain.");
        _shed = meter.CreateCounter<long>(
            "studyrooms.hub.shed", "{invocation}",
            "Hub calls refused with OVERLOADED (or dropped, if volatile) because the server ran its bound of concurrent calls (P-ERR-6), by method.");
        meter.CreateObservableGauge(
            "studyrooms.rooms.active", () => (long)_roomConnections.Count, "{room}", "Rooms with at least one connection on this server.");
        if (database is not null)
        {
            meter.CreateObservableCounter(
                "studyrooms.sqlite.commits", () => database.Commits, "{commit}", "Transactions the embedded database's writer committed (group commits of many writes).");
            meter.CreateObservableCounter(
                "studyrooms.sqlite.writes", () => database.WritesCommitted, "{write}", "Writes (board appends, chat messages, grain states, reminders) those commits carried.");
        }
    }

    public void Connected() => _connected.Add(1);

    public void Disconnected() => _connected.Add(-1);

    public void Invoked(string method) => _invocations.Add(1, new KeyValuePair<string, object?>("method", method));

    public void Rejected(string method, string code) =>
        _rejections.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("code", code));

    public void Shed(string method) => _shed.Add(1, new KeyValuePair<string, object?>("method", method));

    public void OpsApplied(int count)
    {
        if (count > 0)
        {
            _opsApplied.Add(count);
        }
    }

    public void PushCompleted(TimeSpan elapsed, string outcome) =>
        _pushDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void Rejoined(bool resumed) =>
        _rejoins.Add(1, new KeyValuePair<string, object?>("outcome", resumed ? "resumed" : "snapshot"));

    public void Broadcast(string eventName, TimeSpan elapsed) =>
        _broadcastDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("event", eventName));

    public void OpsFannedOut(FanOutRoute route) =>
        _opsFanOuts.Add(1, new KeyValuePair<string, object?>("route", route switch
        {
            FanOutRoute.InProcess => "in_process",
            FanOutRoute.Backplane => "backplane",
            _ => "this_server",
        }));

    public void DeletedUserChecked(string source) =>
        _deletedUserChecks.Add(1, new KeyValuePair<string, object?>("source", source));

    public void RoomEntered(string roomId) => _roomConnections.AddOrUpdate(roomId, 1, static (_, n) => n + 1);

    public void RoomLeft(string roomId)
    {
        while (_roomConnections.TryGetValue(roomId, out var n))
        {
            if (n <= 1 ? _roomConnections.TryRemove(new KeyValuePair<string, int>(roomId, n)) : _roomConnections.TryUpdate(roomId, n - 1, n))
            {
                return;
            }
        }
    }
}

/// <summary>How an event reached a room's connections.</summary>
public enum FanOutRoute
{
    /// <summary>Embedded mode: SignalR's in-process groups.</summary>
    InProcess,
    /// <summary>Redis mode: published to the backplane, which every server holding the room's connections reads.</summary>
    Backplane,
    /// <summary>Redis mode: written straight to this server's connections, which were all of the room's (P-OPS-9).</summary>
    ThisServer,
}
