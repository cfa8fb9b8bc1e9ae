using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace StudyRooms.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file. The etag is a version number; a write with a
/// stale etag fails with <see cref="InconsistentStateException"/> as Orleans expects.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $name AND grain_id = $id";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var etag = reader.GetInt64(0);
        var payload = (byte[])reader.GetValue(1);
        grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = etag.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        if (grainState.ETag is null)
        {
            command.CommandText = """
                INSERT INTO grain_state (state_name, grain_id, etag, payload) VALUES ($name, $id, 1, $payload)
                ON CONFLICT (state_name, grain_id) DO NOTHING
                """;
        }
        else
        {
            command.CommandText = """
                UPDATE grain_state SET etag = etag + 1, payload = $payload
                WHERE state_name = $name AND grain_id = $id AND etag = $etag
                """;
            command.Parameters.AddWithValue("$etag", long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture));
        }

        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$payload", payload);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InconsistentStateException($"Grain state {stateName} of {grainId} was changed by another activation", "unknown", grainState.ETag ?? "none");
        }

        var next = grainState.ETag is null ? 1 : long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture) + 1;
        grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM grain_state WHERE state_name = $name AND grain_id = $id";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        await command.ExecuteNonQueryAsync();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Throws when the database cannot be queried.</summary>
    public static async Task PingAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM grain_state WHERE 0";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
