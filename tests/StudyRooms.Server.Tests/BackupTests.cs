using System.Diagnostics;
using StudyRooms.Server.Maintenance;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the embedded mode's backup command (docs/operations.md, "Backups"): taken from a server that
// keeps writing, restored into a fresh data directory, it brings back the rooms, every edit and
// message acknowledged before the backup began, and the signing key (old tokens still work); and
// restore never overwrites data it was not told to.
public sealed class BackupTests
{
    [Fact]
    public async Task ABackupTakenWhileTheServerWritesRestoresEverythingAcknowledgedBeforeIt()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        var backupDirectory = Path.Combine(StudyRoomsHost.NewDataDirectory(), "backup");
        TestUser ada;
        string roomId;
        var beforeBackup = new List<(string ElementId, long Clock)>();
        long messageSeq;
        await using (var server = await ServerProcess.StartAsync(dataDirectory))
        {
            ada = await server.Client.SignInAsync("Ada");
            roomId = (await server.Client.CreateRoomAsync(ada, "Geology")).RoomId;
            await using var client = await RoomClient.ConnectAsync(server.Client, ada);
            await client.JoinAsync(roomId);
            for (var push = 0; push < 20; push++)
            {
                var ops = Enumerable.Range(0, 5).Select(i => client.Stroke(x: push, y: i)).ToArray();
                var result = await client.PushAsync(roomId, ops);
                beforeBackup.AddRange(ops.Zip(result.Acks, (op, ack) => (op.ElementId!, ack.Clock)));
            }

            messageSeq = (await client.PostAsync(roomId, "Sediment layers: bring the diagram")).Seq;

            // The server keeps taking edits while the backup runs.
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                var pushed = 0;
                while (!stop.IsCancellationRequested)
                {
                    await client.PushAsync(roomId, client.Stroke(x: 1_000 + pushed, y: pushed));
                    pushed++;
                    // A steady 40 pushes a second, under the per-user limit (P-OPS-6).
                    await Task.Delay(25);
                }

                return pushed;
            });
            var (exitCode, output) = await RunServerCommandAsync("backup", backupDirectory, dataDirectory);
            stop.Cancel();
            var pushedDuring = await writer;

            Assert.True(exitCode == 0, $"backup exited with {exitCode}:\n{output}");
            Assert.True(pushedDuring > 0, "the server took edits while the backup ran");
            Assert.True(File.Exists(Path.Combine(backupDirectory, DataBackup.ManifestFile)), output);
            await server.CrashAsync();
        }

        var restoredDirectory = StudyRoomsHost.NewDataDirectory();
        var (restoreCode, restoreOutput) = await RunServerCommandAsync("restore", backupDirectory, restoredDirectory);
        Assert.True(restoreCode == 0, $"restore exited with {restoreCode}:\n{restoreOutput}");

        await using var restored = await ServerProcess.StartAsync(restoredDirectory);
        // Ada's token from before the backup is accepted: the signing key came back too.
        await using var again = await RoomClient.ConnectAsync(restored.Client, ada);
        var joined = await again.JoinAsync(roomId);
        var elements = joined.Board!.Elements.ToDictionary(e => e.Id, e => e.Version);
        var messages = await again.LoadMessagesAsync(roomId);

        Assert.Equal("Geology", joined.Room.Name);
        Assert.All(beforeBackup, acked => Assert.Equal(acked.Clock, elements.GetValueOrDefault(acked.ElementId)));
        Assert.Contains(messages.Messages, m => m.Seq == messageSeq && m.Text == "Sediment layers: bring the diagram");
        // A consistent copy: the board's clock is the clock of its newest element, nothing half-written.
        Assert.Equal(joined.Board.Elements.Max(e => e.Version), joined.Board.Clock);
    }

    [Fact]
    public async Task RestoreRefusesAnOccupiedDataDirectoryUnlessForcedAndThenKeepsTheOldDataAside()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        var backupDirectory = Path.Combine(StudyRoomsHost.NewDataDirectory(), "backup");
        await using (var server = await ServerProcess.StartAsync(dataDirectory))
        {
            var ada = await server.Client.SignInAsync("Ada");
            await server.Client.CreateRoomAsync(ada, "Botany");
            Assert.Equal(0, (await RunServerCommandAsync("backup", backupDirectory, dataDirectory)).ExitCode);
        }

        var occupied = StudyRoomsHost.NewDataDirectory();
        Directory.CreateDirectory(occupied);
        await File.WriteAllTextAsync(Path.Combine(occupied, "keep-me"), "precious");

        var (refused, refusal) = await RunServerCommandAsync("restore", backupDirectory, occupied);
        Assert.Equal(1, refused);
        Assert.Contains("--force", refusal, StringComparison.Ordinal);
        Assert.Equal(["keep-me"], Directory.EnumerateFileSystemEntries(occupied).Select(Path.GetFileName));

        var (forced, forcedOutput) = await RunServerCommandAsync("restore", backupDirectory, occupied, "--force");
        Assert.True(forced == 0, forcedOutput);
        Assert.True(File.Exists(Path.Combine(occupied, "studyrooms.db")));
        var aside = Assert.Single(Directory.EnumerateDirectories(Path.GetDirectoryName(occupied)!, Path.GetFileName(occupied) + ".before-restore-*"));
        Assert.Equal("precious", await File.ReadAllTextAsync(Path.Combine(aside, "keep-me")));

        var (notABackup, notABackupOutput) = await RunServerCommandAsync("restore", occupied, StudyRoomsHost.NewDataDirectory());
        Assert.Equal(1, notABackup);
        Assert.Contains("is not a StudyRooms backup", notABackupOutput, StringComparison.Ordinal);
        var (intoItself, intoItselfOutput) = await RunServerCommandAsync("backup", backupDirectory, occupied);
        Assert.Equal(1, intoItself);
        Assert.Contains("not empty", intoItselfOutput, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>dotnet StudyRooms.Server.dll &lt;verb&gt; &lt;directory&gt;</c> as an operator would.</summary>
    private static async Task<(int ExitCode, string Output)> RunServerCommandAsync(string verb, string directory, string dataDirectory, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StudyRooms.Server.dll"));
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add($"--StudyRooms:DataDirectory={dataDirectory}");
        foreach (var arg in extra)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
