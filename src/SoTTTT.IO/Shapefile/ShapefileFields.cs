namespace SoTTTT.IO.Shapefile;

/// <summary>
/// Field names in a Shapefile's .dbf (dBASE: at most 10 characters). The dataset layers' long column names have fixed
/// short forms (<see cref="Short"/>), which the loader reads back as aliases; any other name longer than 10 characters
/// keeps its first 10, or its first 8 and a two-digit number when two would collide. <c>shp_fields.csv</c> beside an
/// export lists every mapping.
/// </summary>
public static class ShapefileFields
{
    /// <summary>Longest field name dBASE allows.</summary>
    public const int MaxLength = 10;

    /// <summary>Fixed short names of the dataset layers' columns longer than 10 characters.</summary>
    public static IReadOnlyDictionary<string, string> Short { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["parent_code"] = "parent_cd",
        ["commune_code"] = "commune_cd",
        ["max_tenants"] = "max_tenant",
        ["antenna_height_m"] = "ant_ht_m",
        ["azimuth_deg"] = "azimuth",
        ["beamwidth_deg"] = "beamw_deg",
        ["max_height_m"] = "max_ht_m",
        ["shares_tower_id"] = "share_twr",
    };

    /// <summary>The short name of every field of a table, in order, unique within it.</summary>
    public static IReadOnlyList<string> ShortNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = Short.TryGetValue(name, out var fixedName) ? fixedName : name.Length <= MaxLength ? name : name[..MaxLength];
            for (var n = 1; !used.Add(candidate); n++)
            {
                candidate = name[..Math.Min(name.Length, MaxLength - 2)] + n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            }

            result.Add(candidate);
        }

        return result;
    }
}
