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
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private volatile bool _initialized;

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
    }

    public string FilePath { get; }

    /// <summary>Opens a connection on an initialized database.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_initialized)
        {
            await InitializeOnceAsync(cancellationToken);
        }

        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>Creates the schema once; a failed attempt is retried by the next caller, not remembered.</summary>
    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        await _initializing.WaitAsync(cancellationToken);
        try
        {
            if (!_initialized)
            {
                await InitializeAsync(cancellationToken);
                _initialized = true;
            }
        }
        finally
        {
            _initializing.Release();
        }
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

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken);
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
            CREATE TABLE IF NOT EXISTS chat_messages (
                room_id     TEXT NOT NULL,
                seq         INTEGER NOT NULL,
                thread_root INTEGER NULL,
                deleted     INTEGER NOT NULL,
                text        TEXT NOT NULL,
                payload     TEXT NOT NULL,
                PRIMARY KEY (room_id, seq)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS chat_messages_by_thread ON chat_messages (room_id, thread_root, seq);
            CREATE TABLE IF NOT EXISTS chat_reads (
                room_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                seq     INTEGER NOT NULL,
                PRIMARY KEY (room_id, user_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS board_history (
                seq         INTEGER PRIMARY KEY, -- rowid: the newest row is never deleted, so seq only grows
                board_id    TEXT NOT NULL,
                snapshot_id TEXT NOT NULL,
                entry       TEXT NOT NULL,
                elements    TEXT NOT NULL
            );
            CREATE UNIQUE INDEX IF NOT EXISTS board_history_by_board ON board_history (board_id, seq);
            CREATE UNIQUE INDEX IF NOT EXISTS board_history_by_id ON board_history (board_id, snapshot_id);
            CREATE TABLE IF NOT EXISTS reminders (
                grain_id   TEXT NOT NULL,
                name       TEXT NOT NULL,
                grain_hash INTEGER NOT NULL,
                start_at   INTEGER NOT NULL,
                period     INTEGER NOT NULL,
                etag       INTEGER NOT NULL,
                PRIMARY KEY (grain_id, name)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (grain_hash);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
