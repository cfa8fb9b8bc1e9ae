using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Rooms;

/// <summary>Moderation: roles, removal and bans, read-only, chat mute (docs/permissions.md).</summary>
public sealed partial class RoomGrain
{
    public async Task ModerateAsync(ModerationCommand command)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (!_present.TryGetValue(command.ActorId, out var actor) || !actor.Connections.ContainsKey(command.ActorConnectionId))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "join the room first");
        }

        var actorRole = RoleOf(command.ActorId);
        if (state.State.Archived && command.Kind is ModerationKind.SetRole or ModerationKind.SetReadOnly or ModerationKind.MuteChat or ModerationKind.UnmuteChat)
        {
            // Settings stay as they were archived; removing and banning people stay possible (P-LIFE-2).
            throw RoomArchived();
        }

        switch (command.Kind)
        {
            case ModerationKind.SetRole:
                await SetRoleAsync(command, actorRole);
                break;
            case ModerationKind.Remove:
            case ModerationKind.Ban:
                await RemoveAsync(command, actorRole, ban: command.Kind == ModerationKind.Ban);
                break;
            case ModerationKind.Unban:
                await UnbanAsync(command, actorRole);
                break;
            case ModerationKind.SetReadOnly:
                await SetReadOnlyAsync(command, actorRole);
                break;
            case ModerationKind.MuteChat:
            case ModerationKind.UnmuteChat:
                await MuteChatAsync(command, actorRole, muted: command.Kind == ModerationKind.MuteChat);
                break;
            default:
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, "unknown moderation act");
        }
    }

    private async Task SetRoleAsync(ModerationCommand command, RoomRole actorRole)
    {
        if (actorRole != RoomRole.Owner)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner may change roles");
        }

        var target = RequireTarget(command);
        if (target == state.State.OwnerId)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "the owner's role cannot be changed");
        }

        if (command.Role is not (RoomRole.Viewer or RoomRole.Member or RoomRole.Mentor))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "role must be viewer, member or mentor");
        }

        await NoteUserAsync(target);
        var had = state.State.Roles.TryGetValue(target, out var previous);
        state.State.Roles[target] = command.Role;
        await state.WriteOrRevertAsync(() =>
        {
            if (had)
            {
                state.State.Roles[target] = previous;
            }
            else
            {
                state.State.Roles.Remove(target);
            }
        });

        if (_present.TryGetValue(target, out var user))
        {
            user.Participant = user.Participant with { Role = command.Role };
            user.Overflow = false;
        }

        RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), target);
        await AnnounceAsync(() => broadcaster.RoleChangedAsync(new RoleChanged { RoomId = RoomId, UserId = target, Role = command.Role }));
        await PublishBoardAccessAsync();
    }

    private async Task RemoveAsync(ModerationCommand command, RoomRole actorRole, bool ban)
    {
        RequireModerator(actorRole);
        var target = RequireTarget(command);
        if (target == command.ActorId)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "you cannot remove yourself; leave the room instead");
        }

        if (RoleOf(target) >= actorRole)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "you may only remove or ban users with a lower role than yours");
        }

        if (!ban && !_present.ContainsKey(target))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "that user is not in the room");
        }

        if (ban)
        {
            await NoteUserAsync(target);
        }

        var placed = ban && state.State.Banned.Add(target);
        if (placed)
        {
            var name = _present.TryGetValue(target, out var banned) ? banned.Participant.DisplayName : "";
            state.State.BanRecords[target] = new BanRecord { DisplayName = name, BannedAt = time.GetUtcNow() };
            await state.WriteOrRevertAsync(() =>
            {
                state.State.Banned.Remove(target);
                state.State.BanRecords.Remove(target);
            });
        }

        RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), target);
        if (_present.Remove(target, out var user))
        {
            await ForgetConnectionStatusAsync(target, user.Connections.Keys);
            await ForgetPresenceRecordsAsync(user.Connections.Keys);
            var removed = new ParticipantRemoved { RoomId = RoomId, UserId = target, ByUserId = command.ActorId, Banned = ban };
            await AnnounceAsync(() => broadcaster.ParticipantRemovedAsync(removed, user.Connections.Keys.ToArray()));
            await AnnounceAsync(() => broadcaster.ParticipantLeftAsync(new ParticipantLeft { RoomId = RoomId, UserId = target }));
            await DropHandAsync(target);
            await ListInDirectoryAsync();
            await PublishBoardAccessAsync();
            SweepWhilePresent();
        }

        if (placed)
        {
            // After the removal, so a banned mentor's own connections are no longer among the moderators'.
            var banned = new BanPlaced { RoomId = RoomId, UserId = target, ByUserId = command.ActorId };
            await AnnounceAsync(() => broadcaster.BanPlacedAsync(banned, ModeratorConnections()));
        }
    }

    private async Task UnbanAsync(ModerationCommand command, RoomRole actorRole)
    {
        RequireModerator(actorRole);
        var target = RequireTarget(command);
        if (state.State.Banned.Remove(target))
        {
            var hadRecord = state.State.BanRecords.Remove(target, out var record);
            await state.WriteOrRevertAsync(() =>
            {
                state.State.Banned.Add(target);
                if (hadRecord)
                {
                    state.State.BanRecords[target] = record!;
                }
            });
            RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), target);
            var lifted = new BanLifted { RoomId = RoomId, UserId = target, ByUserId = command.ActorId };
            await AnnounceAsync(() => broadcaster.BanLiftedAsync(lifted, ModeratorConnections()));
        }
    }

    /// <summary>The connections of present users who may read the ban list (P-MOD-9).</summary>
    private string[] ModeratorConnections() =>
        _present.Values
            .Where(user => RoleOf(user.Participant.UserId) >= RoomRole.Mentor)
            .SelectMany(user => user.Connections.Keys)
            .ToArray();

    public Task<BannedUser[]> ListBansAsync(string actorId, string actorConnectionId)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (!_present.TryGetValue(actorId, out var actor) || !actor.Connections.ContainsKey(actorConnectionId))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "join the room first");
        }

        RequireModerator(RoleOf(actorId));
        var bans = state.State.Banned
            .Select(userId => state.State.BanRecords.TryGetValue(userId, out var record)
                ? new BannedUser { UserId = userId, DisplayName = record.DisplayName, BannedAt = record.BannedAt }
                : new BannedUser { UserId = userId })
            .OrderByDescending(ban => ban.BannedAt ?? DateTimeOffset.MinValue)
            .ThenBy(ban => ban.UserId, StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult(bans);
    }

    private async Task SetReadOnlyAsync(ModerationCommand command, RoomRole actorRole)
    {
        RequireModerator(actorRole);
        if (state.State.ReadOnly == command.ReadOnly)
        {
            return;
        }

        state.State.ReadOnly = command.ReadOnly;
        await state.WriteOrRevertAsync(() => state.State.ReadOnly = !command.ReadOnly);
        RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), command.ReadOnly ? "read-only" : "editable");
        await PublishBoardAccessAsync();
        await AnnounceAsync(() => broadcaster.RoomUpdatedAsync(new RoomUpdated { RoomId = RoomId, Room = Snapshot() }));
    }

    /// <summary>Mentors and the owner mute or unmute users ranked below them in the chat (P-CHAT-15).</summary>
    private async Task MuteChatAsync(ModerationCommand command, RoomRole actorRole, bool muted)
    {
        RequireModerator(actorRole);
        var target = RequireTarget(command);
        if (target == command.ActorId)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "you cannot mute yourself");
        }

        if (RoleOf(target) >= actorRole)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "you may only mute users with a lower role than yours");
        }

        if (muted)
        {
            await NoteUserAsync(target);
        }

        var changed = muted ? state.State.ChatMuted.Add(target) : state.State.ChatMuted.Remove(target);
        if (changed)
        {
            await state.WriteOrRevertAsync(() =>
            {
                if (muted)
                {
                    state.State.ChatMuted.Remove(target);
                }
                else
                {
                    state.State.ChatMuted.Add(target);
                }
            });
            RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), target);
        }
    }

    private static void RequireModerator(RoomRole actorRole)
    {
        if (actorRole < RoomRole.Mentor)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner and mentors may moderate");
        }
    }

    private static string RequireTarget(ModerationCommand command) =>
        command.TargetUserId is { Length: > 0 and <= RoomRules.MaxUserIdLength } target
            ? target
            : throw new StudyRoomsException(ErrorCodes.InvalidRequest, "userId is required");
}
