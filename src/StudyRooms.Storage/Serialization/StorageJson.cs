using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyRooms.Storage.Serialization;

/// <summary>
/// The one JSON shape of stored board data: camelCase names, enums as strings, no type names, so
/// renaming a C# type never breaks saved boards.
/// </summary>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
