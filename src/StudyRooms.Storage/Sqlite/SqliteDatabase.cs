using Microsoft.Data.Sqlite;

namespace StudyRooms.Storage.Sqlite;

/// <summary>
/// The embedded mode's single SQLite file. WAL journal with synchronous=NORMAL: a committed
/// transaction survives a crash of the server process (what "acknowledged" promises); an OS crash
/// or power cut may lose the last few milliseconds.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _initialized;

    public SqliteDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, "studyrooms.db"));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _initialized = new Lazy<Task>(InitializeAsync);
    }

    public string FilePath { get; }

    /// <summary>Opens a connection on an initialized database.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await _initialized.Value;
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task InitializeAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS grain_state (
                state_name TEXT NOT NULL,
                grain_id   TEXT NOT NULL,
                etag       INTEGER NOT NULL,
                payload    BLOB NOT NULL,
                PRIMARY KEY (state_name, grain_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS board_ops (
                board_id TEXT NOT NULL,
                clock    INTEGER NOT NULL,
                payload  TEXT NOT NULL,
                PRIMARY KEY (board_id, clock)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS board_snapshots (
                board_id TEXT NOT NULL PRIMARY KEY,
                clock    INTEGER NOT NULL,
                payload  TEXT NOT NULL
            ) WITHOUT ROWID;
            """;
        await command.ExecuteNonQueryAsync();
    }
}
