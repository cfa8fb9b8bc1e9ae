using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using Microsoft.Data.Sqlite;
using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Sqlite;

// Board apply-and-persist latency and cold load, through BoardDocument and SqliteBoardStore as the
// board grain uses them (no silo, no network). Usage: dotnet run -c Release -- [iterations | --cold-load-only]
var coldOnly = args.Contains("--cold-load-only");
var iterations = args.Length > 0 && !coldOnly ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
if (!coldOnly)
{
    Console.WriteLine($"StudyRooms.BoardBench: {iterations} single-op pushes per board size, {Environment.ProcessorCount} cores");
    Console.WriteLine("| elements | p50 µs | p99 µs | max µs | snapshot copy ms | snapshot write ms |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
    foreach (var size in new[] { 100, 10_000, 50_000 })
    {
        await MeasurePushesAsync(size, iterations);
    }
}

await MeasureColdLoadAsync(10_000);

static async Task MeasurePushesAsync(int size, int iterations)
{
    var directory = NewDirectory();
    try
    {
        var store = new SqliteBoardStore(new SqliteDatabase(directory));
        var document = await FillAsync(store, size);
        var random = new Random(42);
        long seq = 0;
        var histogram = new LongHistogram(TimeSpan.FromSeconds(10).Ticks * 100, 3);
        for (var i = 0; i < iterations + 200; i++)
        {
            var target = $"e{random.Next(size)}";
            var op = new ElementOp { Kind = ElementOpKind.Patch, ElementId = target, ClientSeq = ++seq, Props = new ElementProps { X = random.Next(1000), Y = random.Next(1000) } };
            var started = Stopwatch.GetTimestamp();
            var plan = document.Plan("u_bench", "c_patch", [op]);
            await store.AppendAsync("board", plan.NewOps);
            foreach (var stored in plan.NewOps)
            {
                document.Apply(stored);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (i >= 200)
            {
                histogram.RecordValue((long)(elapsed.TotalMicroseconds * 100)); // warm-up excluded; 0.01 µs units
            }
        }

        var copy = Stopwatch.StartNew();
        var snapshot = document.ToStoredSnapshot();
        copy.Stop();
        var write = Stopwatch.StartNew();
        await store.SaveSnapshotAsync("board", snapshot, retainOps: 10_000);
        write.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {Us(histogram.GetValueAtPercentile(50))} | {Us(histogram.GetValueAtPercentile(99))} | {Us(histogram.GetMaxValue())} | {copy.Elapsed.TotalMilliseconds:0.0} | {write.Elapsed.TotalMilliseconds:0} |"));
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    static string Us(long hundredths) => (hundredths / 100.0).ToString("0", CultureInfo.InvariantCulture);
}

static async Task MeasureColdLoadAsync(int size)
{
    var directory = NewDirectory();
    try
    {
        var store = new SqliteBoardStore(new SqliteDatabase(directory));
        var document = await FillAsync(store, size);
        // A realistic tail: 1,000 patches after the snapshot, all kept for resume.
        var ops = Enumerable.Range(0, 1_000).Select(i => new ElementOp { Kind = ElementOpKind.Patch, ElementId = $"e{i}", ClientSeq = i + 1, Props = new ElementProps { X = i } }).ToArray();
        foreach (var chunk in ops.Chunk(200))
        {
            var plan = document.Plan("u_bench", "c_tail", chunk);
            await store.AppendAsync("board", plan.NewOps);
            foreach (var op in plan.NewOps)
            {
                document.Apply(op);
            }
        }

        Console.WriteLine();
        for (var round = 1; round <= 3; round++)
        {
            // Before: the whole stored log, retained tail included, at activation.
            SqliteConnection.ClearAllPools();
            var watch = Stopwatch.StartNew();
            var stored = await new SqliteBoardStore(new SqliteDatabase(directory)).LoadAsync("board");
            var loaded = BoardDocument.Restore(stored);
            var log = BoardOpLog.Load(10_000, loaded.Clock, stored.Ops);
            var full = watch.Elapsed.TotalMilliseconds;

            // Now (BoardGrain.OnActivateAsync): the snapshot and the ops after it only.
            SqliteConnection.ClearAllPools();
            watch.Restart();
            var fresh = new SqliteBoardStore(new SqliteDatabase(directory));
            var current = await ((IBoardStore)fresh).LoadCurrentAsync("board");
            loaded = BoardDocument.Restore(current);
            var lazyLog = BoardOpLog.Load(10_000, loaded.Clock, current.Ops);
            var cold = watch.Elapsed.TotalMilliseconds;

            // The first resume that reaches before the snapshot then reads the retained tail once.
            watch.Restart();
            var through = lazyLog.ResumableFrom;
            lazyLog.Prepend(await ((IBoardStore)fresh).LoadOpsAsync("board", through - lazyLog.Room, through));
            var tail = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Cold load of a {size:N0}-element board, round {round}: with the whole log ({stored.Ops.Count:N0} ops, {log.Count:N0} kept for resume) {full:0} ms; snapshot + ops after it ({current.Ops.Count:N0}) {cold:0} ms; retained tail on first resume (log then {lazyLog.Count:N0}) {tail:0} ms"));
        }
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

// A board of freehand strokes (8 points each) built as the grain would: ops appended in pushes of
// 200, then one snapshot, so the measured pushes append to a log of realistic length.
static async Task<BoardDocument> FillAsync(IBoardStore store, int size)
{
    var document = new BoardDocument();
    var creates = Enumerable.Range(0, size).Select(i => new ElementOp
    {
        Kind = ElementOpKind.Create,
        ElementId = $"e{i}",
        ClientSeq = i + 1,
        Type = "freehand",
        Props = new ElementProps { X = i % 1000, Y = i / 1000, Points = [0, 0, 3, 4, 6, 9, 10, 12, 14, 13, 17, 15, 20, 20, 24, 22], StrokeColor = "#1971c2", StrokeWidth = 3, ZIndex = "a0" },
    }).ToArray();
    foreach (var chunk in creates.Chunk(200))
    {
        var plan = document.Plan("u_bench", "c_fill", chunk);
        await store.AppendAsync("board", plan.NewOps);
        foreach (var op in plan.NewOps)
        {
            document.Apply(op);
        }
    }

    await store.SaveSnapshotAsync("board", document.ToStoredSnapshot(), retainOps: 10_000);
    return document;
}

static string NewDirectory()
{
    var path = Path.Combine(Path.GetTempPath(), "studyrooms-bench-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(path);
    return path;
}
