using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Shape check of volatile stroke progress (P-LIVE-1). Volatile traffic is relayed by the hub
/// without a grain hop; it is never stored, so a dropped message costs only a preview frame.
/// </summary>
public static class StrokeRelay
{
    /// <summary>Builds the event to relay, or null when the message is malformed.</summary>
    public static StrokeProgressed? ToEvent(StrokeProgress? progress, string userId)
    {
        if (progress is not { RoomId: { } roomId, StrokeId: { } strokeId, Points: { } points, StrokeColor: { } color }
            || !Identifiers.IsValid(strokeId)
            || points.Length is 0 or > BoardLimits.MaxStreamPointNumbers
            || points.Length % 2 != 0
            || !points.All(ElementPropsRules.IsCoordinate)
            || progress.StartIndex < 0
            // In long: an index near int.MaxValue would overflow to a negative sum and pass (found by HubFuzzTests).
            || (long)progress.StartIndex + points.Length > BoardLimits.MaxPointNumbers
            || progress.StartIndex % 2 != 0
            || !ElementPropsRules.IsColor(color)
            || !(progress.StrokeWidth >= BoardLimits.MinStrokeWidth && progress.StrokeWidth <= BoardLimits.MaxStrokeWidth))
        {
            return null;
        }

        return new StrokeProgressed
        {
            RoomId = roomId,
            UserId = userId,
            StrokeId = strokeId,
            StartIndex = progress.StartIndex,
            Points = points,
            StrokeColor = color,
            StrokeWidth = progress.StrokeWidth,
        };
    }
}
