using StudyRooms.Contracts.Boards;

namespace StudyRooms.Grains.Boards;

/// <summary>Validates and merges element properties: pure functions, no state.</summary>
public static class ElementPropsRules
{
    /// <summary>Returns null when valid under the default limits, else a reason naming the bad property.</summary>
    public static string? Validate(ElementProps props) => Validate(props, BoardSettings.Default);

    /// <summary>Returns null when valid under <paramref name="limits"/>, else a reason naming the bad property.</summary>
    public static string? Validate(ElementProps props, BoardSettings limits)
    {
        return Coordinate(props.X, "x")
            ?? Coordinate(props.Y, "y")
            ?? Size(props.Width, "width")
            ?? Size(props.Height, "height")
            ?? Coordinate(props.Angle, "angle")
            ?? Points(props.Points, limits.MaxPointNumbers)
            ?? Color(props.StrokeColor, "strokeColor")
            ?? Fill(props.FillColor)
            ?? Pressures(props.Pressures, props.Points, limits.MaxPointNumbers)
            ?? Binding(props.StartBinding, "startBinding")
            ?? Binding(props.EndBinding, "endBinding")
            ?? Range(props.StrokeWidth, BoardLimits.MinStrokeWidth, BoardLimits.MaxStrokeWidth, "strokeWidth")
            ?? Range(props.Opacity, 0, 1, "opacity")
            ?? Range(props.FontSize, BoardLimits.MinFontSize, BoardLimits.MaxFontSize, "fontSize")
            ?? Text(props.Text, limits.MaxTextLength)
            ?? ZIndex(props.ZIndex);
    }

    /// <summary>
    /// Per-property merge (P-OPS-5): every property the patch names replaces the current one,
    /// every other property is kept.
    /// </summary>
    public static ElementProps Merge(ElementProps current, ElementProps patch) => new()
    {
        X = patch.X ?? current.X,
        Y = patch.Y ?? current.Y,
        Points = patch.Points ?? current.Points,
        Width = patch.Width ?? current.Width,
        Height = patch.Height ?? current.Height,
        Angle = patch.Angle ?? current.Angle,
        StrokeColor = patch.StrokeColor ?? current.StrokeColor,
        FillColor = patch.FillColor ?? current.FillColor,
        StrokeWidth = patch.StrokeWidth ?? current.StrokeWidth,
        Opacity = patch.Opacity ?? current.Opacity,
        Text = patch.Text ?? current.Text,
        FontSize = patch.FontSize ?? current.FontSize,
        ZIndex = patch.ZIndex ?? current.ZIndex,
        Pressures = patch.Pressures ?? current.Pressures,
        StartBinding = patch.StartBinding ?? current.StartBinding,
        EndBinding = patch.EndBinding ?? current.EndBinding,
        Locked = patch.Locked ?? current.Locked,
    };

    /// <summary>Checks what a create of <paramref name="type"/> needs beyond valid properties (P-EL-1).</summary>
    public static string? ValidateCreate(string type, ElementProps? props)
    {
        if (BoardLimits.MinPointNumbersOnCreate.TryGetValue(type, out var min) && (props?.Points?.Length ?? 0) < min)
        {
            return $"a {type} needs at least {min / 2} point(s)";
        }

        return null;
    }

    public static bool IsColor(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value.Skip(1).All(Uri.IsHexDigit);

    /// <summary>True when the number is finite and within the board's coordinate range.</summary>
    public static bool IsCoordinate(double value) =>
        double.IsFinite(value) && Math.Abs(value) <= BoardLimits.MaxCoordinate;

    private static string? Coordinate(double? value, string name) =>
        value is { } v && !IsCoordinate(v)
            ? $"{name} must be a finite number within ±{BoardLimits.MaxCoordinate:0}"
            : null;

    private static string? Points(double[]? points, int maxPointNumbers)
    {
        if (points is null)
        {
            return null;
        }

        if (points.Length > maxPointNumbers)
        {
            return $"points has {points.Length} numbers; at most {maxPointNumbers} are allowed";
        }

        if (points.Length % 2 != 0)
        {
            return "points must hold x, y pairs (an even count of numbers)";
        }

        return points.All(IsCoordinate)
            ? null
            : $"points must be finite numbers within ±{BoardLimits.MaxCoordinate:0}";
    }

    private static string? Size(double? value, string name) =>
        value is { } v && !(IsCoordinate(v) && v >= 0)
            ? $"{name} must be a finite number between 0 and {BoardLimits.MaxCoordinate:0}"
            : null;

    private static string? Fill(string? value) =>
        value is not null && value != "transparent" && !IsColor(value)
            ? "fillColor must be a colour written #rrggbb, or transparent"
            : null;

    private static string? Pressures(double[]? pressures, double[]? points, int maxPointNumbers)
    {
        if (pressures is null)
        {
            return null;
        }

        if (pressures.Length > maxPointNumbers / 2)
        {
            return $"pressures has {pressures.Length} numbers; at most {maxPointNumbers / 2} are allowed";
        }

        if (points is not null && pressures.Length != points.Length / 2)
        {
            return "pressures must hold one number per point";
        }

        return pressures.All(p => double.IsFinite(p) && p is >= 0 and <= 1) ? null : "pressures must be numbers between 0 and 1";
    }

    private static string? Binding(string? value, string name) =>
        value is not null && value.Length > 0 && !Identifiers.IsValid(value)
            ? $"{name} must be an element id or empty"
            : null;

    private static string? Color(string? value, string name) =>
        value is not null && !IsColor(value) ? $"{name} must be a colour written #rrggbb" : null;

    private static string? Range(double? value, double min, double max, string name) =>
        value is { } v && !(double.IsFinite(v) && v >= min && v <= max)
            ? $"{name} must be between {min} and {max}"
            : null;

    private static string? Text(string? text, int maxTextLength)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > maxTextLength)
        {
            return $"text is longer than {maxTextLength} characters";
        }

        return text.Any(c => char.IsControl(c) && c is not '\n' and not '\t') || HasLoneSurrogate(text)
            ? "text contains control characters or invalid UTF-16"
            : null;
    }

    private static string? ZIndex(string? zIndex) =>
        zIndex is not null && (zIndex.Length is 0 or > BoardLimits.MaxZIndexLength || !zIndex.All(char.IsAsciiLetterOrDigit))
            ? $"zIndex must be 1–{BoardLimits.MaxZIndexLength} ASCII letters or digits"
            : null;

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
