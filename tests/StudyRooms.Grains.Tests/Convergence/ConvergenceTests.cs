using CsCheck;
using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Convergence;

// Proves, with random scripts of 3–5 clients editing concurrently over a network that delays,
// duplicates and drops, that every client and the authority end with the identical board: against
// the pure BoardDocument (with a short op log, so resumes also fall back to snapshots) and against
// the real BoardGrain on the test cluster (P-OPS-1, P-OPS-3, P-OPS-5, P-OPS-7, P-JOIN-3, P-JOIN-4).
[Collection(ClusterCollection.Name)]
public sealed class ConvergenceTests(ClusterFixture fixture)
{
    private static readonly Gen<(int Clients, int[] Steps)> Scripts =
        Gen.Select(Gen.Int[3, 5], Gen.Int[0, 1_000_000].Array[20, 400]);

    [Fact]
    public async Task EveryClientConvergesOnTheDocument()
    {
        await Scripts.SampleAsync(
            async script =>
            {
                var server = new DocumentServer(retention: 12);
                await RunAndAssertConvergedAsync(server, script.Clients, script.Steps);
            },
            iter: 300,
            threads: 1);
    }

    [Fact]
    public async Task EveryClientConvergesOnTheBoardGrain()
    {
        await Gen.Select(Gen.Int[3, 5], Gen.Int[0, 1_000_000].Array[20, 120]).SampleAsync(
            async script =>
            {
                var server = new GrainServer(fixture.Grains.GetGrain<IBoardGrain>(TestIds.Room()));
                await RunAndAssertConvergedAsync(server, script.Item1, script.Item2);
            },
            iter: 12,
            threads: 1);
    }

    private static async Task RunAndAssertConvergedAsync(ISimulatedServer server, int clients, int[] steps)
    {
        var simulation = new BoardSimulation(server, clients);
        await simulation.RunAsync(steps);
        await simulation.QuiesceAsync();

        var board = await server.SnapshotAsync();
        var expected = SimulatedClient.Canonical(board.Elements.ToDictionary(e => e.Id, e => (e.Type, e.Props)));
        foreach (var client in simulation.Clients)
        {
            Assert.Equal(board.Clock, client.ConfirmedClock);
            Assert.Equal(expected, client.CanonicalConfirmed());
            Assert.Equal(expected, SimulatedClient.Canonical(client.Local));
        }
    }
}
