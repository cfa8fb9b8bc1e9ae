using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Rooms;

/// <summary>Invite links: created, listed, revoked and rotated by the owner, accepted by anyone holding one (P-INV-*).</summary>
public sealed partial class RoomGrain
{
    public async Task<InviteInfo> CreateInviteAsync(CreateInviteCommand command)
    {
        RequireOwner(command.ActorId);
        RequireNotArchived();
        RoomInvites.Validate(command);
        var now = time.GetUtcNow();
        state.State.Invites.RemoveAll(i => !RoomInvites.IsUsable(i, now));
        if (state.State.Invites.Count >= RoomInvites.MaxInvitesPerRoom)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"a room has at most {RoomInvites.MaxInvitesPerRoom} invite links; revoke one first");
        }

        var invite = new InviteState
        {
            Secret = RoomInvites.NewSecret(),
            Role = command.Role,
            CreatedAt = now,
            ExpiresAt = command.ExpiresInMinutes is { } minutes ? now.AddMinutes(minutes) : null,
            MaxUses = command.MaxUses,
        };
        state.State.Invites.Add(invite);
        await state.WriteOrRevertAsync(() => state.State.Invites.Remove(invite));
        return RoomInvites.ToInfo(RoomId, invite);
    }

    public Task<InviteInfo[]> ListInvitesAsync(string actorId)
    {
        RequireOwner(actorId);
        var now = time.GetUtcNow();
        return Task.FromResult(state.State.Invites.Where(i => RoomInvites.IsUsable(i, now)).Select(i => RoomInvites.ToInfo(RoomId, i)).ToArray());
    }

    public async Task RevokeInviteAsync(InviteCommand command)
    {
        RequireOwner(command.ActorId);
        var invite = FindInvite(command.Code) ?? throw RoomInvites.Invalid();
        var index = state.State.Invites.IndexOf(invite);
        state.State.Invites.RemoveAt(index);
        await state.WriteOrRevertAsync(() => state.State.Invites.Insert(index, invite));
    }

    public async Task<InviteInfo> RotateInviteAsync(InviteCommand command)
    {
        RequireOwner(command.ActorId);
        RequireNotArchived();
        var invite = FindInvite(command.Code) ?? throw RoomInvites.Invalid();
        var oldSecret = invite.Secret;
        invite.Secret = RoomInvites.NewSecret();
        invite.Uses = 0;
        await state.WriteOrRevertAsync(() => invite.Secret = oldSecret);
        return RoomInvites.ToInfo(RoomId, invite);
    }

    public async Task<AcceptInviteResult> AcceptInviteAsync(InviteCommand command)
    {
        var invite = state.State.Exists ? FindInvite(command.Code) : null;
        if (invite is null || !RoomInvites.IsUsable(invite, time.GetUtcNow()))
        {
            throw RoomInvites.Invalid();
        }

        if (state.State.Banned.Contains(command.ActorId))
        {
            throw new StudyRoomsException(ErrorCodes.Banned, "you were banned from this room");
        }

        RequireNotArchived();
        await NoteUserAsync(command.ActorId);
        var had = state.State.Roles.TryGetValue(command.ActorId, out var previous);
        var role = RoleOf(command.ActorId);
        if (!HasPlace(command.ActorId) || invite.Role > role)
        {
            // An invite never lowers a role the user already holds.
            role = had && previous > invite.Role ? previous : invite.Role;
            state.State.Roles[command.ActorId] = role;
        }

        invite.Uses++;
        await state.WriteOrRevertAsync(() =>
        {
            invite.Uses--;
            if (had)
            {
                state.State.Roles[command.ActorId] = previous;
            }
            else
            {
                state.State.Roles.Remove(command.ActorId);
            }
        });
        RoomLog.InviteAccepted(logger, RoomId, command.ActorId, role.ToString());
        await PublishBoardAccessAsync();
        return new AcceptInviteResult { RoomId = RoomId, Role = RoleOf(command.ActorId), Link = RoomRules.LinkFor(RoomId) };
    }

    private void RequireOwner(string actorId)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (actorId != state.State.OwnerId)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner manages invite links");
        }
    }

    private InviteState? FindInvite(string? code) =>
        RoomInvites.RoomIdOf(code) == RoomId
            ? state.State.Invites.FirstOrDefault(i => CryptographicEquals(i.Secret, code![22..]))
            : null;

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));
}
