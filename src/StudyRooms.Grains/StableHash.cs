namespace StudyRooms.Grains;

/// <summary>A string hash that is the same in every process, unlike <see cref="string.GetHashCode()"/>.</summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the string's UTF-16 code units.</summary>
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
