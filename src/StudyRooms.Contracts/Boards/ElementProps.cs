namespace StudyRooms.Contracts.Boards;

/// <summary>
/// The properties of a board element. Every member is optional: in a patch an absent member means
/// "unchanged", so two users changing different properties of one element both win (per-property
/// merge in server order). New properties are added as new members with new ids.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ElementProps")]
public sealed record ElementProps
{
    [Id(0)] public double? X { get; init; }
    [Id(1)] public double? Y { get; init; }
    /// <summary>Flat [dx0, dy0, dx1, dy1, …] relative to X, Y.</summary>
    [Id(2)] public double[]? Points { get; init; }
    [Id(3)] public double? Width { get; init; }
    [Id(4)] public double? Height { get; init; }
    [Id(5)] public double? Angle { get; init; }
    [Id(6)] public string? StrokeColor { get; init; }
    [Id(7)] public string? FillColor { get; init; }
    [Id(8)] public double? StrokeWidth { get; init; }
    [Id(9)] public double? Opacity { get; init; }
    [Id(10)] public string? Text { get; init; }
    [Id(11)] public double? FontSize { get; init; }
    /// <summary>Fractional index string ordering elements bottom to top.</summary>
    [Id(12)] public string? ZIndex { get; init; }
    /// <summary>One pressure in [0, 1] per point (P-EL-2).</summary>
    [Id(13)] public double[]? Pressures { get; init; }
    /// <summary>Element an arrow's start is attached to; "" for none (P-EL-2).</summary>
    [Id(14)] public string? StartBinding { get; init; }
    /// <summary>Element an arrow's end is attached to; "" for none (P-EL-2).</summary>
    [Id(15)] public string? EndBinding { get; init; }
    /// <summary>Locked by the owner or a mentor: only they may change or delete it, or unlock it (P-MOD-7).</summary>
    [Id(16)] public bool? Locked { get; init; }
}
