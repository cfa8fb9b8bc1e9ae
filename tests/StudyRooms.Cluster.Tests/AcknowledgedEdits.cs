using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Testing;

namespace StudyRooms.Cluster.Tests;

/// <summary>Edits the server acknowledged, to be found again on the board after a failure.</summary>
public sealed class AcknowledgedEdits
{
    private readonly List<(string ElementId, long Clock)> _acked = [];

    public int Count
    {
        get
        {
            lock (_acked)
            {
                return _acked.Count;
            }
        }
    }

    public IReadOnlyList<string> ElementIds
    {
        get
        {
            lock (_acked)
            {
                return _acked.Select(a => a.ElementId).ToArray();
            }
        }
    }

    /// <summary>Pushes one stroke and records it once the server acknowledges it.</summary>
    public async Task PushAsync(RoomClient client, string roomId, CancellationToken cancellation = default)
    {
        var stroke = client.Stroke(x: Count, y: Count);
        var result = await client.Connection.InvokeAsync<PushOpsResult>(
            "PushOps", new PushOpsRequest { RoomId = roomId, ClientId = client.ClientId, Ops = [stroke] }, cancellation);
        lock (_acked)
        {
            _acked.Add((stroke.ElementId!, Assert.Single(result.Acks).Clock));
        }
    }

    /// <summary>Every acknowledged edit is on the board at the clock it was acknowledged with.</summary>
    public void AssertAllOn(BoardSnapshot board)
    {
        var elements = board.Elements.ToDictionary(e => e.Id, e => e.Version);
        lock (_acked)
        {
            Assert.NotEmpty(_acked);
            foreach (var (elementId, clock) in _acked)
            {
                Assert.True(elements.TryGetValue(elementId, out var version), $"acknowledged element {elementId} (clock {clock}) is missing from the board");
                Assert.Equal(clock, version);
            }
        }
    }
}
