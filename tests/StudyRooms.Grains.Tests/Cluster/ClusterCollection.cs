namespace StudyRooms.Grains.Tests.Cluster;

/// <summary>The grain test classes share one in-process cluster; each test uses fresh grain keys.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "StudyRooms cluster";
}
