using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Limits;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// Presence status (P-STATUS-1..3): each connection (tab) reports active, idle or away; a user shows
/// the most present of their tabs, and the room hears of it only when that aggregate changes.
/// Kept with presence, in memory only.
/// </summary>
public sealed partial class RoomGrain
{
    /// <summary>Status reports per connection: bursts of 6, then one every 2 s (P-STATUS-1).</summary>
    public const double StatusReportsPerSecond = 0.5;

    public const double StatusReportBurst = 6;

    /// <summary>Connection id → its reported status and report budget; only connections in the room.</summary>
    private readonly Dictionary<string, ConnectionStatus> _connectionStatus = new(StringComparer.Ordinal);

    public async Task SetPresenceStatusAsync(PresenceStatusCommand command)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (!_present.TryGetValue(command.UserId, out var user) || !user.Connections.ContainsKey(command.ConnectionId))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "join the room first");
        }

        if (!Enum.IsDefined(command.Status))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "status must be active, idle or away");
        }

        if (!_connectionStatus.TryGetValue(command.ConnectionId, out var entry))
        {
            entry = new ConnectionStatus(new TokenBucket(StatusReportsPerSecond, StatusReportBurst, PresenceClock));
            _connectionStatus[command.ConnectionId] = entry;
        }

        if (!entry.Budget.TryTake())
        {
            throw new StudyRoomsException(ErrorCodes.RateLimited, RetryHint.Append("too many status reports", entry.Budget.UntilNextToken()));
        }

        entry.Status = command.Status;
        await AnnounceStatusIfChangedAsync(user);
    }

    /// <summary>
    /// Recomputes the user's status from their connections (a connection that never reported is
    /// active) and announces it when it differs from the one the room knows (P-STATUS-2, P-STATUS-3).
    /// </summary>
    private async Task AnnounceStatusIfChangedAsync(PresentUser user)
    {
        var status = PresenceStatus.Away;
        foreach (var connectionId in user.Connections.Keys)
        {
            var reported = _connectionStatus.TryGetValue(connectionId, out var entry) ? entry.Status : PresenceStatus.Active;
            status = reported < status ? reported : status;
        }

        if (user.Connections.Count == 0 || status == user.Participant.Status)
        {
            return;
        }

        user.Participant = user.Participant with { Status = status };
        var changed = new PresenceStatusChanged { RoomId = RoomId, UserId = user.Participant.UserId, Status = status };
        await AnnounceAsync(() => broadcaster.PresenceStatusChangedAsync(changed));
    }

    /// <summary>Forgets the status of connections that left the room; the user's status follows the tabs left.</summary>
    private async Task ForgetConnectionStatusAsync(string userId, IEnumerable<string> connectionIds)
    {
        foreach (var connectionId in connectionIds)
        {
            _connectionStatus.Remove(connectionId);
        }

        if (_present.TryGetValue(userId, out var user))
        {
            await AnnounceStatusIfChangedAsync(user);
        }
    }

    private sealed class ConnectionStatus(TokenBucket budget)
    {
        public TokenBucket Budget { get; } = budget;

        public PresenceStatus Status { get; set; } = PresenceStatus.Active;
    }
}
