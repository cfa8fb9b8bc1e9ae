using System.Text.Json;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Serialization;

namespace StudyRooms.Storage.Sqlite;

/// <summary>Board op log (a retained tail plus the ops after the snapshot), snapshots and the bounded history of named snapshots in the embedded SQLite file; one transaction per append.</summary>
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

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        SqliteGrainStorage.PingAsync(database, cancellationToken);
}
