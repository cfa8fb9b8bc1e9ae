using System.Globalization;
using Orleans.Runtime;
using Orleans.Storage;

namespace StudyRooms.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file. The etag is a version number; a write with a
/// stale etag fails with <see cref="InconsistentStateException"/> as Orleans expects. Writes go
/// through the database's shared writer (one commit for the writes waiting together).
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const string Insert = """
        INSERT INTO grain_state (state_name, grain_id, etag, payload) VALUES ($name, $id, 1, $payload)
        ON CONFLICT (state_name, grain_id) DO NOTHING
        """;

    private const string Update = """
        UPDATE grain_state SET etag = etag + 1, payload = $payload
        WHERE state_name = $name AND grain_id = $id AND etag = $etag
        """;

    private const string Delete = "DELETE FROM grain_state WHERE state_name = $name AND grain_id = $id";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var row = await database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $name AND grain_id = $id";
            command.Parameters.AddWithValue("$name", stateName);
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (Etag: reader.GetInt64(0), Payload: (byte[])reader.GetValue(1)) : ((long Etag, byte[] Payload)?)null;
        });
        if (row is not { } found)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(found.Payload));
        grainState.ETag = found.Etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var id = grainId.ToString();
        long? etag = grainState.ETag is null ? null : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var changed = await database.WriteAsync(writer =>
        {
            var command = writer.Command(etag is null ? Insert : Update);
            command.Parameters.AddWithValue("$name", stateName);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$payload", payload);
            if (etag is { } expected)
            {
                command.Parameters.AddWithValue("$etag", expected);
            }

            return command.ExecuteNonQuery();
        });
        if (changed != 1)
        {
            throw new InconsistentStateException($"Grain state {stateName} of {grainId} was changed by another activation", "unknown", grainState.ETag ?? "none");
        }

        grainState.ETag = ((etag ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        await database.WriteAsync(writer =>
        {
            var command = writer.Command(Delete);
            command.Parameters.AddWithValue("$name", stateName);
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        });
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Throws when the database cannot be queried.</summary>
    public static Task PingAsync(SqliteDatabase database, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM grain_state WHERE 0";
                return command.ExecuteScalar();
            },
            cancellationToken);
}
