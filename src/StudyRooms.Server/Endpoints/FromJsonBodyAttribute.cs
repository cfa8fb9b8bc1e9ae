using Microsoft.AspNetCore.Http.Metadata;

namespace StudyRooms.Server.Endpoints;

/// <summary>
/// Binds a parameter from the JSON body where minimal APIs would not infer it (a DELETE with an
/// optional body); a nullable parameter accepts an empty body. It does what MVC's <c>[FromBody]</c>
/// does for a minimal API, through the same metadata, without loading the MVC assembly for one
/// attribute (docs/benchmarks.md, "Memory after the join burst").
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class FromJsonBodyAttribute : Attribute, IFromBodyMetadata;
