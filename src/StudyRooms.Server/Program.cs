using StudyRooms.Server.Hosting;
using StudyRooms.Server.Maintenance;
using StudyRooms.Server.Web;

if (DataBackup.IsCommand(args))
{
    return DataBackup.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebClient.RootPath });
builder.AddStudyRooms();

var app = builder.Build();
app.MapStudyRooms();
app.Run();
return 0;

/// <summary>Entry point; public so functional tests can host it.</summary>
public partial class Program;
