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

    /// <summary>Takes the edits <paramref name="other"/> has recorded so far.</summary>
    public void CopyFrom(AcknowledgedEdits other)
    {
        lock (other._acked)
        {
            lock (_acked)
            {
                _acked.AddRange(other._acked);
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

    /// <summary>The highest clock acknowledged so far: what a client that saw every ack holds.</summary>
    public long LastClock
    {
        get
        {
            lock (_acked)
            {
                return _acked.Count == 0 ? 0 : _acked.Max(a => a.Clock);
            }
        }
    }

    /// <summary>
    /// A resume from <paramref name="knownClock"/> carries every edit acknowledged after it, at its clock, in
    /// clock order, and ends at the board clock (P-JOIN-4).
    /// </summary>
    public void AssertAllResumedAfter(long knownClock, BoardResume? resume)
    {
        Assert.NotNull(resume);
        Assert.Equal(resume.Ops.Select(op => op.Clock).Order(), resume.Ops.Select(op => op.Clock));
        Assert.All(resume.Ops, op => Assert.True(op.Clock > knownClock, $"op at clock {op.Clock} is not after the known clock {knownClock}"));
        var resumed = resume.Ops.ToDictionary(op => op.ElementId, op => op.Clock);
        lock (_acked)
        {
            var after = _acked.Where(a => a.Clock > knownClock).ToArray();
            Assert.NotEmpty(after);
            foreach (var (elementId, clock) in after)
            {
                Assert.True(resumed.TryGetValue(elementId, out var resumedAt), $"acknowledged element {elementId} (clock {clock}) is missing from the resume after {knownClock}");
                Assert.Equal(clock, resumedAt);
            }

            Assert.Equal(_acked.Max(a => a.Clock), resume.Clock);
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
