using System.Net.Http.Json;
using System.Text.Json;

namespace StudyRooms.LoadTest;

/// <summary>
/// After a run: is every edit the server acknowledged on its board? Reads each room's board through
/// the export endpoint (<c>GET /api/rooms/{id}/board.json</c>, as a signed-in guest, which a public
/// room allows) and counts the acknowledged element ids that are missing: "acknowledged lost".
/// </summary>
public static class AckCheck
{
    /// <summary>Acknowledged element ids (by room id) that the server's boards do not hold.</summary>
    public static async Task<long> CountLostAsync(Uri baseAddress, IReadOnlyDictionary<string, string[]> acknowledged, CancellationToken cancellationToken)
    {
        var target = new StudyRoomsTarget(baseAddress, new LoadOptions { Url = baseAddress });
        var token = await target.SignInAsync("ack-check", cancellationToken);
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var lost = 0L;
        foreach (var (roomId, ids) in acknowledged)
        {
            var board = await http.GetFromJsonAsync<JsonElement>($"/api/rooms/{roomId}/board.json", cancellationToken);
            var present = board.GetProperty("elements").EnumerateArray()
                .Select(e => e.GetProperty("id").GetString())
                .ToHashSet(StringComparer.Ordinal);
            lost += ids.Count(id => !present.Contains(id));
        }

        return lost;
    }
}
