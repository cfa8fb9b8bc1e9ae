using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Storage;

// Proves the embedded mode's reminder table: rows survive a new database instance (a restarted
// process), range reads follow Orleans' (begin, end] ring semantics, and removal needs the etag
// (docs/sprints.md, "The clock").
public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly TempDirectory _directory = new("reminders");

    public void Dispose() => _directory.Dispose();

    private static ReminderEntry Entry(string key, string name = "sprint-phase") => new()
    {
        GrainId = GrainId.Create("sprint", key),
        ReminderName = name,
        StartAt = new DateTime(2026, 3, 2, 9, 25, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task ARowSurvivesARestartAndAnUpsertMovesItsEtag()
    {
        var entry = Entry("room-a");
        var first = await new SqliteReminderTable(new SqliteDatabase(_directory.Path)).UpsertRow(entry);
        var second = await new SqliteReminderTable(new SqliteDatabase(_directory.Path)).UpsertRow(entry);

        var reopened = new SqliteReminderTable(new SqliteDatabase(_directory.Path));
        var row = (await reopened.ReadRow(entry.GrainId, entry.ReminderName))!;

        Assert.NotEqual(first, second);
        Assert.Equal((entry.GrainId, entry.StartAt, entry.Period, second), (row.GrainId, row.StartAt, row.Period, row.ETag));
        Assert.Single((await reopened.ReadRows(entry.GrainId)).Reminders);
        Assert.Null(await reopened.ReadRow(entry.GrainId, "other"));
    }

    [Fact]
    public async Task RangeReadsCoverTheWholeRingExactlyOnce()
    {
        var table = new SqliteReminderTable(new SqliteDatabase(_directory.Path));
        var entries = Enumerable.Range(0, 20).Select(i => Entry($"room-{i}")).ToList();
        foreach (var entry in entries)
        {
            await table.UpsertRow(entry);
        }

        // Split the ring at two points; the two arcs (one wrapping) together hold every row once.
        const uint a = 0x4000_0000;
        const uint b = 0xC000_0000;
        var inner = (await table.ReadRows(a, b)).Reminders.Select(r => r.GrainId).ToList();
        var wrapping = (await table.ReadRows(b, a)).Reminders.Select(r => r.GrainId).ToList();

        Assert.All(inner, id => Assert.InRange(id.GetUniformHashCode(), a + 1, b));
        Assert.Equal(entries.Select(e => e.GrainId).OrderBy(id => id.ToString()), inner.Concat(wrapping).OrderBy(id => id.ToString()));
    }

    [Fact]
    public async Task RemovalNeedsTheCurrentEtag()
    {
        var table = new SqliteReminderTable(new SqliteDatabase(_directory.Path));
        var entry = Entry("room-r");
        var etag = (await table.UpsertRow(entry))!;

        Assert.False(await table.RemoveRow(entry.GrainId, entry.ReminderName, "999"));
        Assert.True(await table.RemoveRow(entry.GrainId, entry.ReminderName, etag));
        Assert.Empty((await table.ReadRows(entry.GrainId)).Reminders);
    }
}
