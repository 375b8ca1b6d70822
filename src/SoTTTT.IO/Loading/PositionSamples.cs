using System.Globalization;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// The points of the loaded layers as the data-quality checks see them (<see cref="PositionSample"/>): lon/lat and the
/// decimals as written when the row gave degrees (lon/lat columns, x/y in a geographic crs, a GeoJSON or GeoPackage
/// point in degrees), else lon/lat converted from the analysis CRS and no decimals.
/// </summary>
internal sealed class PositionSamples(CrsDefinition datasetCrs, CrsDefinition analysisCrs)
{
    private readonly CoordinateTransformer toWgs84 = CoordinateTransformer.Create(analysisCrs, CrsRegistry.Wgs84);

    public List<PositionSample> Samples { get; } = [];

    public void Add<T>(string layer, Dictionary<string, RawTable> tables, (RawRow Row, T? Item)[] rows, Func<T, Point> location, Func<T, string> id, Func<T, string?>? distinctKey = null)
        where T : class
    {
        if (!tables.TryGetValue(layer, out var table))
        {
            return;
        }

        var samples = rows
            .AsParallel()
            .AsOrdered()
            .Where(r => r.Item is not null)
            .Select(r => Sample(layer, table, r.Row, location(r.Item!), id(r.Item!), distinctKey?.Invoke(r.Item!)))
            .ToList();
        Samples.AddRange(samples);
    }

    private PositionSample Sample(string layer, RawTable table, RawRow row, Point p, string id, string? key)
    {
        var (lon, lat, decimals) = Written(row, "lon", "lat", geographic: true)
            ?? Written(row, "x", "y", datasetCrs.IsGeographic)
            ?? FromGeometry(table, row)
            ?? Converted(p);
        return new PositionSample(layer, table.FileOf(row), row.Row, id, lon, lat, p.X, p.Y, decimals, key);
    }

    private static (double, double, int?)? Written(RawRow row, string xColumn, string yColumn, bool geographic)
    {
        if (!geographic || row.Get(xColumn) is not { } xText || row.Get(yColumn) is not { } yText ||
            !double.TryParse(xText, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ||
            !double.TryParse(yText, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return null;
        }

        return (x, y, Min(Decimals(xText), Decimals(yText)));
    }

    private static (double, double, int?)? FromGeometry(RawTable table, RawRow row)
    {
        if (row.Geometry is not Point g || table.GeometryCrs is not { IsGeographic: true })
        {
            return null;
        }

        return (g.X, g.Y, Min(Decimals(g.X.ToString("R", CultureInfo.InvariantCulture)), Decimals(g.Y.ToString("R", CultureInfo.InvariantCulture))));
    }

    private (double, double, int?) Converted(Point p)
    {
        var (lon, lat) = toWgs84.Transform(p.X, p.Y);
        return (lon, lat, null);
    }

    private static int? Min(int? a, int? b) => a is { } x && b is { } y ? Math.Min(x, y) : null;

    /// <summary>Digits after the decimal point as written; null for exponent notation.</summary>
    private static int? Decimals(string text)
    {
        if (text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }
}
