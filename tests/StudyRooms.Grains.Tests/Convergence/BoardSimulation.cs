using StudyRooms.Contracts.Boards;

namespace StudyRooms.Grains.Tests.Convergence;

/// <summary>
/// Runs simulated clients against one authority with a scripted network: pushes wait in each
/// client's outbox and answers in its inbox until a step delivers them (random delays, any
/// interleaving across clients, FIFO per connection as SignalR keeps it); resends repeat client
/// sequences; a disconnect loses the inbox and delivers or drops what was in flight; a reconnect
/// joins with the clock the client holds. Each step is one number, so CsCheck shrinks scripts.
/// </summary>
internal sealed class BoardSimulation
{
    private const int StepKinds = 16;

    private readonly ISimulatedServer _server;
    private readonly SimulatedClient[] _clients;
    private readonly Queue<(int Epoch, ElementOp[] Ops)>[] _outboxes;

    public BoardSimulation(ISimulatedServer server, int clientCount)
    {
        _server = server;
        _clients = Enumerable.Range(0, clientCount).Select(i => new SimulatedClient($"u{i}", $"c{i}")).ToArray();
        _outboxes = _clients.Select(_ => new Queue<(int, ElementOp[])>()).ToArray();
    }

    public IReadOnlyList<SimulatedClient> Clients => _clients;

    public async Task RunAsync(IEnumerable<int> steps)
    {
        for (var i = 0; i < _clients.Length; i++)
        {
            await ConnectAsync(i);
        }

        foreach (var step in steps)
        {
            var kind = step % StepKinds;
            var index = (step / StepKinds) % _clients.Length;
            var value = step / (StepKinds * _clients.Length);
            var client = _clients[index];
            switch (kind)
            {
                case < 6:
                    client.Edit(value, value / 10);
                    break;
                case < 8:
                    Send(index);
                    break;
                case < 11:
                    await DeliverPushAsync(index);
                    break;
                case < 14:
                    await DeliverAnswerAsync(index);
                    break;
                case 14 when client.Connected:
                    await DisconnectAsync(index, deliverInFlight: value % 2 == 0);
                    break;
                case 15 when !client.Connected:
                    await ConnectAsync(index);
                    break;
            }
        }
    }

    /// <summary>Everyone reconnects and the network drains until no client has anything unacknowledged.</summary>
    public async Task QuiesceAsync()
    {
        for (var i = 0; i < _clients.Length; i++)
        {
            if (!_clients[i].Connected)
            {
                await ConnectAsync(i);
            }
        }

        for (var round = 0; round < 50; round++)
        {
            for (var i = 0; i < _clients.Length; i++)
            {
                Send(i);
                while (_outboxes[i].Count > 0)
                {
                    await DeliverPushAsync(i);
                }
            }

            for (var i = 0; i < _clients.Length; i++)
            {
                while (_clients[i].Inbox.Count > 0)
                {
                    await DeliverAnswerAsync(i);
                }
            }

            if (_clients.All(c => c.PendingCount == 0 && c.Inbox.Count == 0) && _outboxes.All(o => o.Count == 0))
            {
                return;
            }
        }

        throw new InvalidOperationException("the simulation did not quiesce in 50 rounds");
    }

    private void Send(int index)
    {
        var client = _clients[index];
        if (client.Connected && client.ToSend() is { Length: > 0 } ops)
        {
            _outboxes[index].Enqueue((client.Epoch, ops));
        }
    }

    private async Task DeliverPushAsync(int index)
    {
        if (!_outboxes[index].TryDequeue(out var push))
        {
            return;
        }

        var pusher = _clients[index];
        var (result, refusal) = await _server.PushAsync(pusher.UserId, pusher.ClientId, push.Ops);
        var sameConnection = pusher.Connected && pusher.Epoch == push.Epoch;
        if (result is null)
        {
            if (sameConnection)
            {
                pusher.Inbox.Enqueue(c => { c.OnRefused(push.Ops, refusal!); return Task.CompletedTask; });
            }

            return;
        }

        if (sameConnection)
        {
            pusher.Inbox.Enqueue(c => { c.OnAck(result); return Task.CompletedTask; });
        }

        // OpsApplied as the grain broadcasts it: the new ops in clock order, to every connection but the pushing one (P-OPS-7).
        var bySeq = push.Ops.ToDictionary(o => o.ClientSeq);
        var committed = result.Acks
            .Where(a => a.Clock > 0)
            .OrderBy(a => a.Clock)
            .Select(a => bySeq[a.ClientSeq] is var op ? new CommittedOp
            {
                Clock = a.Clock,
                Kind = op.Kind,
                ElementId = op.ElementId!,
                Type = op.Kind == ElementOpKind.Create ? op.Type : null,
                Props = op.Kind == ElementOpKind.Delete ? null : op.Props,
            } : null!)
            .ToArray();
        if (committed.Length == 0)
        {
            return;
        }

        foreach (var peer in _clients.Where(c => c.Connected && !(c == pusher && sameConnection)))
        {
            peer.Inbox.Enqueue(c => { c.OnOpsApplied(committed); return Task.CompletedTask; });
        }
    }

    private async Task DeliverAnswerAsync(int index)
    {
        if (_clients[index].Inbox.TryDequeue(out var message))
        {
            await message(_clients[index]);
        }
    }

    private async Task DisconnectAsync(int index, bool deliverInFlight)
    {
        var client = _clients[index];
        client.Connected = false;
        client.Inbox.Clear();
        while (_outboxes[index].Count > 0)
        {
            if (deliverInFlight)
            {
                await DeliverPushAsync(index); // reaches the server; the answer is lost with the connection
            }
            else
            {
                _outboxes[index].Dequeue();
            }
        }
    }

    private async Task ConnectAsync(int index)
    {
        var client = _clients[index];
        client.Epoch++;
        client.Connected = true;
        // The group is joined before the board is read (P-JOIN-3), so nothing falls between them.
        client.OnJoined(await _server.CatchUpAsync(client.Epoch == 1 ? null : client.ConfirmedClock));
        Send(index);
    }
}
