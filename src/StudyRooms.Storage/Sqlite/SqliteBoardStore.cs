using System.Text.Json;
using Microsoft.Data.Sqlite;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Serialization;

namespace StudyRooms.Storage.Sqlite;

/// <summary>
/// Board op log (a retained tail plus the ops after the snapshot), snapshots and the bounded history
/// of named snapshots in the embedded SQLite file. An append is atomic and durable when it returns; appends of many boards arriving together
/// share one commit (<see cref="SqliteDatabase.WriteAsync{T}"/>).
/// </summary>
public sealed class SqliteBoardStore(SqliteDatabase database) : IBoardStore
{
    private const string InsertOp = "INSERT INTO board_ops (board_id, clock, payload) VALUES ($id, $clock, $payload)";

    private const string UpsertSnapshot = """
        INSERT INTO board_snapshots (board_id, clock, payload) VALUES ($id, $clock, $payload)
        ON CONFLICT (board_id) DO UPDATE SET clock = excluded.clock, payload = excluded.payload
        WHERE excluded.clock > board_snapshots.clock
        """;

    /// <summary>Every table that holds rows of a board (P-LIFE-4); a new one belongs here too.</summary>
    private static readonly string[] EraseBoard =
    [
        "DELETE FROM board_ops WHERE board_id = $id",
        "DELETE FROM board_snapshots WHERE board_id = $id",
        "DELETE FROM board_history WHERE board_id = $id",
    ];

    private const string DropCoveredOps = "DELETE FROM board_ops WHERE board_id = $id AND clock <= $clock";

    public Task<StoredBoard> LoadAsync(string boardId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => Load(connection, boardId, afterSnapshotOnly: false), cancellationToken);

    public Task<StoredBoard> LoadCurrentAsync(string boardId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => Load(connection, boardId, afterSnapshotOnly: true), cancellationToken);

    public Task<IReadOnlyList<StoredOp>> LoadOpsAsync(string boardId, long afterClock, long throughClock, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<StoredOp>>(connection => ReadOps(connection, boardId, afterClock, throughClock), cancellationToken);

    public async Task AppendAsync(string boardId, IReadOnlyList<StoredOp> ops, CancellationToken cancellationToken = default)
    {
        // Serialised here, on the caller, so the shared writer only binds and inserts.
        var rows = new (long Clock, string Payload)[ops.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (ops[i].Clock, JsonSerializer.Serialize(ops[i], StorageJson.Options));
        }

        await database.WriteAsync(
            writer =>
            {
                var command = writer.Command(InsertOp);
                var id = command.Parameters.Add("$id", SqliteType.Text);
                var clock = command.Parameters.Add("$clock", SqliteType.Integer);
                var payload = command.Parameters.Add("$payload", SqliteType.Text);
                id.Value = boardId;
                foreach (var row in rows)
                {
                    clock.Value = row.Clock;
                    payload.Value = row.Payload;
                    command.ExecuteNonQuery();
                }

                return rows.Length;
            },
            cancellationToken);
    }

    public async Task SaveSnapshotAsync(string boardId, StoredBoardSnapshot snapshot, int retainOps, CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.Serialize(snapshot, StorageJson.Options);
        await database.WriteAsync(
            writer =>
            {
                var upsert = writer.Command(UpsertSnapshot);
                upsert.Parameters.AddWithValue("$id", boardId);
                upsert.Parameters.AddWithValue("$clock", snapshot.Clock);
                upsert.Parameters.AddWithValue("$payload", payload);
                upsert.ExecuteNonQuery();

                var drop = writer.Command(DropCoveredOps);
                drop.Parameters.AddWithValue("$id", boardId);
                drop.Parameters.AddWithValue("$clock", snapshot.Clock - Math.Max(0, retainOps));
                return drop.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public async Task DeleteAsync(string boardId, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(
            writer =>
            {
                var erased = 0;
                foreach (var sql in EraseBoard)
                {
                    var command = writer.Command(sql);
                    command.Parameters.AddWithValue("$id", boardId);
                    erased += command.ExecuteNonQuery();
                }

                return erased;
            },
            cancellationToken);
    }

    public async Task ForgetUserAsync(string boardId, string userId, CancellationToken cancellationToken = default)
    {
        // One transaction: read every row of the board, rewrite those that name the user.
        await database.WriteAsync(
            writer =>
            {
                var rewritten = 0;
                foreach (var (clock, op) in ReadRows<StoredOp>(writer, "SELECT clock, payload FROM board_ops WHERE board_id = $id", boardId))
                {
                    if (BoardAnonymiser.Op(op, userId) is { } changed)
                    {
                        rewritten += Update(writer, "UPDATE board_ops SET payload = $payload WHERE board_id = $id AND clock = $key", boardId, clock, changed);
                    }
                }

                foreach (var (_, snapshot) in ReadRows<StoredBoardSnapshot>(writer, "SELECT 0, payload FROM board_snapshots WHERE board_id = $id", boardId))
                {
                    if (BoardAnonymiser.Snapshot(snapshot, userId) is { } changed)
                    {
                        rewritten += Update(writer, "UPDATE board_snapshots SET payload = $payload WHERE board_id = $id", boardId, 0, changed);
                    }
                }

                foreach (var (seq, entry) in ReadRows<BoardHistoryEntry>(writer, "SELECT seq, entry FROM board_history WHERE board_id = $id", boardId))
                {
                    if (BoardAnonymiser.Entry(entry, userId) is { } changed)
                    {
                        rewritten += Update(writer, "UPDATE board_history SET entry = $payload WHERE board_id = $id AND seq = $key", boardId, seq, changed);
                    }
                }

                foreach (var (seq, elements) in ReadRows<BoardElement[]>(writer, "SELECT seq, elements FROM board_history WHERE board_id = $id", boardId))
                {
                    if (BoardAnonymiser.Elements(elements, userId) is { } changed)
                    {
                        rewritten += Update(writer, "UPDATE board_history SET elements = $payload WHERE board_id = $id AND seq = $key", boardId, seq, changed);
                    }
                }

                return rewritten;
            },
            cancellationToken);
    }

    private static List<(long Key, T Value)> ReadRows<T>(SqliteWriter writer, string sql, string boardId)
    {
        var rows = new List<(long, T)>();
        var command = writer.Command(sql);
        command.Parameters.AddWithValue("$id", boardId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), JsonSerializer.Deserialize<T>(reader.GetString(1), StorageJson.Options)!));
        }

        return rows;
    }

    private static int Update<T>(SqliteWriter writer, string sql, string boardId, long key, T value)
    {
        var command = writer.Command(sql);
        command.Parameters.AddWithValue("$id", boardId);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(value, StorageJson.Options));
        return command.ExecuteNonQuery();
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        SqliteGrainStorage.PingAsync(database, cancellationToken);

    private static StoredBoard Load(SqliteConnection connection, string boardId, bool afterSnapshotOnly)
    {
        StoredBoardSnapshot? snapshot = null;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT payload FROM board_snapshots WHERE board_id = $id";
            command.Parameters.AddWithValue("$id", boardId);
            if (command.ExecuteScalar() is string json)
            {
                snapshot = JsonSerializer.Deserialize<StoredBoardSnapshot>(json, StorageJson.Options);
            }
        }

        var after = afterSnapshotOnly ? snapshot?.Clock ?? 0 : long.MinValue;
        return new StoredBoard(snapshot, ReadOps(connection, boardId, after, long.MaxValue));
    }

