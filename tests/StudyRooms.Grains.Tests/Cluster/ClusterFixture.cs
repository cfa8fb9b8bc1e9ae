using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage;

namespace StudyRooms.Grains.Tests.Cluster;

/// <summary>The general grain silo (<see cref="SiloFixture"/>) with uploaded files on disk and sprint phases of seconds.</summary>
public sealed class ClusterFixture() : SiloFixture("grains-cluster")
{
    /// <summary>Where the silo keeps uploaded resource files (P-RES-6).</summary>
    public string FilesDirectory => Path.Combine(DataDirectory, "files");

    /// <summary>Makes the silo's storage fail on one table until the result is disposed.</summary>
    public async Task<HiddenTable> HideTableAsync(string table)
    {
        // Open the silo's database first, so its lazy schema set-up cannot recreate the hidden table.
        await Cluster.GetSiloServiceProvider().GetRequiredService<IBoardStore>().PingAsync();
        return await HiddenTable.HideAsync(Path.Combine(DataDirectory, "studyrooms.db"), table);
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddStudyRoomsResourceFiles(FilesDirectory);

        // Sprint phases of seconds, so a test sees the grain's own timer announce a phase change.
        silo.Services.Configure<StudyRooms.Grains.Sprints.SprintOptions>(sprint => sprint.MinimumPhase = TimeSpan.FromSeconds(1));

        // Nothing vouches for connections here; presence expiry has its own fake-clock cluster (RoomPresenceTests).
        silo.Services.Configure<RoomPresenceOptions>(presence => presence.Expiry = TimeSpan.FromHours(1));
    }
}
