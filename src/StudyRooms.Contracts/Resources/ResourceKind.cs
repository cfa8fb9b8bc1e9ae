namespace StudyRooms.Contracts.Resources;

/// <summary>What a resource on a room's shelf is (P-RES-1).</summary>
public enum ResourceKind
{
    /// <summary>A pinned http or https address with a title.</summary>
    Link,

    /// <summary>A short plain-text note.</summary>
    Note,

    /// <summary>An uploaded file, stored on the server's disk (P-RES-6).</summary>
    File,
}
