using Microsoft.Data.Sqlite;

namespace StudyRooms.Grains.Tests.Cluster;

/// <summary>
/// A real storage fault: renames a table of the silo's SQLite file so the silo's next statement on it
/// fails, and renames it back on dispose. Only for tests of the cluster collection, which run one at a time.
/// </summary>
public sealed class HiddenTable : IAsyncDisposable
{
    private readonly string _databaseFile;
    private readonly string _table;

    private HiddenTable(string databaseFile, string table)
    {
        _databaseFile = databaseFile;
        _table = table;
    }

    public static async Task<HiddenTable> HideAsync(string databaseFile, string table)
    {
        var hidden = new HiddenTable(databaseFile, table);
        await hidden.RenameAsync(table, HiddenName(table));
        return hidden;
    }

    public async ValueTask DisposeAsync() => await RenameAsync(HiddenName(_table), _table);

    private static string HiddenName(string table) => table + "_hidden_by_test";

    private async Task RenameAsync(string from, string to)
    {
        // A plain connection: opening a SqliteDatabase would run its CREATE TABLE IF NOT EXISTS.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _databaseFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
        await command.ExecuteNonQueryAsync();
    }
}
