using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;

namespace StudyRooms.Server.Hubs;

/// <summary>Shape check of volatile cursor updates (P-LIVE-3); never stored, relayed in frames (P-LIVE-5).</summary>
public static class CursorRelay
{
    public const int MaxSelection = 500;

    /// <summary>Builds the event to relay, or null when the message is malformed.</summary>
    public static CursorMoved? ToEvent(CursorUpdate? update, string userId)
    {
        if (update is not { RoomId: { } roomId }
            || !ElementPropsRules.IsCoordinate(update.X)
            || !ElementPropsRules.IsCoordinate(update.Y)
            || update.Selection is { Length: > MaxSelection }
            || (update.Selection is { } selection && !selection.All(Identifiers.IsValid))
            || (update.Viewport is { } v && !IsViewport(v))
            || (update.ClientId is { } clientId && !Identifiers.IsValid(clientId)))
        {
            return null;
        }

        return new CursorMoved
        {
            RoomId = roomId,
            UserId = userId,
            X = update.X,
            Y = update.Y,
            Visible = update.Visible,
            Laser = update.Laser,
            Selection = update.Selection,
            Viewport = update.Viewport,
            ClientId = update.ClientId,
        };
    }

    private static bool IsViewport(Viewport v) =>
        ElementPropsRules.IsCoordinate(v.X) && ElementPropsRules.IsCoordinate(v.Y)
        && ElementPropsRules.IsCoordinate(v.Width) && v.Width > 0
        && ElementPropsRules.IsCoordinate(v.Height) && v.Height > 0;
}
