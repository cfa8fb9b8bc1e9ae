using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves every element type of P-EL-1 goes through the real hub with its properties intact, bad
// shapes of P-EL-2 are refused with a reason, and cursors travel on the volatile path (P-LIVE-3).
[Collection(HostCollection.Name)]
public sealed class BoardElementTypesTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    public static TheoryData<string, ElementProps> ValidElements => new()
    {
        { "freehand", new ElementProps { X = 1, Y = 2, Points = [0, 0, 3, 4], Pressures = [0.2, 0.9], StrokeColor = "#1e1e1e", StrokeWidth = 2 } },
        { "highlighter", new ElementProps { X = 1, Y = 2, Points = [0, 0, 30, 0], StrokeColor = "#f08c00", StrokeWidth = 16, Opacity = 0.4 } },
        { "line", new ElementProps { X = 0, Y = 0, Points = [0, 0, 100, 50], StrokeColor = "#1971c2" } },
        { "arrow", new ElementProps { X = 0, Y = 0, Points = [0, 0, 40, 40, 100, 50], StartBinding = "e_box", EndBinding = "" } },
        { "rectangle", new ElementProps { X = 10, Y = 10, Width = 200, Height = 100, Angle = 0.5, FillColor = "transparent", StrokeColor = "#e03131" } },
        { "ellipse", new ElementProps { X = 10, Y = 10, Width = 80, Height = 80, FillColor = "#ffec99" } },
        { "diamond", new ElementProps { X = 10, Y = 10, Width = 60, Height = 90 } },
        { "text", new ElementProps { X = 5, Y = 5, Width = 120, Height = 30, Text = "∫ f(x) dx\nline two", FontSize = 24, StrokeColor = "#1e1e1e" } },
        { "sticky", new ElementProps { X = 5, Y = 5, Width = 200, Height = 200, Text = "Remember the chain rule", FontSize = 20, FillColor = "#ffec99" } },
    };

    [Theory]
    [MemberData(nameof(ValidElements))]
    public async Task EveryElementTypeIsAcceptedAndReachesPeersIntact(string type, ElementProps props) // P-EL-1
    {
        var (ada, bob, roomId) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var op = new ElementOp { Kind = ElementOpKind.Create, ElementId = "e_" + type, ClientSeq = ada.NextSeq(), Type = type, Props = props };

        await ada.PushAsync(roomId, op);

        await Poll.UntilAsync(() => !bob.OpsApplied.IsEmpty, "Bob receives the element");
        var received = Assert.Single(Assert.Single(bob.OpsApplied).Ops);
        Assert.Equal(type, received.Type);
        Assert.Equivalent(props, received.Props, strict: true);
        var element = Assert.Single((await bob.JoinAsync(roomId)).Board!.Elements);
        Assert.Equivalent(props, element.Props, strict: true);
    }

    public static TheoryData<string, ElementProps, string> InvalidElements => new()
    {
        { "triangle", new ElementProps { X = 0, Y = 0 }, "type must be one of" },
        { "line", new ElementProps { X = 0, Y = 0, Points = [0, 0] }, "a line needs at least 2 point(s)" },
        { "freehand", new ElementProps { Points = [0, 0, 1, 1], Pressures = [0.5] }, "pressures must hold one number per point" },
        { "freehand", new ElementProps { Points = [0, 0], Pressures = [1.5] }, "pressures must be numbers between 0 and 1" },
        { "rectangle", new ElementProps { Width = -5, Height = 10 }, "width must be a finite number between 0" },
        { "rectangle", new ElementProps { Width = 5, Height = 10, FillColor = "none" }, "fillColor must be a colour" },
        { "arrow", new ElementProps { Points = [0, 0, 1, 1], EndBinding = "not an id!" }, "endBinding must be an element id or empty" },
    };

    [Theory]
    [MemberData(nameof(InvalidElements))]
    public async Task MalformedElementsAreRefusedWithAReasonAndChangeNothing(string type, ElementProps props, string reason) // P-EL-2, P-ERR-3
    {
        var (ada, bob, roomId) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        var op = new ElementOp { Kind = ElementOpKind.Create, ElementId = "e_bad", ClientSeq = ada.NextSeq(), Type = type, Props = props };

        var error = await Assert.ThrowsAsync<HubException>(() => ada.PushAsync(roomId, op));

        var (code, text) = HubErrors.Parse(error);
        Assert.Equal(ErrorCodes.InvalidRequest, code);
        Assert.Contains(reason, text);
        Assert.Empty((await bob.JoinAsync(roomId)).Board!.Elements);
    }

    [Fact]
    public async Task CursorsReachTheOthersAndMalformedOnesAreDropped() // P-LIVE-3
    {
        var (ada, bob, roomId) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;

        await ada.Connection.SendAsync("MoveCursor", new CursorUpdate { RoomId = roomId, X = 2e6, Y = 1 });
        await ada.Connection.SendAsync("MoveCursor", new CursorUpdate
        {
            RoomId = roomId, X = 10, Y = 20, Visible = true, Laser = true, Selection = ["e_1"],
            Viewport = new Viewport { X = 0, Y = 0, Width = 800, Height = 600 },
        });

        await Poll.UntilAsync(() => !bob.CursorsMoved.IsEmpty, "Bob sees Ada's cursor");
        var cursor = Assert.Single(bob.CursorsMoved);
        Assert.Equal(ada.User.UserId, cursor.UserId);
        Assert.Equal((10.0, 20.0, true), (cursor.X, cursor.Y, cursor.Laser));
        Assert.Equal(["e_1"], cursor.Selection!);
        Assert.Equal(800, cursor.Viewport!.Width);
        Assert.Empty(ada.CursorsMoved);
    }

    private async Task<(RoomClient Ada, RoomClient Bob, string RoomId)> TwoInARoomAsync()
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        var adaClient = await RoomClient.ConnectAsync(Host, ada);
        var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await adaClient.JoinAsync(room.RoomId);
        await bobClient.JoinAsync(room.RoomId);
        return (adaClient, bobClient, room.RoomId);
    }
}
