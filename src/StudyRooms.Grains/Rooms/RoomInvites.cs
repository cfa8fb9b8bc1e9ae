using System.Buffers.Text;
using System.Security.Cryptography;
using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Grains.Rooms;

/// <summary>Invite codes and their limits (P-INV-1..3), apart from the grain so the rules read in one place.</summary>
public static class RoomInvites
{
    public const int MaxInvitesPerRoom = 20;
    public const int MaxExpiresInMinutes = 60 * 24 * 90;
    public const int MaxUses = 10_000;

    /// <summary>An invite code is the room id (22) then the secret (22).</summary>
    public const int CodeLength = 44;

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The room an invite code points at, or null when the code cannot be one.</summary>
    public static string? RoomIdOf(string? code) =>
        code is { Length: CodeLength } && RoomRules.IsRoomId(code[..22]) && RoomRules.IsRoomId(code[22..]) ? code[..22] : null;

    public static InviteInfo ToInfo(string roomId, InviteState invite)
    {
        var code = roomId + invite.Secret;
        return new InviteInfo
        {
            Code = code,
            Link = "/i/" + code,
            Role = invite.Role,
            CreatedAt = invite.CreatedAt,
            ExpiresAt = invite.ExpiresAt,
            MaxUses = invite.MaxUses,
            Uses = invite.Uses,
        };
    }

    public static void Validate(CreateInviteCommand command)
    {
        if (command.Role is not (RoomRole.Member or RoomRole.Viewer))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "an invite gives the role member or viewer");
        }

        if (command.ExpiresInMinutes is < 1 or > MaxExpiresInMinutes)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"expiresInMinutes must be 1–{MaxExpiresInMinutes}");
        }

        if (command.MaxUses is < 1 or > MaxUses)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"maxUses must be 1–{MaxUses}");
        }
    }

    public static bool IsUsable(InviteState invite, DateTimeOffset now) =>
        (invite.ExpiresAt is not { } expires || now < expires) && (invite.MaxUses is not { } max || invite.Uses < max);

    public static StudyRoomsException Invalid() =>
        new(ErrorCodes.InviteInvalid, "this invite link is not valid (unknown, revoked, expired or used up)");
}
