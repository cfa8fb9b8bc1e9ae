using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Grains.Rooms;

/// <summary>Presence: connections vouched for by servers, expiry of stale ones (P-PRES-2), leaving.</summary>
public sealed partial class RoomGrain
{
    public Task RefreshPresenceAsync(RefreshPresenceCommand command)
    {
        var now = PresenceClock.GetUtcNow();
        foreach (var connectionId in command.ConnectionIds)
        {
            foreach (var user in _present.Values)
            {
                if (user.Connections.ContainsKey(connectionId))
                {
                    user.Connections[connectionId] = now;
                }
            }
        }

        return Task.CompletedTask;
    }

    private async Task DropAsync(string userId)
    {
        _present.Remove(userId);
        RoomLog.ParticipantLeft(logger, userId, RoomId, _present.Count);
        await AnnounceAsync(() => broadcaster.ParticipantLeftAsync(new ParticipantLeft { RoomId = RoomId, UserId = userId }));
        await DropHandAsync(userId);
        await ListInDirectoryAsync();
    }

    /// <summary>Drops connections no server vouched for within the expiry (P-PRES-2).</summary>
    private async Task ExpireStaleAsync()
    {
        var cutoff = PresenceClock.GetUtcNow() - _presence.Expiry;
        var changed = false;
        foreach (var (userId, user) in _present.ToArray())
        {
            var expired = user.Connections.Where(c => c.Value < cutoff).Select(c => c.Key).ToArray();
            foreach (var connectionId in expired)
            {
                user.Connections.Remove(connectionId);
                changed = true;
                RoomLog.ConnectionExpired(logger, connectionId, userId, RoomId);
            }

            if (user.Connections.Count == 0)
            {
                await DropAsync(userId);
            }

            if (expired.Length > 0)
            {
                await ForgetConnectionStatusAsync(userId, expired);
            }
        }

        if (changed)
        {
            await PublishBoardAccessAsync();
            SweepWhilePresent();
        }
    }

    /// <summary>
    /// While anyone is present: sweep for expired connections (P-PRES-2), and keep the activation,
    /// since presence lives only in it.
    /// </summary>
    private void SweepWhilePresent()
    {
        if (_present.Count > 0 && _sweep is null)
        {
            _sweep = this.RegisterGrainTimer(
                static grain => grain.ExpireStaleAsync(),
                this,
                new GrainTimerCreationOptions(_presence.SweepPeriod, _presence.SweepPeriod) { KeepAlive = true });
        }
        else if (_present.Count == 0 && _sweep is not null)
        {
            _sweep.Dispose();
            _sweep = null;
        }
    }
}
