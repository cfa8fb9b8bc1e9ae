using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Server.Maintenance;

/// <summary>
/// Backup and restore of the embedded mode's data directory (docs/operations.md, "Backups"):
/// <c>backup &lt;dir&gt;</c> may run while the server runs; <c>restore &lt;dir&gt;</c> runs while it is stopped.
/// The database is copied with SQLite's <c>VACUUM INTO</c>, one read transaction, so the copy is the
/// database as of one instant even while the server writes; every other file of the data directory
/// (the signing key, uploaded files) is copied beside it.
/// </summary>
public static class DataBackup
{
    public const string ManifestFile = "studyrooms-backup.json";

    private static readonly string[] LiveDatabaseFiles = [SqliteDatabase.FileName, SqliteDatabase.FileName + "-wal", SqliteDatabase.FileName + "-shm", SqliteDatabase.FileName + "-journal"];

    /// <summary>Whether <paramref name="args"/> name a maintenance command rather than starting the server.</summary>
    public static bool IsCommand(string[] args) => args is ["backup" or "restore", ..];

    /// <summary>Runs the command; the exit code is 0 on success, 1 on failure, 2 on a usage error.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(2).Where(a => a != "--force").ToArray())
            .Build();
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("usage: StudyRooms.Server backup <new-directory> | restore <backup-directory> [--force]  [--StudyRooms:DataDirectory=<dir>]");
            return 2;
        }

        if (!string.IsNullOrWhiteSpace(configuration["StudyRooms:Redis"]))
        {
            error.WriteLine("StudyRooms:Redis is set: this server keeps its data in Redis. Back it up with `redis-cli --rdb <file>` (docs/operations.md, \"Backups\").");
            return 2;
        }

        var dataDirectory = Path.GetFullPath(configuration["StudyRooms:DataDirectory"] ?? "./data");
        var directory = Path.GetFullPath(args[1]);
        try
        {
            return args[0] == "backup"
                ? Backup(dataDirectory, directory, output, error)
                : Restore(directory, dataDirectory, args.Contains("--force"), output, error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            error.WriteLine($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }

    private static int Backup(string dataDirectory, string target, TextWriter output, TextWriter error)
    {
        var database = Path.Combine(dataDirectory, SqliteDatabase.FileName);
        if (!File.Exists(database))
        {
            error.WriteLine($"{database} does not exist: nothing to back up (is StudyRooms:DataDirectory right?).");
            return 1;
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            error.WriteLine($"{target} is not empty; back up into a new directory.");
            return 1;
        }

        Directory.CreateDirectory(target);
        var copy = Path.Combine(target, SqliteDatabase.FileName);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString()))
        {
            connection.Open();
            using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", copy);
            vacuum.ExecuteNonQuery();
        }

        var check = IntegrityOf(copy);
        if (check != "ok")
        {
            error.WriteLine($"the copy of the database failed its integrity check: {check}");
            return 1;
        }

        var files = CopyFiles(dataDirectory, target, skip: LiveDatabaseFiles);
        var manifest = new BackupManifest(DateTimeOffset.UtcNow, new FileInfo(copy).Length, files);
        File.WriteAllText(Path.Combine(target, ManifestFile), JsonSerializer.Serialize(manifest, ManifestJson.Default.BackupManifest));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backed up {dataDirectory} to {target}: database {manifest.DatabaseBytes} bytes, {files} other files"));
        return 0;
    }

    private static int Restore(string source, string dataDirectory, bool force, TextWriter output, TextWriter error)
    {
        if (!File.Exists(Path.Combine(source, ManifestFile)) || !File.Exists(Path.Combine(source, SqliteDatabase.FileName)))
        {
            error.WriteLine($"{source} is not a StudyRooms backup (no {ManifestFile} and {SqliteDatabase.FileName}).");
            return 1;
        }

        var check = IntegrityOf(Path.Combine(source, SqliteDatabase.FileName));
        if (check != "ok")
        {
            error.WriteLine($"the backup's database failed its integrity check: {check}");
            return 1;
        }

        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            if (!force)
            {
                error.WriteLine($"{dataDirectory} is not empty. Stop the server, then run restore with --force: the current data is moved aside, not deleted.");
                return 1;
            }

            var aside = $"{dataDirectory.TrimEnd(Path.DirectorySeparatorChar)}.before-restore-{DateTimeOffset.UtcNow:yyyyMMddTHHmmssZ}";
            Directory.Move(dataDirectory, aside);
            output.WriteLine($"moved the current data to {aside}");
        }

        Directory.CreateDirectory(dataDirectory);
        var files = CopyFiles(source, dataDirectory, skip: [ManifestFile]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"restored {source} into {dataDirectory}: {files} files"));
        return 0;
    }

    private static string IntegrityOf(string databaseFile)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "no answer";
    }

    /// <summary>Copies every file under <paramref name="from"/> but the skipped top-level ones and unfinished temp files.</summary>
    private static int CopyFiles(string from, string to, string[] skip)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip.Contains(relative) || file.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: false);
            count++;
        }

        return count;
    }
}
