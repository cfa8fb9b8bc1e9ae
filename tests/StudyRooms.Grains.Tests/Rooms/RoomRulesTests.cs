using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves the shape rules for typed names and room ids of P-AUTH-2 and P-ROOM-1, and the room link of P-ROOM-2.
public sealed class RoomRulesTests
{
    [Theory]
    [InlineData("Calculus", "Calculus")]
    [InlineData("  Calculus  ", "Calculus")]
    [InlineData("\tLinear algebra\n", "Linear algebra")]
    [InlineData("Ünïcödé ∫ 😀", "Ünïcödé ∫ 😀")]
    public void CleanTextTrims_P_ROOM_1(string raw, string expected)
    {
        Assert.Equal((expected, null), RoomRules.CleanText(raw, "name", 1, RoomRules.MaxRoomNameLength));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CleanTextRequiresARequiredField(string? raw)
    {
        var (value, error) = RoomRules.CleanText(raw, "name", 1, RoomRules.MaxRoomNameLength);

        Assert.Null(value);
        Assert.Equal("name is required", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void CleanTextAcceptsAnEmptyOptionalField(string? raw)
    {
        Assert.Equal(("", null), RoomRules.CleanText(raw, "topic", 0, RoomRules.MaxTopicLength));
    }

    [Fact]
    public void CleanTextNamesAMinimumAboveOne()
    {
        Assert.Equal((null, "code needs at least 3 characters"), RoomRules.CleanText("ab", "code", 3, 10));
    }

    [Fact]
    public void CleanTextMeasuresLengthAfterTrimming_P_ROOM_1()
    {
        var eighty = new string('n', 80);

        Assert.Equal((eighty, null), RoomRules.CleanText($"  {eighty}  ", "name", 1, RoomRules.MaxRoomNameLength));
        Assert.Equal((null, "name is longer than 80 characters"), RoomRules.CleanText(eighty + "n", "name", 1, RoomRules.MaxRoomNameLength));
        Assert.Equal((null, "displayName is longer than 40 characters"), RoomRules.CleanText(new string('d', 41), "displayName", 1, RoomRules.MaxDisplayNameLength));
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("two\nlines")]
    [InlineData("tab\tinside")]
    [InlineData("esc\u001b")]
    [InlineData("del\u007f")]
    public void CleanTextRefusesControlCharacters_P_AUTH_2(string raw)
    {
        Assert.Equal((null, "name contains control characters"), RoomRules.CleanText(raw, "name", 1, RoomRules.MaxRoomNameLength));
    }

    [Theory]
    [InlineData("AbCdEfGhIjKlMnOpQrStUv")]
    [InlineData("0123456789-_0123456789")]
    [InlineData("____________________--")]
    public void IsRoomIdAcceptsTwentyTwoUrlSafeCharacters_P_ROOM_1(string roomId)
    {
        Assert.True(RoomRules.IsRoomId(roomId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AbCdEfGhIjKlMnOpQrStU")]
    [InlineData("AbCdEfGhIjKlMnOpQrStUvW")]
    [InlineData("AbCdEfGhIjKlMnOpQrSt+/")]
    [InlineData("AbCdEfGhIjKlMnOpQrStU=")]
    [InlineData("AbCdEfGhIjKlMnOpQrStU ")]
    [InlineData("ÄbCdEfGhIjKlMnOpQrStUv")]
    [InlineData("AbCdEfGhIjKlMnOpQrStU٣")]
    public void IsRoomIdRefusesEverythingElse_P_ROOM_1(string? roomId)
    {
        Assert.False(RoomRules.IsRoomId(roomId));
    }

    [Fact]
    public void GeneratedTestRoomIdsAreRoomIds()
    {
        Assert.All(Enumerable.Range(0, 50).Select(_ => TestIds.Room()), id => Assert.True(RoomRules.IsRoomId(id), id));
    }

    [Fact]
    public void LinkIsTheRoomPagePath_P_ROOM_2()
    {
        Assert.Equal("/r/AbCdEfGhIjKlMnOpQrStUv", RoomRules.LinkFor("AbCdEfGhIjKlMnOpQrStUv"));
    }
}
