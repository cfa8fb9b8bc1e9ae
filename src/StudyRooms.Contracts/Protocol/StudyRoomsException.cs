namespace StudyRooms.Contracts.Protocol;

/// <summary>
/// A refusal with a stable code (docs/protocol.md P-ERR-1). Grains throw it; the hub turns it into
/// a HubException "CODE: reason" and the HTTP API into problem details. It crosses the grain
/// boundary, so it is serializable.
/// </summary>
[GenerateSerializer, Alias("StudyRooms.StudyRoomsException")]
public sealed class StudyRoomsException : Exception
{
    public StudyRoomsException(string code, string reason)
        : base($"{code}: {reason}")
    {
        Code = code;
        Reason = reason;
    }

    [Id(0)]
    public string Code { get; }

    [Id(1)]
    public string Reason { get; }
}
