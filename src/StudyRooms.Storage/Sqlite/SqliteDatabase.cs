using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace StudyRooms.Storage.Sqlite;

/// <summary>
/// The embedded mode's single SQLite file. WAL journal with synchronous=NORMAL: a committed
/// transaction survives a crash of the server process (what "acknowledged" promises); an OS crash
/// or power cut may lose the last few milliseconds.
/// </summary>
/// <remarks>
/// Connections are long-lived and set up once (PRAGMAs, prepared statements), not opened per call.
/// Every write goes through one writer connection and a queue: the writer takes all the writes that
/// are waiting, runs them in one transaction and completes each caller only after that commit
/// (group commit). There is no writer thread: a write queues one commit pass on the thread pool,
/// behind the work already queued there, so the pushes being handled meanwhile add their writes to
/// the same commit (at 2,000 appends a second on one core, 4–10 writes per commit instead of about
/// one when each caller committed at once; docs/benchmarks.md). SQLite allows one writer at a
/// time anyway; one queue turns lock waits into batches. Reads use a small pool of
/// connections of their own, which in WAL mode never wait for the writer.
/// Checkpoints (copying the WAL back into the database file, with an fsync) run once a second on a thread and a
/// connection of their own, never inside a commit: SQLite's automatic checkpoint ran in whichever
/// COMMIT crossed 1,000 WAL pages and held every queued write, and its acknowledgement, behind the
/// fsync. A passive checkpoint never waits for the writer, nor the writer for it.
/// </remarks>
public sealed class SqliteDatabase : IDisposable, IAsyncDisposable
{
    /// <summary>At most this many writes share one transaction, so one commit stays short.</summary>
    private const int MaxWritesPerCommit = 256;

    private const int MaxIdleReaders = 4;

    /// <summary>How often the WAL is checkpointed into the database file.</summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private readonly ConcurrentQueue<IWrite> _queue = new();
    private readonly Lock _writerLock = new();
    private readonly ConcurrentQueue<SqliteConnection> _idleReaders = new();
    private readonly List<IWrite> _batch = new(MaxWritesPerCommit);
    private volatile bool _initialized;
    private volatile bool _disposed;
    private SqliteWriter? _writer;
    private int _commitScheduled;
    private long _commits;
    private long _writesCommitted;
    private readonly CancellationTokenSource _stopCheckpoints = new();
    private Thread? _checkpoints;
    private SqliteConnection? _checkpointer;

    /// <summary>The database's file name in the data directory (beside it: -wal and -shm while open).</summary>
    public const string FileName = "studyrooms.db";

    public SqliteDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // This class keeps its own long-lived connections; closing one really closes it.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Transactions the writer committed since this instance was made.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes those transactions carried; over <see cref="Commits"/>, the mean batch of the group commit.</summary>
    public long WritesCommitted => Interlocked.Read(ref _writesCommitted);

