using StudyRooms.Grains.Rooms;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves that a user's colour is a fixed function of the user id: the same in every process and
// release (people recognise themselves by it), always a #rrggbb palette entry, and spread across users.
public sealed class ParticipantColorsTests
{
    [Fact]
    public void SameUserAlwaysGetsTheSameColour()
    {
        var userId = "u_" + Guid.NewGuid().ToString("N");
        var copy = new string(userId.ToCharArray());

        Assert.Equal(ParticipantColors.For(userId), ParticipantColors.For(copy));
    }

    [Theory]
    // Pinned values: string.GetHashCode differs per process; FNV-1a over the UTF-16 code units must not.
    // Expected values computed outside .NET with the same FNV-1a.
    [InlineData("", "#2f9e44")]
    [InlineData("u_ada", "#e8590c")]
    [InlineData("u_bob", "#1971c2")]
    [InlineData("u_😀", "#1971c2")]
    public void ColourIsStableAcrossProcesses(string userId, string colour)
    {
        Assert.Equal(colour, ParticipantColors.For(userId));
    }

    [Fact]
    public void ColoursAreHexAndSpreadAcrossThePalette()
    {
        var colours = Enumerable.Range(0, 300).Select(i => ParticipantColors.For($"u_{i}")).ToList();

        Assert.All(colours, c => Assert.Matches("^#[0-9a-f]{6}$", c));
        Assert.Equal(10, colours.Distinct().Count());
    }
}
