using System.Globalization;
using System.Text;
using StudyRooms.Contracts.Boards;

namespace StudyRooms.Server.Endpoints;

/// <summary>
/// Renders a board's live elements to one SVG document (P-EXP-2): every type of P-EL-1, drawn in
/// zIndex order, text escaped, the viewBox fitted to the content with a margin.
/// </summary>
public static class BoardSvg
{
    private const double Margin = 16;

    public static string Render(IEnumerable<BoardElement> elements)
    {
        var ordered = elements
            .OrderBy(e => e.Props.ZIndex ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToArray();
        var body = new StringBuilder();
        (double MinX, double MinY, double MaxX, double MaxY)? bounds = null;
        foreach (var element in ordered)
        {
            var box = Bounds(element);
            bounds = bounds is { } b
                ? (Math.Min(b.MinX, box.MinX), Math.Min(b.MinY, box.MinY), Math.Max(b.MaxX, box.MaxX), Math.Max(b.MaxY, box.MaxY))
                : box;
            Draw(body, element);
        }

        var (x0, y0, x1, y1) = bounds ?? (0, 0, 0, 0);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="{N(x0 - Margin)} {N(y0 - Margin)} {N(x1 - x0 + (2 * Margin))} {N(y1 - y0 + (2 * Margin))}">""");
        svg.Append("""<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>""");
        svg.Append(body);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Draw(StringBuilder svg, BoardElement element)
    {
        var p = element.Props;
        double x = p.X ?? 0, y = p.Y ?? 0, w = p.Width ?? 0, h = p.Height ?? 0;
        var stroke = Attr(p.StrokeColor ?? "#1e1e1e");
        var fill = Attr(p.FillColor ?? "transparent");
        var fillValue = fill == "transparent" ? "none" : fill;
        var strokeWidth = N(p.StrokeWidth ?? 2);
        var opacity = N(p.Opacity ?? (element.Type == "highlighter" ? 0.4 : 1));
        var rotate = p.Angle is { } angle and not 0
            ? $""" transform="rotate({N(angle * 180 / Math.PI)} {N(x + (w / 2))} {N(y + (h / 2))})" """.TrimEnd()
            : "";
        var id = Attr(element.Id);
        switch (element.Type)
        {
            case "freehand" or "highlighter" or "line" or "arrow":
                var points = string.Join(' ', Pairs(p.Points).Select(pt => $"{N(x + pt.X)},{N(y + pt.Y)}"));
                var marker = element.Type == "arrow" ? """ marker-end="url(#arrowhead)" """.TrimEnd() : "";
                var width = element.Type == "highlighter" ? N((p.StrokeWidth ?? 2) * 4) : strokeWidth;
                svg.Append($"""<polyline data-id="{id}" data-type="{element.Type}" points="{points}" fill="none" stroke="{stroke}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round" opacity="{opacity}"{marker}/>""");
                break;
            case "rectangle":
                svg.Append($"""<rect data-id="{id}" data-type="rectangle" x="{N(x)}" y="{N(y)}" width="{N(w)}" height="{N(h)}" fill="{fillValue}" stroke="{stroke}" stroke-width="{strokeWidth}" opacity="{opacity}"{rotate}/>""");
                break;
            case "ellipse":
                svg.Append($"""<ellipse data-id="{id}" data-type="ellipse" cx="{N(x + (w / 2))}" cy="{N(y + (h / 2))}" rx="{N(w / 2)}" ry="{N(h / 2)}" fill="{fillValue}" stroke="{stroke}" stroke-width="{strokeWidth}" opacity="{opacity}"{rotate}/>""");
                break;
            case "diamond":
                svg.Append($"""<polygon data-id="{id}" data-type="diamond" points="{N(x + (w / 2))},{N(y)} {N(x + w)},{N(y + (h / 2))} {N(x + (w / 2))},{N(y + h)} {N(x)},{N(y + (h / 2))}" fill="{fillValue}" stroke="{stroke}" stroke-width="{strokeWidth}" opacity="{opacity}"{rotate}/>""");
                break;
            case "text":
                Text(svg, element, x, y, stroke, opacity, rotate);
                break;
            case "sticky":
                svg.Append($"""<g data-id="{id}" data-type="sticky"{rotate}><rect x="{N(x)}" y="{N(y)}" width="{N(w)}" height="{N(h)}" fill="{(fillValue == "none" ? "#ffec99" : fillValue)}" opacity="{opacity}"/>""");
                Text(svg, element with { Type = "sticky-text" }, x + 8, y + 8, "#1e1e1e", opacity, "");
                svg.Append("</g>");
                break;
        }
    }

    private static void Text(StringBuilder svg, BoardElement element, double x, double y, string color, string opacity, string rotate)
    {
        var size = element.Props.FontSize ?? 20;
        svg.Append($"""<text data-id="{Attr(element.Id)}" data-type="{element.Type}" x="{N(x)}" y="{N(y)}" font-family="sans-serif" font-size="{N(size)}" fill="{color}" opacity="{opacity}" dominant-baseline="hanging"{rotate}>""");
        var lines = (element.Props.Text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            svg.Append($"""<tspan x="{N(x)}" dy="{(i == 0 ? "0" : N(size * 1.25))}">{Escape(lines[i])}</tspan>""");
        }

        svg.Append("</text>");
    }

    private static (double MinX, double MinY, double MaxX, double MaxY) Bounds(BoardElement element)
    {
        var p = element.Props;
        double x = p.X ?? 0, y = p.Y ?? 0;
        if (p.Points is { Length: >= 2 } && element.Type is "freehand" or "highlighter" or "line" or "arrow")
        {
            var pairs = Pairs(p.Points).ToArray();
            var pad = (p.StrokeWidth ?? 2) * (element.Type == "highlighter" ? 2 : 0.5);
            return (x + pairs.Min(q => q.X) - pad, y + pairs.Min(q => q.Y) - pad, x + pairs.Max(q => q.X) + pad, y + pairs.Max(q => q.Y) + pad);
        }

        return (x, y, x + (p.Width ?? 0), y + (p.Height ?? 0));
    }

    private static IEnumerable<(double X, double Y)> Pairs(double[]? points)
    {
        for (var i = 0; points is not null && i + 1 < points.Length; i += 2)
        {
            yield return (points[i], points[i + 1]);
        }
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Attr(string value) => Escape(value);

    private static string Escape(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&apos;", StringComparison.Ordinal);
}
