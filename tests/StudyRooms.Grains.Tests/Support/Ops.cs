using StudyRooms.Contracts.Boards;

namespace StudyRooms.Grains.Tests.Support;

/// <summary>Short builders for the element ops and props the tests push.</summary>
internal static class Ops
{
    public static ElementOp Create(long clientSeq, string elementId, ElementProps? props = null, string? type = "freehand") => new()
    {
        Kind = ElementOpKind.Create,
        ClientSeq = clientSeq,
        ElementId = elementId,
        Type = type,
        Props = props ?? Stroke(),
    };

    public static ElementOp Patch(long clientSeq, string elementId, ElementProps props) => new()
    {
        Kind = ElementOpKind.Patch,
        ClientSeq = clientSeq,
        ElementId = elementId,
        Props = props,
    };

    public static ElementOp Delete(long clientSeq, string elementId) => new()
    {
        Kind = ElementOpKind.Delete,
        ClientSeq = clientSeq,
        ElementId = elementId,
    };

    /// <summary>A small valid freehand stroke.</summary>
    public static ElementProps Stroke(double x = 10, double y = 20) => new()
    {
        X = x,
        Y = y,
        Points = [0, 0, 4.5, 3, 9, 8],
        StrokeColor = "#1971c2",
        StrokeWidth = 3,
        Opacity = 1,
        ZIndex = "a0",
    };
}
