using StudyRooms.Contracts.Boards;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

/// <summary>
/// The opening of the batching tests (P-OPS-7, P-OPS-8): Ada's room with Bob, and Cy when asked, in
/// it; Ada and Bob push a stroke each at once, then Ada a third, well inside one frame. Disposing
/// closes every client.
/// </summary>
internal sealed class ThreePushRoom : IAsyncDisposable
{
    private readonly OwnedRoom _room;
    private readonly RoomClient? _cy;

    private ThreePushRoom(OwnedRoom room, RoomClient bob, RoomClient? cy, ElementOp first, ElementOp second, ElementOp third)
    {
        _room = room;
        Bob = bob;
        _cy = cy;
        First = first;
        Second = second;
        Third = third;
    }

    public string RoomId => _room.RoomId;

    public RoomClient Ada => _room.Owner;

    public RoomClient Bob { get; }

    public RoomClient Cy => _cy ?? throw new InvalidOperationException("the room was opened without Cy");

    /// <summary>Ada's first stroke, pushed at once with <see cref="Second"/>.</summary>
    public ElementOp First { get; }

    /// <summary>Bob's stroke.</summary>
    public ElementOp Second { get; }

    /// <summary>Ada's second stroke, pushed after the first two were acknowledged.</summary>
    public ElementOp Third { get; }

    public static async Task<ThreePushRoom> PushAsync(ServerClient host, bool withCy)
    {
        var room = await OwnedRoom.OpenAsync(host, "Ada");
        var bob = await room.JoinNewUserAsync(host, "Bob");
        var cy = withCy ? await room.JoinNewUserAsync(host, "Cy") : null;

        var first = room.Owner.Stroke();
        var second = bob.Stroke();
        var third = room.Owner.Stroke();
        await Task.WhenAll(room.Owner.PushAsync(room.RoomId, first), bob.PushAsync(room.RoomId, second));
        await room.Owner.PushAsync(room.RoomId, third);
        return new ThreePushRoom(room, bob, cy, first, second, third);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cy is not null)
        {
            await _cy.DisposeAsync();
        }

        await Bob.DisposeAsync();
        await _room.DisposeAsync();
    }
}
