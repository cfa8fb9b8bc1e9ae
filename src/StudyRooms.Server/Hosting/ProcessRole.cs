using System.Reflection;

namespace StudyRooms.Server.Hosting;

/// <summary>Whether this server is the process itself, or a host inside another one (the tests' in-process servers).</summary>
public static class ProcessRole
{
    /// <summary>
    /// True when StudyRooms.Server is the process's entry assembly. Only then may the server end the
    /// process or answer a failed start with an exit code; a host inside another process throws instead.
    /// </summary>
    public static bool IsServer { get; } = Assembly.GetEntryAssembly() == typeof(ProcessRole).Assembly;
}
