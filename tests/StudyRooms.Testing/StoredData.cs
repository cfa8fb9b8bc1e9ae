using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace StudyRooms.Testing;

/// <summary>
/// Looks through everything a deployment stored for a text (a room id), with no knowledge of the
/// schema: every row of every SQLite table, every Redis key's name and contents. What a deletion must
/// leave with no match (P-LIFE-4).
/// </summary>
public static class StoredData
{
    /// <summary>"table: row" of every row in the SQLite file with a column whose text contains <paramref name="text"/>.</summary>
    public static async Task<IReadOnlyList<string>> SqliteRowsMentioningAsync(string databaseFile, string text)
    {
        // Its own read connection: WAL readers see every committed write of the server's writer.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var columns = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Text(reader.GetValue(i))).ToArray();
                if (columns.Any(c => c.Contains(text, StringComparison.Ordinal)))
                {
                    found.Add($"{table}: {string.Join(" | ", columns.Select(c => c.Length > 120 ? c[..120] + "…" : c))}");
                }
            }
        }

        return found;
    }

    /// <summary>Every Redis key whose name or contents contain <paramref name="text"/>, with its type.</summary>
    public static async Task<IReadOnlyList<string>> RedisKeysMentioningAsync(string connectionString, string text)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
        var db = redis.GetDatabase();
        var found = new List<string>();
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var key in redis.GetServer(endpoint).KeysAsync(pattern: "*"))
            {
                var name = key.ToString();
                var type = await db.KeyTypeAsync(key);
                var contents = type switch
                {
                    RedisType.String => [(string?)await db.StringGetAsync(key)],
                    RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { (string?)e.Name, (string?)e.Value }),
                    RedisType.List => (await db.ListRangeAsync(key)).Select(v => (string?)v),
                    RedisType.Set => (await db.SetMembersAsync(key)).Select(v => (string?)v),
                    RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key)).Select(v => (string?)v),
                    _ => [],
                };
                if (name.Contains(text, StringComparison.Ordinal) || contents.Any(c => c?.Contains(text, StringComparison.Ordinal) == true))
                {
                    found.Add($"{type} {name}");
                }
            }
        }

        return found;
    }

    private static string Text(object value) => value switch
    {
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
