using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Turns a row's position (<c>lon,lat</c> in WGS84, <c>x,y</c> in the dataset CRS, a WKT column in the
/// dataset CRS, or a geometry column in its table's CRS: WGS84 for GeoJSON, the declared CRS of a GeoPackage
/// or PostGIS table) into a geometry in the analysis CRS, after checking that it plausibly lies in Vietnam:
/// wrong units, swapped axes and far-off points are problems. Thread-safe (layers are built in parallel).
/// </summary>
internal sealed class PositionResolver
{
    /// <summary>Projected coordinates beyond this (Earth's circumference, in metres) are refused before any transformation.</summary>
    private const double MaxProjectedMetres = 40_000_000;

    private readonly CrsDefinition sourceCrs;
    private readonly GeometryFactory analysisFactory;
    private readonly GeometryFactory sourceFactory;
    private readonly CoordinateTransformer wgs84ToAnalysis;
    private readonly CoordinateTransformer sourceToAnalysis;
    private readonly CoordinateTransformer sourceToWgs84;
    private readonly WKTReader wktReader;
    private readonly PlainWktReader plainWktReader;
    private readonly CrsDefinition analysisCrs;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string From, string To), CoordinateTransformer> transformers = new();

    public PositionResolver(CrsDefinition sourceCrs, CrsDefinition analysisCrs)
    {
        this.sourceCrs = sourceCrs;
        this.analysisCrs = analysisCrs;
        analysisFactory = GeometryFactories.For(analysisCrs);
        sourceFactory = GeometryFactories.For(sourceCrs);
        wgs84ToAnalysis = CoordinateTransformer.Create(CrsRegistry.Wgs84, analysisCrs);
        sourceToAnalysis = CoordinateTransformer.Create(sourceCrs, analysisCrs);
        sourceToWgs84 = CoordinateTransformer.Create(sourceCrs, CrsRegistry.Wgs84);
        wktReader = new WKTReader(sourceFactory.GeometryServices);
        plainWktReader = new PlainWktReader(sourceFactory.GeometryServices);
    }

    public GeometryFactory Factory => analysisFactory;

    /// <summary>The row's point: lon/lat when both are given, else x/y, else a GeoJSON point.</summary>
    public Point? ReadPoint(RowContext ctx, RawTable table)
    {
        var hasLonLat = ctx.Row.Has("lon") && ctx.Row.Has("lat");
        var hasXy = ctx.Row.Has("x") && ctx.Row.Has("y");
        if (hasLonLat && (ctx.Row.Get("lon") is not null || ctx.Row.Get("lat") is not null || !hasXy))
        {
            var lon = ctx.Number("lon", required: true);
            var lat = ctx.Number("lat", required: true);
            return lon is { } lo && lat is { } la && CheckDegrees(ctx, lo, la, "lon")
                ? ToAnalysis(wgs84ToAnalysis, lo, la)
                : null;
        }

        if (hasXy)
        {
            var x = ctx.Number("x", required: true);
            var y = ctx.Number("y", required: true);
            if (x is not { } xv || y is not { } yv)
            {
                return null;
            }

            if (sourceCrs.IsGeographic)
            {
                return CheckDegrees(ctx, xv, yv, "x") ? ToAnalysis(sourceToAnalysis, xv, yv) : null;
            }

            return CheckMetres(ctx, sourceCrs, sourceToWgs84, xv, yv, "x") ? ToAnalysis(sourceToAnalysis, xv, yv) : null;
        }

        if (ctx.Row.Geometry is Point p && table.GeometryCrs is { } geometryCrs)
        {
            if (p.IsEmpty || !double.IsFinite(p.X) || !double.IsFinite(p.Y))
            {
                ctx.Problem(p.IsEmpty ? ProblemCodes.MissingValue : ProblemCodes.UnparsableWkt, p.IsEmpty ? "the point geometry is empty" : "the point has a coordinate that is not a finite number (NaN or Infinity)", "geometry");
                return null;
            }

            return CheckIn(ctx, geometryCrs, p.X, p.Y, "geometry") ? ToAnalysis(Transformer(geometryCrs, analysisCrs), p.X, p.Y) : null;
        }

        if (ctx.Row.GeometryRejected)
        {
            ctx.Reject();
            return null;
        }

        ctx.Problem(
            ProblemCodes.MissingPositionColumns,
            ctx.Row.Geometry is null ? "the row has no position: give lon,lat (WGS84) or x,y (dataset crs)" : $"expected a Point geometry, got {ctx.Row.Geometry.GeometryType}",
            null);
        return null;
    }

    /// <summary>The row's shape from the <c>wkt</c> column (dataset CRS) or the geometry column (its table's CRS), in the analysis CRS.</summary>
    public Geometry? ReadShape(RowContext ctx, RawTable table, bool required, params string[] allowedTypes)
    {
        Geometry? source;
        CoordinateTransformer toAnalysis;
        CrsDefinition crs;
        string column;
        if (ctx.Row.Get("wkt") is { } wkt)
        {
            column = "wkt";
            try
            {
                source = plainWktReader.TryRead(wkt) ?? wktReader.Read(wkt);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // NetTopologySuite's tokenizer throws more than ParseException on broken text (IndexOutOfRangeException
                // on some truncated numbers, found by the fuzz test): any failure to parse is the text's.
                ctx.Problem(ProblemCodes.UnparsableWkt, $"unreadable WKT: {ParseFailure.Reason(ex)}", column);
                return null;
            }

            toAnalysis = sourceToAnalysis;
            crs = sourceCrs;
        }
        else if (ctx.Row.Geometry is { } g && table.GeometryCrs is { } geometryCrs)
        {
            column = "geometry";
            source = g;
            toAnalysis = Transformer(geometryCrs, analysisCrs);
            crs = geometryCrs;
        }
        else if (ctx.Row.GeometryRejected)
        {
            ctx.Reject();
            return null;
        }
        else
        {
            if (required)
            {
                ctx.Problem(ProblemCodes.MissingValue, "a geometry is required (wkt column or a geometry)", ctx.Row.Has("wkt") ? "wkt" : null);
            }

            return null;
        }

        if (NonFinite(source) is { } vertex)
        {
            ctx.Problem(ProblemCodes.UnparsableWkt, $"vertex {vertex} has a coordinate that is not a finite number (NaN or Infinity)", column);
            return null;
        }

        if (source.IsEmpty)
        {
            ctx.Problem(ProblemCodes.MissingValue, "the geometry is empty", column);
            return null;
        }

        if (!allowedTypes.Contains(source.GeometryType))
        {
            ctx.Problem(ProblemCodes.WrongGeometryType, $"expected {string.Join(" or ", allowedTypes)}, got {source.GeometryType}", column);
            return null;
        }

        // The centre first (wrong units or swapped axes show there), then the corners: one vertex far outside Vietnam
        // is as wrong as all of them.
        var env = source.EnvelopeInternal;
        var probe = env.Centre;
        var plausible = crs.IsGeographic
            ? CheckDegrees(ctx, probe.X, probe.Y, column) && CheckDegrees(ctx, env.MinX, env.MinY, column) && CheckDegrees(ctx, env.MaxX, env.MaxY, column)
            : CheckMetres(ctx, crs, Transformer(crs, CrsRegistry.Wgs84), probe.X, probe.Y, column)
                && CheckMetres(ctx, crs, Transformer(crs, CrsRegistry.Wgs84), env.MinX, env.MinY, column)
                && CheckMetres(ctx, crs, Transformer(crs, CrsRegistry.Wgs84), env.MaxX, env.MaxY, column);
        return plausible ? GeometryReprojector.Reproject(source, toAnalysis, analysisFactory) : null;
    }

    /// <summary>The 1-based number of the first vertex with a NaN or infinite ordinate, or null.</summary>
    private static int? NonFinite(Geometry geometry)
    {
        var coordinates = geometry.Coordinates;
        for (var i = 0; i < coordinates.Length; i++)
        {
            if (!double.IsFinite(coordinates[i].X) || !double.IsFinite(coordinates[i].Y))
            {
                return i + 1;
            }
        }

        return null;
    }

    private CoordinateTransformer Transformer(CrsDefinition from, CrsDefinition to) =>
        transformers.GetOrAdd((from.Name, to.Name), _ => CoordinateTransformer.Create(from, to));

    private bool CheckIn(RowContext ctx, CrsDefinition crs, double x, double y, string column) =>
        crs.IsGeographic ? CheckDegrees(ctx, x, y, column) : CheckMetres(ctx, crs, Transformer(crs, CrsRegistry.Wgs84), x, y, column);

    private Point ToAnalysis(CoordinateTransformer transformer, double x, double y)
    {
        var (ax, ay) = transformer.Transform(x, y);
        return analysisFactory.CreatePoint(new Coordinate(ax, ay));
    }

    private static bool CheckDegrees(RowContext ctx, double lon, double lat, string column)
    {
        if (VietnamExtent.Contains(lon, lat))
        {
            return true;
        }

        if (VietnamExtent.Contains(lat, lon))
        {
            ctx.Problem(ProblemCodes.LatLonSwapped, $"longitude {lon} and latitude {lat} look swapped", column);
            return false;
        }

        if (Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
        {
            ctx.Problem(
                ProblemCodes.MetresWhereDegreesExpected,
                $"({lon}, {lat}) are not degrees; projected metres (VN-2000?) belong in x,y columns with the dataset crs set in dataset.json",
                column);
            return false;
        }

        ctx.Problem(
            ProblemCodes.CoordinateOutsideVietnam,
            lon == 0 && lat == 0 ? "(0, 0) is a placeholder, not a position: give the site's coordinates (or import with --skip-invalid)" : $"({lon:0.######}, {lat:0.######}) lies outside Vietnam",
            column);
        return false;
    }

    private static bool CheckMetres(RowContext ctx, CrsDefinition crs, CoordinateTransformer toWgs84, double x, double y, string column)
    {
        if (Math.Abs(x) <= 180 && Math.Abs(y) <= 90)
        {
            ctx.Problem(
                ProblemCodes.DegreesWhereMetresExpected,
                $"({x}, {y}) look like degrees but the crs {crs.Name} is in metres; use lon,lat columns for WGS84",
                column);
            return false;
        }

        if (Math.Abs(x) > MaxProjectedMetres || Math.Abs(y) > MaxProjectedMetres)
        {
            // Beyond any projected coordinate on Earth; the projection's inverse may not even converge there.
            ctx.Problem(ProblemCodes.CoordinateOutsideVietnam, $"({x:G6}, {y:G6}) in {crs.Name} lies outside Vietnam (farther from the origin than 40,000 km)", column);
            return false;
        }

        var (lon, lat) = toWgs84.Transform(x, y);
        if (VietnamExtent.Contains(lon, lat))
        {
            return true;
        }

        var (slon, slat) = toWgs84.Transform(y, x);
        if (VietnamExtent.Contains(slon, slat))
        {
            ctx.Problem(
                ProblemCodes.XySwapped,
                $"x {x} and y {y} look swapped (in Vietnamese survey notation X is the northing): x is the easting",
                column);
            return false;
        }

        ctx.Problem(ProblemCodes.CoordinateOutsideVietnam, $"({x:0.##}, {y:0.##}) in {crs.Name} lies outside Vietnam ({lon:0.####}, {lat:0.####})", column);
        return false;
    }
}
