using System.Security.Cryptography;
using StudyRooms.Contracts.Boards;

namespace StudyRooms.Grains.Boards;

/// <summary>
/// Turns the elements of a board.json file into create ops with fresh ids (P-EXP-3): the file may
/// come from this board or another, so its ids are never trusted. Arrow bindings to elements of
/// the same file follow them to their new ids; bindings to anything else are cleared.
/// </summary>
public static class BoardImport
{
    /// <summary>The client id imports are sequenced under, per user (P-OPS-3).</summary>
    public const string ClientId = "import";

    public static (string ClientId, ElementOp[] Ops, string[] NewIds) ToCreateOps(IReadOnlyList<BoardElement?> elements, long lastSeq)
    {
        var newIds = elements.Select(_ => "i_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10))).ToArray();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i]?.Id is { } oldId)
            {
                renamed.TryAdd(oldId, newIds[i]);
            }
        }

        var ops = new ElementOp[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var props = element?.Props ?? new ElementProps();
            ops[i] = new ElementOp
            {
                Kind = ElementOpKind.Create,
                ElementId = newIds[i],
                ClientSeq = lastSeq + i + 1,
                Type = element?.Type,
                Props = props with
                {
                    StartBinding = Rebind(props.StartBinding, renamed),
                    EndBinding = Rebind(props.EndBinding, renamed),
                },
            };
        }

        return (ClientId, ops, newIds);
    }

    private static string? Rebind(string? binding, Dictionary<string, string> renamed) =>
        binding is null ? null : renamed.GetValueOrDefault(binding, "");
}
