using StudyRooms.Server.Hosting;
using StudyRooms.Server.Web;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebClient.RootPath });
builder.AddStudyRooms();

var app = builder.Build();
app.MapStudyRooms();
app.Run();

/// <summary>Entry point; public so functional tests can host it.</summary>
public partial class Program;
