using Microsoft.Data.Sqlite;

namespace StudyRooms.Storage.Sqlite;

/// <summary>
/// The one connection that writes, as a write callback of <see cref="SqliteDatabase.WriteAsync{T}"/>
/// sees it: statements are prepared once per SQL text and reused for the life of the connection.
/// </summary>
public sealed class SqliteWriter : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    internal SqliteWriter(SqliteConnection connection) => Connection = connection;

    internal SqliteConnection Connection { get; }

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters cleared for the caller to add.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    internal void Execute(string sql) => Command(sql).ExecuteNonQuery();

    /// <summary>Rolls back a transaction that may or may not still be open (SQLite ends some failed ones itself).</summary>
    internal void RollBackQuietly()
    {
        try
        {
            Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // "no transaction is active": SQLite already rolled it back.
        }
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _prepared.Clear();
        Connection.Dispose();
    }
}
