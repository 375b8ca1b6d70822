using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.GeoJson;

/// <summary>
/// GeoJSON features (RFC 7946) through NetTopologySuite.IO.GeoJSON4STJ: the serializer options (Vietnamese text left
/// unescaped), field values as GeoJSON property values that keep their type, and coordinates rounded to a fixed number of
/// decimals. Reading with these options gives numbers back as <see cref="decimal"/>; callers that need text use
/// the raw JSON instead.
/// </summary>
public static class GeoJsonFeatures
{
    /// <summary>System.Text.Json options with the GeoJSON converters.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new GeoJsonConverterFactory() },
    };

    /// <summary>A feature of <paramref name="geometry"/> (null allowed) and the named values.</summary>
    public static Feature Feature(Geometry? geometry, IEnumerable<(string Name, object? Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var attributes = new AttributesTable();
        foreach (var (name, value) in values)
        {
            attributes.Add(name, Value(value));
        }

        return new Feature(geometry, attributes);
    }

    /// <summary>A field value as a GeoJSON property value: null, boolean, finite number (integers stay integers), else invariant text.</summary>
    public static object? Value(object? value) => value switch
    {
        null => null,
        bool or long or int => value,
        double d when double.IsFinite(d) => d,
        var other => DatasetLayers.CellText(other),
    };

    /// <summary>A copy of <paramref name="geometry"/> with X and Y rounded to <paramref name="decimals"/> (half away from zero).</summary>
    public static Geometry Rounded(Geometry geometry, int decimals)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var copy = geometry.Copy();
        copy.Apply(new RoundFilter(decimals));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class RoundFilter(int decimals) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, Math.Round(seq.GetX(i), decimals, MidpointRounding.AwayFromZero));
            seq.SetY(i, Math.Round(seq.GetY(i), decimals, MidpointRounding.AwayFromZero));
        }
    }
}
