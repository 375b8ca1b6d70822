using System.Text.RegularExpressions;
using SoTTTT.Core.Model;

namespace SoTTTT.IO.Loading;

/// <summary>
/// What to say when a layer lacks a required column: the columns the file has, the known names closest to them, and,
/// for schemas met in the wild, the import options that map them: GADM (<c>GID_n</c>, <c>NAME_n</c>, <c>TYPE_n</c>),
/// OpenStreetMap masts (<c>man_made</c>, <c>tower:type</c>, <c>operator</c>, <c>ref</c>, <c>@id</c>), Vietnamese lists
/// (<c>toadoX</c>/<c>toadoY</c>, <c>trang_thai</c>).
/// </summary>
internal static partial class ColumnHints
{
    public static string For(LayerSchema schema, IReadOnlyCollection<string> present, string missing)
    {
        var found = present.Count == 0 ? "none" : string.Join(", ", present);
        var hint = $"; columns found: {found}";
        var closest = present
            .Where(p => !schema.AllColumns.Contains(p))
            .Select(p => (Column: p, Distance: Distance(Codes.Fold(p), Codes.Fold(missing))))
            .Where(c => c.Distance <= Math.Max(2, missing.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Column)
            .ToList();
        if (closest.Count > 0)
        {
            hint += $"; closest: {string.Join(", ", closest)} (map with --column {closest[0]}={missing})";
        }

        if (Schema(schema, present) is { } foreign)
        {
            hint += "; " + foreign;
        }

        return hint;
    }

    private static string? Schema(LayerSchema schema, IReadOnlyCollection<string> present)
    {
        var gadm = present.Select(p => GadmRegex().Match(p)).Where(m => m.Success).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (gadm.Count > 0)
        {
            var n = gadm.Max();
            var parent = n > 1 ? $" --column GID_{n - 1}=parent_code" : string.Empty;
            return $"this looks like a GADM level-{n} layer: import it with --column GID_{n}=code --column NAME_{n}=name --column TYPE_{n}=level{parent} " +
                "(TYPE values such as Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn are understood)";
        }

        if (present.Any(p => p is "man_made" or "tower:type" or "@id" or "osm_id" || p.StartsWith("tower:", StringComparison.Ordinal)))
        {
            var id = present.Contains("@id") ? "@id" : present.Contains("osm_id") ? "osm_id" : "ref";
            var owner = schema.Layer == Dataset.LayerNames.Towers && present.Contains("operator") ? " --column operator=owner" : string.Empty;
            return $"this looks like OpenStreetMap masts (man_made=mast/tower): import them with --column {id}=id{owner} (height is read as height_m)";
        }

        return null;
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^(gid|name|type|engtype|varname|nl_name)_(?<n>[0-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex GadmRegex();
}
