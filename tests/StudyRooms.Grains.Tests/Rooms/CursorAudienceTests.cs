using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves the rule of P-LIVE-4 in isolation: up to the threshold every connection receives cursors,
// above it viewers' connections leave the audience, and they come back when the room shrinks.
public sealed class CursorAudienceTests
{
    [Fact]
    public void ViewersLeaveTheAudienceAboveTheThresholdAndComeBackBelowIt_P_LIVE_4()
    {
        var audience = new CursorAudience();
        (string, RoomRole)[] small = [("owner-1", RoomRole.Owner), ("viewer-1", RoomRole.Viewer)];
        (string, RoomRole)[] large = [.. small, ("member-1", RoomRole.Member), ("member-2", RoomRole.Member)];

        Assert.Equal("+owner-1,viewer-1 -", Sorted(audience.Update(small, participants: 2, maxParticipantsForViewers: 2)));
        Assert.Equal("+member-1,member-2 -viewer-1", Sorted(audience.Update(large, participants: 3, maxParticipantsForViewers: 2)));
        Assert.Equal("+ -", Sorted(audience.Update(large, participants: 3, maxParticipantsForViewers: 2)));
        Assert.Equal("+viewer-1 -member-1,member-2", Sorted(audience.Update(small, participants: 2, maxParticipantsForViewers: 2)));
        Assert.Equal(["owner-1", "viewer-1"], audience.Connections.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AThresholdOfZeroKeepsViewersOutAlways_P_LIVE_4()
    {
        var audience = new CursorAudience();

        var (added, removed) = audience.Update([("viewer-1", RoomRole.Viewer), ("mentor-1", RoomRole.Mentor)], participants: 2, maxParticipantsForViewers: 0);

        Assert.Equal(["mentor-1"], added);
        Assert.Empty(removed);
    }

    private static string Sorted((string[] Added, string[] Removed) change) =>
        $"+{string.Join(',', change.Added.Order(StringComparer.Ordinal))} -{string.Join(',', change.Removed.Order(StringComparer.Ordinal))}";
}
