namespace StudyRooms.Grains.Boards;

/// <summary>Shape of the ids clients choose: element ids, stroke ids and client ids (P-JOIN-1, P-OPS-4).</summary>
public static class Identifiers
{
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= BoardLimits.MaxIdLength && id.All(IsIdChar);

    private static bool IsIdChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-';
}
