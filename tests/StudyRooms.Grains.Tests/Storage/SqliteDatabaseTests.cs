using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Storage;

// Proves how the embedded SQLite database opens: schema created on first use, usable again by a new
// instance, and (once fixed) recovering from a failed first open without a process restart; and how
// its shared writer commits: writes queued together commit together, and one that fails fails alone;
// and that checkpoints run on the database's own timer, not inside a commit.
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new("database");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task FirstOpenCreatesTheSchemaInWalMode()
    {
        var database = new SqliteDatabase(Path.Combine(_directory.Path, "nested", "data"));

        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)";
        var tables = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA journal_mode";
        var journal = (string?)await command.ExecuteScalarAsync();

        Assert.Equal("board_history,board_ops,board_snapshots,chat_messages,chat_reads,grain_state,reminders", tables);
        Assert.Equal("wal", journal);
        Assert.True(File.Exists(database.FilePath));
    }

    [Fact]
    public async Task AFailedFirstOpenIsRetriedOnceTheCauseIsGone()
    {
        // A directory where the database file belongs makes the first open fail.
        var blocker = Path.Combine(_directory.Path, "studyrooms.db");
        Directory.CreateDirectory(blocker);
        var database = new SqliteDatabase(_directory.Path);
        await Assert.ThrowsAnyAsync<Exception>(() => database.OpenAsync());

        Directory.Delete(blocker);

        // A new instance opens fine now; the one that failed once must too.
        var fresh = await new SqliteDatabase(_directory.Path).OpenAsync();
        await fresh.DisposeAsync();

        await using var connection = await database.OpenAsync();
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task WritesQueuedTogetherAreCommittedAndAFailingOneLeavesNothingBehind()
    {
        await using var database = new SqliteDatabase(_directory.Path);
        using var gate = new ManualResetEventSlim();

        // The first write holds the writer until every other write is queued, so those share a batch.
        using var firstRunning = new ManualResetEventSlim();
        var first = Task.Run(() => database.WriteAsync(writer =>
        {
            firstRunning.Set();
            gate.Wait(TimeSpan.FromSeconds(30));
            return Insert(writer, "first");
        }));
        Assert.True(firstRunning.Wait(TimeSpan.FromSeconds(30)));
        var writes = Enumerable.Range(0, 20).Select(i => database.WriteAsync(writer => Insert(writer, $"g{i}"))).ToList();
        var failing = database.WriteAsync<int>(writer =>
        {
            Insert(writer, "failing");
            throw new InvalidOperationException("this write fails after its insert");
        });
        writes.AddRange(Enumerable.Range(20, 20).Select(i => database.WriteAsync(writer => Insert(writer, $"g{i}"))));
        gate.Set();

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(writes), changed => Assert.Equal(1, changed));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var ids = await database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT grain_id FROM grain_state WHERE state_name = 'test' ORDER BY grain_id";
            using var reader = command.ExecuteReader();
            var found = new List<string>();
            while (reader.Read())
            {
                found.Add(reader.GetString(0));
            }

            return found;
        });
        Assert.Equal(41, ids.Count);
        Assert.Contains("first", ids);
        Assert.DoesNotContain("failing", ids);
    }

    [Fact]
    public async Task WritesIssuedTogetherShareCommitsInsteadOfOneEach()
    {
        await using var database = new SqliteDatabase(_directory.Path);
        await database.WriteAsync(writer => Insert(writer, "warm"));
        var (commitsBefore, writesBefore) = (database.Commits, database.WritesCommitted);

        // As pushes of many boards arrive under load: each caller queues its write and goes on. The
        // commit pass runs behind them, so they share transactions (a caller committing its own
        // write at once made one commit per write).
        var writes = Enumerable.Range(0, 200).Select(i => database.WriteAsync(writer => Insert(writer, $"b{i}"))).ToList();
        Assert.All(await Task.WhenAll(writes), changed => Assert.Equal(1, changed));

        var commits = database.Commits - commitsBefore;
        Assert.Equal(200, database.WritesCommitted - writesBefore);
        Assert.InRange(commits, 1, 100);
    }

    [Fact]
    public async Task ADisposedDatabaseRefusesWritesAfterFinishingTheQueuedOnes()
    {
        var database = new SqliteDatabase(_directory.Path);
        var queued = Enumerable.Range(0, 10).Select(i => database.WriteAsync(writer => Insert(writer, $"q{i}"))).ToList();
        await Task.WhenAll(queued);

        await database.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => database.WriteAsync(writer => Insert(writer, "late")));
        await using var reopened = new SqliteDatabase(_directory.Path);
        var count = await reopened.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM grain_state WHERE state_name = 'test'";
            return (long)command.ExecuteScalar()!;
        });
        Assert.Equal(10, count);
    }

    [Fact]
    public async Task CommittedWritesReachTheDatabaseFileThroughTheBackgroundCheckpoint()
    {
        // About 1.2 MB in 300 commits: under the 1,000 WAL pages at which SQLite itself would have
        // checkpointed inside a commit. The commits leave it in the WAL; only the database's own
        // checkpoint timer copies it into the database file.
        await using var database = new SqliteDatabase(_directory.Path);
        var payload = new byte[4000];
        for (var i = 0; i < 300; i++)
        {
            await database.WriteAsync(writer =>
            {
                var command = writer.Command("INSERT INTO grain_state (state_name, grain_id, etag, payload) VALUES ('test', $id, 1, $payload)");
                command.Parameters.AddWithValue("$id", $"big{i}");
                command.Parameters.AddWithValue("$payload", payload);
                return command.ExecuteNonQuery();
            });
        }

        var file = await Poll.UntilAsync(
            () => new FileInfo(database.FilePath) is { Length: > 1_000_000 } grown ? grown : null,
            "the database file holds the committed rows",
            TimeSpan.FromSeconds(30));
        Assert.True(file.Length > 1_000_000);
    }

    private static int Insert(SqliteWriter writer, string id)
    {
        var command = writer.Command("INSERT INTO grain_state (state_name, grain_id, etag, payload) VALUES ('test', $id, 1, x'00')");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery();
    }
}
