namespace StudyRooms.Contracts.Protocol;

/// <summary>The wire protocol version spoken by this build (docs/protocol.md, P-VER-2).</summary>
public static class ProtocolVersion
{
    public const int Current = 1;
}
