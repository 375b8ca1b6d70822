namespace SoTTTT.Core.Model;

/// <summary>
/// Parent/child relations of admin units. Communes may hang under a district (pre-2025 data) or
/// directly under the province (post-2025 data); both work.
/// </summary>
public sealed class AdminHierarchy
{
    private readonly Dictionary<string, AdminUnit> byCode;
    private readonly Dictionary<string, List<AdminUnit>> children = new(StringComparer.Ordinal);

    public AdminHierarchy(IReadOnlyList<AdminUnit> units)
    {
        byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (unit.ParentCode is { } parent && byCode.ContainsKey(parent))
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(unit);
            }
        }
    }

    public AdminUnit? Find(string code) => byCode.GetValueOrDefault(code);

    public IReadOnlyList<AdminUnit> ChildrenOf(string code) =>
        children.TryGetValue(code, out var list) ? list : [];

    /// <summary>The commune holding the unit (itself when it is one); null for a unit above commune level or an unknown code.</summary>
    public AdminUnit? CommuneOf(string? code) =>
        code is null ? null : SelfAndAncestors(code).FirstOrDefault(u => u.Level == AdminLevel.Commune);

    /// <summary>The unit and all its ancestors, nearest first.</summary>
    public IEnumerable<AdminUnit> SelfAndAncestors(string code)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = Find(code);
        while (current is not null && seen.Add(current.Code))
        {
            yield return current;
            current = current.ParentCode is { } p ? Find(p) : null;
        }
    }
}