    /// <summary>Opens a new connection of its own on an initialized database; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        return OpenRaw();
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the writer connection inside a transaction, possibly shared
    /// with other writes, and completes only after that transaction committed. A write that throws
    /// leaves nothing behind and fails alone: the others of its batch are committed without it.
    /// The callback runs on the writer, so it should only bind parameters and execute statements;
    /// serialise payloads before calling.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWriter, T> write, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var request = new Write<T>(write);
        _queue.Enqueue(request);
        ScheduleCommit();
        return await request.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="read"/> on a pooled reader connection.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        var connection = _idleReaders.TryDequeue(out var idle) ? idle : OpenRaw();
        var healthy = false;
        try
        {
            var result = read(connection);
            healthy = true;
            return result;
        }
        finally
        {
            // A reader that failed may have been left mid-statement; it is not reused.
            if (healthy && _idleReaders.Count < MaxIdleReaders)
            {
                _idleReaders.Enqueue(connection);
            }
            else
            {
                connection.Dispose();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Commits what is still queued, then closes every connection; later writes are refused.</summary>
    public void Dispose()
    {
        _stopCheckpoints.Cancel();
        if (_checkpoints is { } thread && thread != Thread.CurrentThread)
        {
            thread.Join(); // a checkpoint in progress finishes before its connection closes
        }

        _checkpointer?.Dispose();
        lock (_writerLock)
        {
            CommitQueued();
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }

        while (_idleReaders.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }

    private async ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeOnceAsync(cancellationToken);
        }
    }

    /// <summary>Creates the schema once; a failed attempt is retried by the next caller, not remembered.</summary>
    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        await _initializing.WaitAsync(cancellationToken);
        try
        {
            if (!_initialized)
            {
                Initialize();
                _checkpoints = new Thread(CheckpointLoop) { IsBackground = true, Name = "SQLite checkpoints" };
                _checkpoints.Start();
                _initialized = true;
            }
        }
        finally
        {
            _initializing.Release();
        }
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private SqliteWriter OpenWriter()
    {
        var writer = new SqliteWriter(OpenRaw());
        writer.Execute("PRAGMA wal_autocheckpoint=0"); // checkpoints are CheckpointLoop's
        return writer;
    }

    /// <summary>
    /// Copies what the WAL holds into the database file once per interval, without waiting for or
    /// holding up the writer. On a thread of its own: a checkpoint blocks in fsync, and a blocked
    /// thread-pool worker on a one-core server stalls every queued work item until the pool grows.
    /// </summary>
    private void CheckpointLoop()
    {
        while (!_stopCheckpoints.Token.WaitHandle.WaitOne(CheckpointInterval))
        {
            try
            {
                _checkpointer ??= OpenRaw();
                using var command = _checkpointer.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Tried again on the next tick; the WAL keeps every committed write meanwhile.
                _checkpointer?.Dispose();
                _checkpointer = null;
            }
        }
    }

    private void Initialize()
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
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
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Queues one commit pass on the thread pool unless one is queued already. The pass runs behind
    /// the work items queued before it (other pushes' grain turns), so their writes join its batch:
    /// under load one commit carries many boards' appends, and it costs an idle write one hop.
    /// </summary>
    private void ScheduleCommit()
    {
        if (Interlocked.CompareExchange(ref _commitScheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static database => database.RunScheduledCommit(), this, preferLocal: false);
        }
    }

    private void RunScheduledCommit()
    {
        // Cleared first: a write queued from here on schedules a pass of its own, or joins this one.
        Volatile.Write(ref _commitScheduled, 0);
        CommitQueuedIfWriterIsFree();
    }

    /// <summary>
    /// The pass that finds the writer free becomes it and commits every queued write, batch by batch.
    /// One that finds the writer busy leaves the queue to the current writer, whose final check after
    /// letting go of the lock catches a write queued at the last moment.
    /// </summary>
    private void CommitQueuedIfWriterIsFree()
    {
        while (!_queue.IsEmpty && _writerLock.TryEnter())
        {
            try
            {
                CommitQueued();
            }
            finally
            {
                _writerLock.Exit();
            }
        }
    }

    private void CommitQueued()
    {
        while (!_queue.IsEmpty)
        {
            _batch.Clear();
            while (_batch.Count < MaxWritesPerCommit && _queue.TryDequeue(out var write))
            {
                _batch.Add(write);
            }

            CommitBatch();
        }
    }

    private void CommitBatch()
    {
        SqliteWriter writer;
        try
        {
            // A write that slipped in after disposal must not reopen the database.
            ObjectDisposedException.ThrowIf(_disposed, this);
            writer = _writer ??= OpenWriter();
        }
        catch (Exception e)
        {
            foreach (var write in _batch)
            {
                write.Fail(e);
            }

            return;
        }

        if (_batch.Count > 1 && TryCommit(writer, _batch, out _))
        {
            foreach (var write in _batch)
            {
                write.Complete();
            }

            return;
        }

        // One write alone, or a shared batch that failed: each write in a transaction of its own,
        // so a failure belongs to the write that caused it (failures are rare: a broken table, a full disk).
        foreach (var write in _batch)
        {
            if (TryCommit(writer, [write], out var error))
            {
                write.Complete();
            }
            else
            {
                write.Fail(error!);
            }
        }
    }

    private bool TryCommit(SqliteWriter writer, List<IWrite> writes, out Exception? error)
    {
        try
        {
            writer.Execute("BEGIN IMMEDIATE");
            try
            {
                foreach (var write in writes)
                {
                    write.Run(writer);
                }

                writer.Execute("COMMIT");
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _writesCommitted, writes.Count);
            }
            catch
            {
                writer.RollBackQuietly();
                throw;
            }

            error = null;
            return true;
        }
        catch (Exception e)
        {
            error = e;
            if (writer.Connection.State != System.Data.ConnectionState.Open)
            {
                writer.Dispose();
                _writer = null;
            }

            return false;
        }
    }

    private interface IWrite
    {
        void Run(SqliteWriter writer);

        void Complete();

        void Fail(Exception error);
    }

    private sealed class Write<T>(Func<SqliteWriter, T> write) : IWrite
    {
        private T _result = default!;

        // Callers continue on their own schedulers, never inline on the writer.
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(SqliteWriter writer) => _result = write(writer);

        public void Complete() => Completion.TrySetResult(_result);

        public void Fail(Exception error) => Completion.TrySetException(error);
    }
}
