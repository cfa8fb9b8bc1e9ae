namespace StudyRooms.Deployment.Tests;

/// <summary>Files of the repository these tests check, found from the test output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StudyRooms.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"StudyRooms.sln not found above {AppContext.BaseDirectory}");
    }
}
