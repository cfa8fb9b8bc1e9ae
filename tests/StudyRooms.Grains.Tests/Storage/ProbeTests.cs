using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Storage;

public sealed class ProbeTests
{
    [Fact]
    public async Task Probe()
    {
        using var dir = new TempDirectory("probe");
        // Make the database path unopenable: a directory where the file should be.
        Directory.CreateDirectory(Path.Combine(dir.Path, "studyrooms.db"));
        var db = new SqliteDatabase(dir.Path);
        var first = await Record.ExceptionAsync(() => db.OpenAsync());
        Assert.NotNull(first);
        Directory.Delete(Path.Combine(dir.Path, "studyrooms.db"));
        var second = await Record.ExceptionAsync(async () => { await using var c = await db.OpenAsync(); });
        Assert.Null(second);
    }
}
