using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves over real HTTP that a board exports as JSON and as SVG (every element type, text escaped,
// viewBox fitted), imports as new ordered and broadcast ops with fresh ids, refuses a bad file whole,
// and answers 404 ROOM_NOT_FOUND or 401 where it must (P-EXP-1, P-EXP-2, P-EXP-3, P-ERR-2).
[Collection(HostCollection.Name)]
public sealed class BoardExportTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task TheJsonExportHoldsTheLiveElementsAndTheClock_P_EXP_1()
    {
        var (ada, roomId, client) = await RoomWithBoardAsync();
        await using var _ = client;
        using var http = Host.CreateHttpClient(ada);

        var file = await http.GetFromJsonAsync<BoardExport>($"/api/rooms/{roomId}/board.json", ServerClient.Json);

        Assert.Equal(1, file!.Format);
        Assert.Equal(roomId, file.RoomId);
        Assert.Equal(AllTypes.Length + 1, file.Clock);
        Assert.Equal(AllTypes.Select(t => "e_" + t.Type).Where(id => id != "e_rectangle").Order(), file.Elements!.Select(e => e.Id).Order());
    }

    [Fact]
    public async Task TheSvgExportDrawsEveryTypeEscapesTextAndFitsTheContent_P_EXP_2()
    {
        var (ada, roomId, client) = await RoomWithBoardAsync();
        await using var _ = client;
        using var http = Host.CreateHttpClient(ada);

        var response = await http.GetAsync($"/api/rooms/{roomId}/board.svg");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var svg = XDocument.Parse(text).Root!; // well-formed XML: the hostile text was escaped
        XNamespace ns = "http://www.w3.org/2000/svg";
        var drawn = svg.Descendants().Where(e => e.Attribute("data-type") is not null).Select(e => (string)e.Attribute("data-type")!).ToHashSet();
        Assert.Superset(new HashSet<string> { "freehand", "highlighter", "line", "arrow", "ellipse", "diamond", "text", "sticky" }, drawn);
        Assert.DoesNotContain("rectangle", drawn); // deleted before the export
        Assert.Contains("&lt;script&gt;", text);
        Assert.Equal("<script>alert(1)</script> & co", string.Concat(svg.Descendants(ns + "text").First(t => (string?)t.Attribute("data-type") == "text").Descendants(ns + "tspan").First().Value));
        // Content spans x 92…700 (the highlighter's wide stroke) and y -50…400 (see AllTypes); plus a 16 margin.
        Assert.Equal("76 -66 640 482", (string)svg.Attribute("viewBox")!);
    }

    [Fact]
    public async Task ImportAddsTheFileAsNewOpsWithFreshIdsAndPeersSeeThem_P_EXP_3()
    {
        var (ada, roomId, client) = await RoomWithBoardAsync();
        await using var _ = client;
        using var http = Host.CreateHttpClient(ada);
        var file = await http.GetFromJsonAsync<BoardExport>($"/api/rooms/{roomId}/board.json", ServerClient.Json);
        client.OpsApplied.Clear();

        var response = await http.PostAsJsonAsync($"/api/rooms/{roomId}/board.json", file, ServerClient.Json);

        response.EnsureSuccessStatusCode();
        var result = (await response.Content.ReadFromJsonAsync<ImportBoardResult>(ServerClient.Json))!;
        Assert.Equal(file!.Elements!.Length, result.ElementIds.Length);
        Assert.Empty(result.ElementIds.Intersect(file.Elements.Select(e => e.Id)));
        Assert.Equal(file.Clock + file.Elements.Length, result.Clock);
        var after = await http.GetFromJsonAsync<BoardExport>($"/api/rooms/{roomId}/board.json", ServerClient.Json);
        Assert.Equal(file.Elements.Length * 2, after!.Elements!.Length);
        // The imported arrow follows the imported ellipse to its new id.
        var arrowIndex = Array.FindIndex(file.Elements, e => e.Type == "arrow");
        var ellipseIndex = Array.FindIndex(file.Elements, e => e.Type == "ellipse");
        var importedArrow = after.Elements.Single(e => e.Id == result.ElementIds[arrowIndex]);
        Assert.Equal(result.ElementIds[ellipseIndex], importedArrow.Props.EndBinding);
        await Poll.UntilAsync(() => client.OpsApplied.Sum(e => e.Ops.Length) >= file.Elements.Length, "the import reaches the room");
    }

    [Fact]
    public async Task ABadFileIsRefusedWholeWithProblemDetails_P_EXP_3()
    {
        var (ada, roomId, client) = await RoomWithBoardAsync();
        await using var _ = client;
        using var http = Host.CreateHttpClient(ada);
        var bad = new BoardExport
        {
            Elements =
            [
                new BoardElement { Id = "a", Type = "rectangle", CreatedBy = "x", Props = new ElementProps { Width = 5, Height = 5 } },
                new BoardElement { Id = "b", Type = "triangle", CreatedBy = "x", Props = new ElementProps() },
            ],
        };

        var response = await http.PostAsJsonAsync($"/api/rooms/{roomId}/board.json", bad, ServerClient.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ErrorCodes.InvalidRequest, await response.Content.ReadAsStringAsync());
        var after = await http.GetFromJsonAsync<BoardExport>($"/api/rooms/{roomId}/board.json", ServerClient.Json);
        Assert.Equal(AllTypes.Length + 1, after!.Clock);
    }

    [Fact]
    public async Task UnknownRoomsAre404AndAnonymousCallersAre401_P_ERR_2()
    {
        var ada = await Host.SignInAsync("Ada");
        var room = await Host.CreateRoomAsync(ada);
        using var signedIn = Host.CreateHttpClient(ada);
        using var anonymous = Host.CreateHttpClient();

        var missing = await signedIn.GetAsync("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/board.svg");
        var import = await signedIn.PostAsJsonAsync("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/board.json", new BoardExport { Elements = [] }, ServerClient.Json);
        var noToken = await anonymous.GetAsync($"/api/rooms/{room.RoomId}/board.json");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(ErrorCodes.RoomNotFound, await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, import.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
    }

    private static readonly (string Type, ElementProps Props)[] AllTypes =
    [
        ("freehand", new ElementProps { X = 100, Y = 100, Points = [0, 0, 10, 10], StrokeWidth = 2, ZIndex = "a1" }),
        ("highlighter", new ElementProps { X = 100, Y = 200, Points = [0, 0, 50, 0], StrokeWidth = 4, ZIndex = "a2" }),
        ("line", new ElementProps { X = 200, Y = 100, Points = [0, 0, 100, 0], StrokeWidth = 2, ZIndex = "a3" }),
        ("arrow", new ElementProps { X = 200, Y = 150, Points = [0, 0, 100, 50], StrokeWidth = 2, EndBinding = "e_ellipse", ZIndex = "a4" }),
        ("rectangle", new ElementProps { X = -5000, Y = -5000, Width = 10, Height = 10, ZIndex = "a5" }),
        ("ellipse", new ElementProps { X = 300, Y = 200, Width = 100, Height = 50, FillColor = "#ffec99", ZIndex = "a6" }),
        ("diamond", new ElementProps { X = 400, Y = -50, Width = 60, Height = 90, ZIndex = "a7" }),
        ("text", new ElementProps { X = 500, Y = 300, Width = 200, Height = 100, Text = "<script>alert(1)</script> & co\nline two", FontSize = 20, ZIndex = "a8" }),
        ("sticky", new ElementProps { X = 600, Y = 0, Width = 100, Height = 100, Text = "Chain rule", FillColor = "#b2f2bb", ZIndex = "a9" }),
    ];

    private async Task<(TestUser Ada, string RoomId, RoomClient Client)> RoomWithBoardAsync()
    {
        var ada = await Host.SignInAsync("Ada");
        var room = await Host.CreateRoomAsync(ada);
        var client = await RoomClient.ConnectAsync(Host, ada);
        await client.JoinAsync(room.RoomId);
        await client.PushAsync(room.RoomId, AllTypes.Select(t => new ElementOp
        {
            Kind = ElementOpKind.Create,
            ElementId = "e_" + t.Type,
            ClientSeq = client.NextSeq(),
            Type = t.Type,
            Props = t.Props,
        }).ToArray());
        await client.PushAsync(room.RoomId, new ElementOp { Kind = ElementOpKind.Delete, ElementId = "e_rectangle", ClientSeq = client.NextSeq() });
        return (ada, room.RoomId, client);
    }
}
