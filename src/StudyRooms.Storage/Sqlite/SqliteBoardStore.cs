using System.Text.Json;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Serialization;

namespace StudyRooms.Storage.Sqlite;

/// <summary>Board op log (a retained tail plus the ops after the snapshot) and snapshots in the embedded SQLite file; one transaction per append.</summary>
public sealed class SqliteBoardStore(SqliteDatabase database) : IBoardStore
{
    public async Task<StoredBoard> LoadAsync(string boardId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        StoredBoardSnapshot? snapshot = null;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT payload FROM board_snapshots WHERE board_id = $id";
            command.Parameters.AddWithValue("$id", boardId);
            if (await command.ExecuteScalarAsync(cancellationToken) is string json)
            {
                snapshot = JsonSerializer.Deserialize<StoredBoardSnapshot>(json, StorageJson.Options);
            }
        }

        var ops = new List<StoredOp>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT payload FROM board_ops WHERE board_id = $id ORDER BY clock";
            command.Parameters.AddWithValue("$id", boardId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ops.Add(JsonSerializer.Deserialize<StoredOp>(reader.GetString(0), StorageJson.Options)!);
            }
        }

        return new StoredBoard(snapshot, ops);
    }

    public async Task AppendAsync(string boardId, IReadOnlyList<StoredOp> ops, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO board_ops (board_id, clock, payload) VALUES ($id, $clock, $payload)";
        var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var clock = command.Parameters.Add("$clock", Microsoft.Data.Sqlite.SqliteType.Integer);
        var payload = command.Parameters.Add("$payload", Microsoft.Data.Sqlite.SqliteType.Text);
        id.Value = boardId;
        foreach (var op in ops)
        {
            clock.Value = op.Clock;
            payload.Value = JsonSerializer.Serialize(op, StorageJson.Options);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveSnapshotAsync(string boardId, StoredBoardSnapshot snapshot, int retainOps, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO board_snapshots (board_id, clock, payload) VALUES ($id, $clock, $payload)
                ON CONFLICT (board_id) DO UPDATE SET clock = excluded.clock, payload = excluded.payload
                WHERE excluded.clock > board_snapshots.clock
                """;
            command.Parameters.AddWithValue("$id", boardId);
            command.Parameters.AddWithValue("$clock", snapshot.Clock);
            command.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(snapshot, StorageJson.Options));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM board_ops WHERE board_id = $id AND clock <= $clock";
            command.Parameters.AddWithValue("$id", boardId);
            command.Parameters.AddWithValue("$clock", snapshot.Clock - Math.Max(0, retainOps));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        SqliteGrainStorage.PingAsync(database, cancellationToken);
}
