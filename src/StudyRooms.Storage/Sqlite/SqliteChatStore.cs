using System.Text.Json;
using Microsoft.Data.Sqlite;
using StudyRooms.Contracts.Chat;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Serialization;

namespace StudyRooms.Storage.Sqlite;

/// <summary>
/// Room chats in the embedded SQLite file: one row per message keyed by (room, seq), one transaction
/// per write. Pages walk the primary key (timeline: rows without a thread root; threads: the
/// (room, thread_root, seq) index). Search folds case in .NET (a SQL function), since SQLite's LIKE
/// folds ASCII only; it reads the room's rows newest first and stops at the page size.
/// </summary>
public sealed class SqliteChatStore(SqliteDatabase database) : IChatStore
{
    public async Task WriteAsync(string roomId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO chat_messages (room_id, seq, thread_root, deleted, text, payload)
            VALUES ($room, $seq, $root, $deleted, $text, $payload)
            ON CONFLICT (room_id, seq) DO UPDATE SET
                thread_root = excluded.thread_root, deleted = excluded.deleted,
                text = excluded.text, payload = excluded.payload
            """;
        command.Parameters.Add("$room", SqliteType.Text).Value = roomId;
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        var root = command.Parameters.Add("$root", SqliteType.Integer);
        var deleted = command.Parameters.Add("$deleted", SqliteType.Integer);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        foreach (var message in messages)
        {
            seq.Value = message.Seq;
            root.Value = message.ThreadRootSeq is { } r ? r : DBNull.Value;
            deleted.Value = message.Deleted ? 1 : 0;
            text.Value = message.Text;
            payload.Value = JsonSerializer.Serialize(message, StorageJson.Options);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ChatMessage?> GetAsync(string roomId, long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM chat_messages WHERE room_id = $room AND seq = $seq";
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? Read(json) : null;
    }

    public async Task<IReadOnlyList<ChatMessage>> RecentAsync(string roomId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM chat_messages WHERE room_id = $room ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ChatMessage>> PageAsync(string roomId, long? threadRootSeq, long? beforeSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = threadRootSeq is null
            ? "SELECT payload FROM chat_messages WHERE room_id = $room AND thread_root IS NULL AND seq < $before ORDER BY seq DESC LIMIT $limit"
            : "SELECT payload FROM chat_messages WHERE room_id = $room AND thread_root = $root AND seq < $before ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$root", threadRootSeq ?? 0);
        command.Parameters.AddWithValue("$before", beforeSeq ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<ChatSearchPage> SearchAsync(string roomId, string query, long? beforeSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        connection.CreateFunction("chat_fold", static (string text) => ChatSearch.Fold(text), isDeterministic: true);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT payload FROM chat_messages
            WHERE room_id = $room AND seq < $before AND deleted = 0 AND instr(chat_fold(text), $query) > 0
            ORDER BY seq DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$before", beforeSeq ?? long.MaxValue);
        command.Parameters.AddWithValue("$query", ChatSearch.Fold(query));
        command.Parameters.AddWithValue("$limit", limit + 1);
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count > limit
            ? new ChatSearchPage(found.Take(limit).ToList(), found[limit - 1].Seq)
            : new ChatSearchPage(found, null);
    }

    public async Task<long> GetReadAsync(string roomId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq FROM chat_reads WHERE room_id = $room AND user_id = $user";
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$user", userId);
        return await command.ExecuteScalarAsync(cancellationToken) is long seq ? seq : 0;
    }

    public async Task SetReadAsync(string roomId, string userId, long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO chat_reads (room_id, user_id, seq) VALUES ($room, $user, $seq)
            ON CONFLICT (room_id, user_id) DO UPDATE SET seq = excluded.seq WHERE excluded.seq > chat_reads.seq
            """;
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChatMessage>> ScanAsync(string roomId, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM chat_messages WHERE room_id = $room AND seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task ForgetReadAsync(string roomId, string userId, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(
            writer =>
            {
                var command = writer.Command("DELETE FROM chat_reads WHERE room_id = $room AND user_id = $user");
                command.Parameters.AddWithValue("$room", roomId);
                command.Parameters.AddWithValue("$user", userId);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public async Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(
            writer =>
            {
                var erased = 0;
                foreach (var sql in (string[])["DELETE FROM chat_messages WHERE room_id = $room", "DELETE FROM chat_reads WHERE room_id = $room"])
                {
                    var command = writer.Command(sql);
                    command.Parameters.AddWithValue("$room", roomId);
                    erased += command.ExecuteNonQuery();
                }

                return erased;
            },
            cancellationToken);
    }

    private static ChatMessage Read(string json) => JsonSerializer.Deserialize<ChatMessage>(json, StorageJson.Options)!;

    private static async Task<IReadOnlyList<ChatMessage>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(Read(reader.GetString(0)));
        }

        return messages;
    }
}
