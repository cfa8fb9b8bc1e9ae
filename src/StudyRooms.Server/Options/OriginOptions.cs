namespace StudyRooms.Server.Options;

/// <summary>
/// Section "StudyRooms:Origins": which browser origins may open the hub's WebSocket and send
/// state-changing HTTP requests (docs/security.md). The request's own host is always allowed; list
/// others here, e.g. "https://school.example" when a page on another host embeds the client.
/// </summary>
public sealed class OriginOptions
{
    public const string Section = "StudyRooms:Origins";

    public List<string> Allowed { get; set; } = [];
}
