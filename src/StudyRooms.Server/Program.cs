using StudyRooms.Server.Hosting;
using StudyRooms.Server.Maintenance;
using StudyRooms.Server.Web;

if (DataBackup.IsCommand(args))
{
    return DataBackup.Run(args, Console.Out, Console.Error);
}

// A start that fails for a reason of the operator's ends with a plain message and exit code 1
// (StartFailure); only the start is guarded, so nothing later is reported as a failed start.
WebApplication? app = null;
try
{
    // Settings are read and validated once, at start; nothing reloads them. So the content root is not
    // watched for changes to appsettings.json: with the default data directory (./data) inside it, every
    // SQLite write woke that recursive watcher, about a tenth of a busy server's CPU (docs/benchmarks.md).
    // First in the list, so an operator's own --hostBuilder:reloadConfigOnChange still wins.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
        WebRootPath = WebClient.RootPath,
    });
    builder.AddStudyRooms();

    app = builder.Build();
    app.MapStudyRooms();
    await app.StartAsync();
}
catch (Exception e) when (ProcessRole.IsServer && StartFailure.Explain(e) is { } explanation)
{
    Console.Error.WriteLine(explanation);
    if (app is not null)
    {
        await app.DisposeAsync();
    }

    return 1;
}

// Until SIGTERM or Ctrl+C; a stop that cannot finish is bounded by ShutdownDeadline.
await using (app)
{
    await app.WaitForShutdownAsync();
}

return 0;

/// <summary>Entry point; public so functional tests can host it.</summary>
public partial class Program;
