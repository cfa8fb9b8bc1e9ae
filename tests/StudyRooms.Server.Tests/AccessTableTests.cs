using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Auth;
using StudyRooms.Server.Hubs;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the access table of docs/security.md: it and docs/permissions.md together list every hub
// method and every mapped endpoint (found from the running app's EndpointDataSource), and every cell
// of docs/security.md, read from the markdown itself, is the answer the real host gives that caller.
// The cells of docs/permissions.md are walked by PermissionMatrixTests.
public sealed partial class AccessTableTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string[] Callers = ["unauthenticated", "not in room", "banned", "viewer", "member", "mentor", "owner"];

    private StudyRoomsHost Host => fixture.Host;

    public static TheoryData<string, string, string> Cells()
    {
        var cells = new TheoryData<string, string, string>();
        foreach (var (action, answers) in Table("security.md"))
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                cells.Add(action, Callers[i], answers[i]);
            }
        }

        return cells;
    }

    [Fact]
    public void TheTablesListEveryHubMethodAndEveryEndpoint()
    {
        var documented = Table("security.md").Concat(Table("permissions.md"))
            .SelectMany(row => Names().Matches(row.Action).Select(m => Normalize(m.Groups[1].Value)))
            .SelectMany(name => new[] { name, AnyVerb(name) })
            .ToHashSet(StringComparer.Ordinal);

        var hubMethods = HubFuzzer.Discover(typeof(RoomHub)).Select(m => m.Name);
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // An endpoint mapped for any verb (the hub's, health checks, the client's fallback) matches a row of any verb.
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Where(verb => verb != "OPTIONS" && verb != "HEAD")
                .Select(verb => Normalize($"{verb} /{e.RoutePattern.RawText!.Trim('/')}")));

        var missing = hubMethods.Concat(endpoints).Distinct().Where(name => !documented.Contains(name)).ToArray();
        Assert.True(missing.Length == 0, "Not in docs/security.md or docs/permissions.md: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EveryCellIsTheAnswerTheHostGives(string action, string caller, string expected)
    {
        await using var room = await RoomWithCallerAsync(caller, readOnly: action.Contains("read-only", StringComparison.Ordinal), withAccount: action.Contains("/api/sessions/password", StringComparison.Ordinal));
        Assert.Equal(expected, await AnswerAsync(action, room));
    }

    /// <summary>The rows of the first table in docs/<paramref name="file"/> whose cells are the seven callers.</summary>
    private static IEnumerable<(string Action, string[] Answers)> Table(string file)
    {
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", file)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length != Callers.Length + 3 || !cells[1].Contains('`', StringComparison.Ordinal))
            {
                continue;
            }

            yield return (cells[1], cells[2..^1].Select(c => c.Trim('`')).ToArray());
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StudyRooms.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"StudyRooms.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>"POST /api/rooms/{id}" and "POST /api/rooms/{roomId}/" name the same endpoint.</summary>
    private static string Normalize(string name) => Parameter().Replace(name.Split('?')[0].TrimEnd('/'), "{}");

    private static string AnyVerb(string name) => name.Contains(' ', StringComparison.Ordinal) ? "*" + name[name.IndexOf(' ', StringComparison.Ordinal)..] : name;

    private async Task<string> AnswerAsync(string action, ArrangedRoom room)
    {
        var name = Names().Match(action).Groups[1].Value;
        if (name == "GET /hubs/room")
        {
            try
            {
                await using var socket = await RawHubClient.ConnectAsync(Host.BaseAddress, room.Caller?.User.Token);
                return "101";
            }
            catch (System.Net.WebSockets.WebSocketException e) when (e.Message.Contains("401", StringComparison.Ordinal))
            {
                return "401";
            }
        }

        using var http = Host.CreateHttpClient(room.Caller?.User);
        var path = name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace("{roomId}", room.RoomId, StringComparison.Ordinal)
            .Replace("{code}", room.RoomId + "AAAAAAAAAAAAAAAAAAAAAA", StringComparison.Ordinal);
        var response = name switch
        {
            "POST /api/accounts" => await http.PostAsJsonAsync(path, new { username = "u" + Guid.NewGuid().ToString("N")[..12], password = "a long enough password", displayName = "Ada" }),
            "POST /api/sessions/password" => await http.PostAsJsonAsync(path, new { username = room.Account, password = AccountPassword }),
            "POST /api/sessions/refresh" => await http.PostAsync(path, content: null),
            "POST /api/rooms/{roomId}/board.json" => await http.PostAsJsonAsync(path, new BoardExport
            {
                RoomId = room.RoomId,
                Clock = 0,
                Elements = [new BoardElement { Id = "e_imported", Type = "rectangle", CreatedBy = "someone", Props = new ElementProps { X = 1, Y = 2, Width = 30, Height = 20, StrokeColor = "#1971c2", StrokeWidth = 2 } }],
            }, ServerClient.Json),
            "POST /hubs/room/negotiate" => await http.PostAsync(path + "?negotiateVersion=1", content: null),
            "DELETE /api/me" => await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = JsonContent.Create(new { displayName = room.Caller?.User.DisplayName }) }),
            _ when name.StartsWith("GET ", StringComparison.Ordinal) => await http.GetAsync(path),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no request is known for this row: add one here"),
        };

        if (name is "GET /r/{roomId}" or "GET /i/{code}")
        {
            // The single-page client's shell (or 404 where the web client is not built): never a room's data.
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound && !body.Contains(room.RoomName, StringComparison.Ordinal) ? "page" : $"{(int)response.StatusCode}";
        }

        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private const string AccountPassword = "another long password";

    /// <summary>A room with its owner present and the caller in the given position (null caller: unauthenticated).</summary>
    private async Task<ArrangedRoom> RoomWithCallerAsync(string caller, bool readOnly, bool withAccount)
    {
        var ownerUser = SignIn("Owner");
        var name = "Room " + Guid.NewGuid().ToString("N")[..8];
        var roomId = (await Host.CreateRoomAsync(ownerUser, name)).RoomId;
        var owner = await RoomClient.ConnectAsync(Host, ownerUser);
        await owner.JoinAsync(roomId);
        if (readOnly)
        {
            await owner.Connection.InvokeAsync("SetReadOnly", new SetReadOnlyRequest { RoomId = roomId, ReadOnly = true });
        }

        // Password hashing is slow on purpose: only the sign-in row gets an account to sign in to.
        var account = "acct" + Guid.NewGuid().ToString("N")[..10];
        if (withAccount)
        {
            using var http = Host.CreateHttpClient();
            (await http.PostAsJsonAsync("/api/accounts", new { username = account, password = AccountPassword, displayName = "Holder" })).EnsureSuccessStatusCode();
        }

        RoomClient? actor = null;
        switch (caller)
        {
            case "unauthenticated":
                break;
            case "owner":
                actor = owner;
                break;
            case "not in room":
                actor = await RoomClient.ConnectAsync(Host, SignIn("Stranger"));
                break;
            case "banned":
                actor = await JoinAsync(roomId, "Banned");
                await owner.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = actor.User.UserId, Ban = true });
                break;
            case "viewer" or "member" or "mentor":
                var role = caller == "viewer" ? RoomRole.Viewer : caller == "mentor" ? RoomRole.Mentor : RoomRole.Member;
                var user = SignIn(caller);
                if (role != RoomRole.Member)
                {
                    await owner.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = roomId, UserId = user.UserId, Role = role });
                }

                actor = await RoomClient.ConnectAsync(Host, user);
                await actor.JoinAsync(roomId);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(caller), caller, null);
        }

        return new ArrangedRoom(roomId, name, account, owner, actor);
    }

    private async Task<RoomClient> JoinAsync(string roomId, string name)
    {
        var client = await RoomClient.ConnectAsync(Host, SignIn(name));
        await client.JoinAsync(roomId);
        return client;
    }

    private TestUser SignIn(string displayName)
    {
        var session = Host.Services.GetRequiredService<TokenService>().CreateGuest(displayName);
        return new TestUser(session.UserId, session.DisplayName, session.Token);
    }

    /// <summary>Backticked names in a table's first column: hub methods and "VERB /path".</summary>
    [GeneratedRegex(@"`((?:GET|POST|PUT|DELETE|PATCH) /[^`]*|[A-Z][A-Za-z]+)`")]
    private static partial Regex Names();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    private sealed record ArrangedRoom(string RoomId, string RoomName, string Account, RoomClient Owner, RoomClient? Caller) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Caller is not null && Caller != Owner)
            {
                await Caller.DisposeAsync();
            }

            await Owner.DisposeAsync();
        }
    }
}