    private static List<StoredOp> ReadOps(SqliteConnection connection, string boardId, long afterClock, long throughClock)
    {
        var ops = new List<StoredOp>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM board_ops WHERE board_id = $id AND clock > $after AND clock <= $through ORDER BY clock";
        command.Parameters.AddWithValue("$id", boardId);
        command.Parameters.AddWithValue("$after", afterClock);
        command.Parameters.AddWithValue("$through", throughClock);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ops.Add(JsonSerializer.Deserialize<StoredOp>(reader.GetString(0), StorageJson.Options)!);
        }

        return ops;
    }
    public async Task SaveHistoryAsync(string boardId, BoardHistorySnapshot snapshot, int keep, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO board_history (board_id, snapshot_id, entry, elements) VALUES ($id, $snapshot, $entry, $elements)";
            command.Parameters.AddWithValue("$id", boardId);
            command.Parameters.AddWithValue("$snapshot", snapshot.Entry.Id);
            command.Parameters.AddWithValue("$entry", JsonSerializer.Serialize(snapshot.Entry, StorageJson.Options));
            command.Parameters.AddWithValue("$elements", JsonSerializer.Serialize(snapshot.Elements, StorageJson.Options));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                DELETE FROM board_history WHERE board_id = $id AND seq NOT IN
                    (SELECT seq FROM board_history WHERE board_id = $id ORDER BY seq DESC LIMIT $keep)
                """;
            command.Parameters.AddWithValue("$id", boardId);
            command.Parameters.AddWithValue("$keep", Math.Max(1, keep));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BoardHistoryEntry>> ListHistoryAsync(string boardId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry FROM board_history WHERE board_id = $id ORDER BY seq DESC";
        command.Parameters.AddWithValue("$id", boardId);
        var entries = new List<BoardHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(JsonSerializer.Deserialize<BoardHistoryEntry>(reader.GetString(0), StorageJson.Options)!);
        }

        return entries;
    }

    public async Task<BoardHistorySnapshot?> LoadHistoryAsync(string boardId, string snapshotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry, elements FROM board_history WHERE board_id = $id AND snapshot_id = $snapshot";
        command.Parameters.AddWithValue("$id", boardId);
        command.Parameters.AddWithValue("$snapshot", snapshotId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new BoardHistorySnapshot
        {
            Entry = JsonSerializer.Deserialize<BoardHistoryEntry>(reader.GetString(0), StorageJson.Options)!,
            Elements = JsonSerializer.Deserialize<BoardElement[]>(reader.GetString(1), StorageJson.Options)!,
        };
    }

}
