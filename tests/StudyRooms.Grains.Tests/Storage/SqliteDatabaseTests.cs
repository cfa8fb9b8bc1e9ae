using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Storage;

// Proves how the embedded SQLite database opens: schema created on first use, usable again by a new
// instance, and (once fixed) recovering from a failed first open without a process restart.
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
}
