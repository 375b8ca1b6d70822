using SoTTTT.Core.Model;

namespace SoTTTT.IO.Kml;

/// <summary>
/// How layers look in Google Earth: an icon per kind of point (BTS, tower, postal point, village), a colour per
/// operator (the operators' own brand colours, roughly), outlines for areas and coloured lines for fibre.
/// Colours are KML's <c>aabbggrr</c>.
/// </summary>
internal static class KmlStyles
{
    private const string Shapes = "http://maps.google.com/mapfiles/kml/shapes/";

    private static readonly Dictionary<string, string> OperatorColours = new(StringComparer.Ordinal)
    {
        ["Viettel"] = "ff1c1cd9",
        ["VNPT"] = "ffd2781e",
        ["MobiFone"] = "ff1e8cf0",
        ["Vietnamobile"] = "ff00c8f5",
        ["Gmobile"] = "ff50a028",
        ["S-Fone"] = "ffa05ab4",
        ["FPT Telecom"] = "ff0080ff",
        ["CMC Telecom"] = "ff8c3c00",
    };

    private const string Neutral = "ff9e9e9e";

    /// <summary>The field whose value picks the colour in a layer, if any.</summary>
    public static string? ColourField(string layer) => layer switch
    {
        Dataset.LayerNames.Bts or Dataset.LayerNames.FibreRoutes or Dataset.LayerNames.Nodes => "operator",
        Dataset.LayerNames.Towers => "owner",
        Dataset.LayerNames.Zones or Dataset.LayerNames.PublicSites => "kind",
        _ => null,
    };

    public static string Colour(string? key) =>
        key is not null && OperatorColours.TryGetValue(key, out var colour) ? colour : key is null ? Neutral : Hashed(key);

    public static string Icon(string layer) => layer switch
    {
        Dataset.LayerNames.Bts => Shapes + "target.png",
        Dataset.LayerNames.Towers => Shapes + "triangle.png",
        Dataset.LayerNames.PostalPoints => Shapes + "post_office.png",
        Dataset.LayerNames.Settlements => Shapes + "homegardenbusiness.png",
        Dataset.LayerNames.PublicSites => Shapes + "schools.png",
        Dataset.LayerNames.Nodes => Shapes + "square.png",
        _ => Shapes + "placemark_circle.png",
    };

    public static double IconScale(string layer) => layer == Dataset.LayerNames.Settlements ? 0.6 : 0.8;

    /// <summary>A stable, saturated colour for keys outside the table (other owners, zone kinds).</summary>
    private static string Hashed(string key)
    {
        uint hash = 2166136261;
        foreach (var ch in key)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return $"ff{(byte)(hash | 0x40):x2}{(byte)((hash >> 8) | 0x40):x2}{(byte)((hash >> 16) | 0x40):x2}";
    }
}
