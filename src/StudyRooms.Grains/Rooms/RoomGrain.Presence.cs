using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// Presence: connections vouched for by servers, expiry of stale ones (P-PRES-2), leaving. In Redis
/// mode each admitted connection also has an entry in the heartbeat record (<see cref="IPresenceStore"/>)
/// that its server renews; a new activation of the room seats the users of the live entries again.
/// </summary>
public sealed partial class RoomGrain
{
    /// <summary>Embedded mode and test silos register none: presence is then this activation's alone.</summary>
    private IPresenceStore PresenceStore => services.GetService<IPresenceStore>() ?? NoPresenceStore.Instance;

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
        if (!AnyToExpire(cutoff))
        {
            return; // the usual sweep: it runs every second in every occupied room, so it allocates nothing
        }

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
                await ForgetPresenceRecordsAsync(expired);
            }
        }

        if (changed)
        {
            await PublishBoardAccessAsync();
            SweepWhilePresent();
        }
    }

    private bool AnyToExpire(DateTimeOffset cutoff)
    {
        foreach (var user in _present.Values)
        {
            if (user.Connections.Count == 0)
            {
                return true;
            }

            foreach (var heartbeat in user.Connections.Values)
            {
                if (heartbeat < cutoff)
                {
                    return true;
                }
            }
        }

        return false;
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

    /// <summary>
    /// Writes an admitted connection into the heartbeat record, living one expiry until its server
    /// renews it. Best effort: the room has admitted the connection either way; without the entry
    /// only a later activation of the room would not know of it.
    /// </summary>
    private async Task RecordPresenceAsync(PresentUser user, string connectionId, string? server)
    {
        var record = new PresenceRecord(connectionId, user.Participant.UserId, user.Participant.DisplayName, user.Overflow, server, time.GetUtcNow());
        try
        {
            await PresenceStore.AddAsync(RoomId, record, _presence.Expiry);
        }
        catch (Exception exception)
        {
            RoomLog.PresenceRecordFailed(logger, exception, RoomId);
        }
    }

    /// <summary>Takes connections that are no longer present out of the heartbeat record (best effort: an entry left behind expires).</summary>
    private async Task ForgetPresenceRecordsAsync(IReadOnlyCollection<string> connectionIds)
    {
        try
        {
            await PresenceStore.RemoveAsync(RoomId, connectionIds);
        }
        catch (Exception exception)
        {
            RoomLog.PresenceRecordFailed(logger, exception, RoomId);
        }
    }

    /// <summary>
    /// On activation: seats again the users whose connections are live in the heartbeat record, so a
    /// room whose server died or was restarted keeps its participants instead of starting empty.
    /// Their joins are not announced again (the browsers still show them); users whose entries all
    /// lapsed meanwhile are announced as gone. The room's rules apply again: a banned user
    /// or one without a place in an invite-only room is not seated and their entries are removed. Each
    /// connection counts as vouched for when its entry was last renewed, so a dead server's users still
    /// expire on time (P-PRES-2).
    /// </summary>
    private async Task RestorePresenceAsync()
    {
        if (!state.State.Exists || state.State.Deleting)
        {
            return;
        }

        PresenceListing listing;
        try
        {
            listing = await PresenceStore.ListAsync(RoomId);
        }
        catch (Exception exception)
        {
            RoomLog.PresenceRecordFailed(logger, exception, RoomId);
            return;
        }

        var now = PresenceClock.GetUtcNow();
        var refused = new List<string>();
        foreach (var (record, timeToLive) in listing.Live)
        {
            if (state.State.Banned.Contains(record.UserId) || (state.State.InviteOnly && !HasPlace(record.UserId)))
            {
                refused.Add(record.ConnectionId);
                continue;
            }

            if (!_present.TryGetValue(record.UserId, out var user))
            {
                user = new PresentUser(new Participant
                {
                    UserId = record.UserId,
                    DisplayName = record.DisplayName,
                    Color = ParticipantColors.For(record.UserId),
                    Role = record.Overflow ? RoomRole.Viewer : RoleOf(record.UserId),
                })
                {
                    Overflow = record.Overflow,
                };
                _present[record.UserId] = user;
            }

            _servers.Add(record.Server ?? UnnamedServer);
            var left = timeToLive < _presence.Expiry ? timeToLive : _presence.Expiry;
            user.Connections[record.ConnectionId] = now - (_presence.Expiry - left);
        }

        if (refused.Count > 0)
        {
            await ForgetPresenceRecordsAsync(refused);
        }

        // The seated connections were in the previous activation's cursor audience (P-LIVE-4): prime it
        // with them, so the first publish does not ask the backplane to add them again; for a dead
        // server's connection that call waits for an answer that never comes, stalling the room.
        _cursorAudience.Update(
            _present.Values.SelectMany(user => user.Connections.Keys.Select(c => (c, EffectiveRole(user)))),
            _present.Count,
            boardSettings.Value.CursorsToViewersMaxParticipants);

        if (_present.Count > 0)
        {
            RoomLog.PresenceRestored(logger, RoomId, _present.Count, listing.Live.Count - refused.Count);
            SweepWhilePresent();
        }

        // Users whose every connection lapsed while no activation watched (their server died with the
        // room's): the browsers that stayed still list them, so say they left (P-PRES-1).
        foreach (var userId in listing.LapsedUserIds.Where(u => !_present.ContainsKey(u)))
        {
            RoomLog.ParticipantLeft(logger, userId, RoomId, _present.Count);
            await AnnounceAsync(() => broadcaster.ParticipantLeftAsync(new ParticipantLeft { RoomId = RoomId, UserId = userId }));
        }
    }
}
