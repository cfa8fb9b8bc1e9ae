using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;

namespace StudyRooms.Grains.Tests.Boards;

// Proves that element properties are checked against the limits of P-OPS-4 (naming the bad
// property) and merged per property as P-OPS-5 says.
public sealed class ElementPropsRulesTests
{
    public static TheoryData<string, ElementProps> BadCoordinates()
    {
        var data = new TheoryData<string, ElementProps>();
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1_000_000.5, -1_000_001 })
        {
            data.Add("x", new() { X = bad });
            data.Add("y", new() { Y = bad });
            data.Add("width", new() { Width = bad });
            data.Add("height", new() { Height = bad });
            data.Add("angle", new() { Angle = bad });
        }

        return data;
    }

    [Fact]
    public void ValidPropsPass()
    {
        var props = new ElementProps
        {
            X = -1_000_000,
            Y = 1_000_000,
            Points = [0, 0, 1.5, -2.25, 999_999, -999_999],
            Width = 0,
            Height = 12.5,
            Angle = 3.14159,
            StrokeColor = "#1e1e1e",
            FillColor = "#FFFFFF",
            StrokeWidth = 2,
            Opacity = 0.5,
            Text = "Limits\tand\ncontinuity 😀 ∫ dx",
            FontSize = 20,
            ZIndex = "a0V",
        };

        Assert.Null(ElementPropsRules.Validate(props));
        Assert.Null(ElementPropsRules.Validate(new ElementProps()));
    }

    [Theory]
    [MemberData(nameof(BadCoordinates))]
    public void CoordinatesMustBeFiniteAndWithinAMillion_P_OPS_4(string property, ElementProps props)
    {
        var reason = ElementPropsRules.Validate(props);

        Assert.NotNull(reason);
        Assert.StartsWith(property + " ", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(19_999)]
    public void PointsMustComeInPairs_P_OPS_4(int count)
    {
        var reason = ElementPropsRules.Validate(new() { Points = new double[count] });

        Assert.Contains("pairs", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PointsHoldAtMost20000Numbers_P_OPS_4()
    {
        Assert.Null(ElementPropsRules.Validate(new() { Points = new double[20_000] }));
        Assert.Null(ElementPropsRules.Validate(new() { Points = [] }));

        var reason = ElementPropsRules.Validate(new() { Points = new double[20_002] });
        Assert.Contains("at most 20000", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1_000_001)]
    [InlineData(-1_000_001)]
    public void EveryPointMustBeAFiniteCoordinate_P_OPS_4(double bad)
    {
        var reason = ElementPropsRules.Validate(new() { Points = [0, 0, 5, bad] });

        Assert.StartsWith("points", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e1e1e")]
    [InlineData("#1e1e1")]
    [InlineData("#1e1e1eff")]
    [InlineData("#gggggg")]
    [InlineData("#12 456")]
    [InlineData("red")]
    [InlineData("")]
    public void ColoursMustBeWrittenHashRrggbb_P_OPS_4(string bad)
    {
        Assert.StartsWith("strokeColor", ElementPropsRules.Validate(new() { StrokeColor = bad }), StringComparison.Ordinal);
        Assert.StartsWith("fillColor", ElementPropsRules.Validate(new() { FillColor = bad }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#000000")]
    [InlineData("#abcdef")]
    [InlineData("#ABCDEF")]
    public void HexColoursInEitherCasePass(string colour)
    {
        Assert.True(ElementPropsRules.IsColor(colour));
        Assert.Null(ElementPropsRules.Validate(new() { StrokeColor = colour, FillColor = colour }));
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(64, true)]
    [InlineData(0.49, false)]
    [InlineData(0, false)]
    [InlineData(64.01, false)]
    [InlineData(-2, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void StrokeWidthIsBetweenHalfAnd64_P_OPS_4(double width, bool valid)
    {
        var reason = ElementPropsRules.Validate(new() { StrokeWidth = width });

        AssertValidity(valid, "strokeWidth", reason);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(0.3, true)]
    [InlineData(-0.01, false)]
    [InlineData(1.01, false)]
    [InlineData(double.NaN, false)]
    public void OpacityIsBetweenZeroAndOne_P_OPS_4(double opacity, bool valid)
    {
        var reason = ElementPropsRules.Validate(new() { Opacity = opacity });

        AssertValidity(valid, "opacity", reason);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(512, true)]
    [InlineData(0.5, false)]
    [InlineData(513, false)]
    [InlineData(double.NaN, false)]
    public void FontSizeIsBetweenOneAnd512(double fontSize, bool valid)
    {
        var reason = ElementPropsRules.Validate(new() { FontSize = fontSize });

        AssertValidity(valid, "fontSize", reason);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("bell\u0007")]
    [InlineData("escape \u001b[31m")]
    [InlineData("carriage\rreturn")]
    [InlineData("delete\u007f")]
    [InlineData("next line\u0085")]
    public void TextMustNotHoldControlCharacters(string text)
    {
        Assert.StartsWith("text", ElementPropsRules.Validate(new() { Text = text }), StringComparison.Ordinal);
    }

    // Built at run time and kept out of discovery: test case serialization would turn a lone
    // surrogate into U+FFFD before the test sees it.
    public static TheoryData<string> LoneSurrogates() => new()
    {
        "lone high \ud83d",
        "\ude00 lone low",
        "reversed \ude00\ud83d pair",
        "\ud83d\ud83d",
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates), DisableDiscoveryEnumeration = true)]
    public void TextMustNotHoldLoneSurrogates(string text)
    {
        Assert.Contains(text, char.IsSurrogate);
        Assert.StartsWith("text", ElementPropsRules.Validate(new() { Text = text }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("col\tcol")]
    [InlineData("emoji 😀 and 𝔸")]
    [InlineData("")]
    public void TextMayHoldNewlinesTabsAndSurrogatePairs(string text)
    {
        Assert.Null(ElementPropsRules.Validate(new() { Text = text }));
    }

    [Fact]
    public void TextHoldsAtMost2000Characters_P_OPS_4()
    {
        Assert.Null(ElementPropsRules.Validate(new() { Text = new string('t', 2_000) }));
        Assert.Contains("2000", ElementPropsRules.Validate(new() { Text = new string('t', 2_001) }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-0")]
    [InlineData("a 0")]
    [InlineData("ä0")]
    public void ZIndexIsAsciiLettersAndDigits(string zIndex)
    {
        Assert.StartsWith("zIndex", ElementPropsRules.Validate(new() { ZIndex = zIndex }), StringComparison.Ordinal);
    }

    [Fact]
    public void ZIndexHoldsAtMost64Characters()
    {
        Assert.Null(ElementPropsRules.Validate(new() { ZIndex = new string('Z', 64) }));
        Assert.NotNull(ElementPropsRules.Validate(new() { ZIndex = new string('Z', 65) }));
    }

    [Fact]
    public void MergeReplacesNamedPropertiesAndKeepsTheRest_P_OPS_5()
    {
        var current = new ElementProps { X = 1, Y = 2, Points = [0, 0, 1, 1], StrokeColor = "#1e1e1e", Text = "old", ZIndex = "a0" };
        var patch = new ElementProps { X = 10, Text = "new", Opacity = 0.5 };

        var merged = ElementPropsRules.Merge(current, patch);

        Assert.Equal(10, merged.X);
        Assert.Equal(2, merged.Y);
        Assert.Same(current.Points, merged.Points);
        Assert.Equal("#1e1e1e", merged.StrokeColor);
        Assert.Equal("new", merged.Text);
        Assert.Equal(0.5, merged.Opacity);
        Assert.Equal("a0", merged.ZIndex);
        Assert.Null(merged.FillColor);
    }

    [Fact]
    public void MergeWithAnEmptyPatchChangesNothing()
    {
        var current = new ElementProps { X = 1, Angle = 0.25, FillColor = "#ffffff", FontSize = 20 };

        Assert.Equal(current, ElementPropsRules.Merge(current, new ElementProps()));
    }

    private static void AssertValidity(bool valid, string property, string? reason)
    {
        if (valid)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.StartsWith(property, reason, StringComparison.Ordinal);
        }
    }
}
