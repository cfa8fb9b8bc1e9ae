namespace StudyRooms.Grains.Storage;

/// <summary>Names of the Orleans grain storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Room settings and other small per-grain state.</summary>
    public const string Rooms = "studyrooms";
}
