using NetTopologySuite.Geometries;
using Npgsql;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// Queries that belong in the database: the features of one layer whose bounding box meets an envelope, answered
/// by the layer's GiST index (<c>geom &amp;&amp; ST_MakeEnvelope(…)</c>) and, with <c>province=</c> in the URL, limited
/// to that province's rows. For the map viewer, which asks for what is on screen.
/// </summary>
public static class PostgisLayerReader
{
    /// <summary>
    /// The layer's features whose bounding box intersects <paramref name="envelope"/>, in <c>fid</c> order, with every
    /// column but the keys as fields; geometries in the layer's CRS.
    /// </summary>
    /// <param name="envelope">Search box in <paramref name="envelopeCrs"/> (default: the layer's CRS).</param>
    public static FeatureTable ReadBbox(PostgisConnection source, string layer, Envelope envelope, CrsDefinition? envelopeCrs = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(envelope);
        using var c = source.Open();
        var srid = Srid(c, source, layer);
        var crs = SpatialReferences.Find(srid, srid >= SpatialReferences.CustomBase ? SpatialReferences.Organization : "EPSG", null)
            ?? throw new InvalidOperationException($"layer {layer} has SRID {srid}, which SoTTTT does not know");
        var box = envelopeCrs is null || envelopeCrs == crs ? envelope : Reproject(envelope, envelopeCrs, crs);

        var info = Columns(c, source, layer).Where(i => i.Name is not ("province_code" or "fid" or "geom")).ToList();
        var fields = info.Select(i => new LayerField(i.Name, i.Type, FieldTitles.Field(i.Name))).ToList();
        var select = string.Join(", ", info.Select(i => PostgisWriter.Quote(i.Name)).Append("geom"));
        using var cmd = new NpgsqlCommand(
            $"SELECT {select} FROM {source.Table(layer)} WHERE geom && ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, {srid}) AND (@p::text IS NULL OR province_code = @p) ORDER BY fid, province_code",
            c);
        cmd.Parameters.AddWithValue("minx", box.MinX);
        cmd.Parameters.AddWithValue("miny", box.MinY);
        cmd.Parameters.AddWithValue("maxx", box.MaxX);
        cmd.Parameters.AddWithValue("maxy", box.MaxY);
        cmd.Parameters.AddWithValue("p", NpgsqlTypes.NpgsqlDbType.Text, (object?)source.Province ?? DBNull.Value);
        var factory = GeometryFactories.For(crs);
        var rows = new List<FeatureRow>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var values = new object?[info.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                var geometry = reader.IsDBNull(info.Count) ? null : factory.CreateGeometry(reader.GetFieldValue<Geometry>(info.Count));
                rows.Add(new FeatureRow(geometry, values));
            }
        }

        var type = FeatureTable.CommonType(rows.Select(r => r.Geometry), FeatureGeometryType.Geometry);
        return new FeatureTable(layer, FieldTitles.Layer(layer), type, crs, fields, rows);
    }

    /// <summary>The SRID of a layer's geometry column (0 when it has none).</summary>
    internal static int Srid(NpgsqlConnection c, PostgisConnection source, string layer)
    {
        using var cmd = new NpgsqlCommand("SELECT srid FROM geometry_columns WHERE f_table_schema = @s AND f_table_name = @t AND f_geometry_column = 'geom'", c);
        cmd.Parameters.AddWithValue("s", source.Schema);
        cmd.Parameters.AddWithValue("t", layer);
        return cmd.ExecuteScalar() is int srid ? srid : 0;
    }

    /// <summary>The table's columns in order, with their field types.</summary>
    internal static List<(string Name, FieldType Type)> Columns(NpgsqlConnection c, PostgisConnection source, string layer)
    {
        using var cmd = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @s AND table_name = @t ORDER BY ordinal_position",
            c);
        cmd.Parameters.AddWithValue("s", source.Schema);
        cmd.Parameters.AddWithValue("t", layer);
        using var reader = cmd.ExecuteReader();
        var columns = new List<(string, FieldType)>();
        while (reader.Read())
        {
            var type = reader.GetString(1) switch
            {
                "bigint" or "integer" or "smallint" => FieldType.Integer,
                "double precision" or "real" or "numeric" => FieldType.Real,
                "boolean" => FieldType.Boolean,
                _ => FieldType.Text,
            };
            columns.Add((reader.GetString(0), type));
        }

        return columns;
    }

    private static Envelope Reproject(Envelope envelope, CrsDefinition from, CrsDefinition to)
    {
        var transformer = CoordinateTransformer.Create(from, to);
        var result = new Envelope();
        foreach (var (x, y) in new[] { (envelope.MinX, envelope.MinY), (envelope.MinX, envelope.MaxY), (envelope.MaxX, envelope.MinY), (envelope.MaxX, envelope.MaxY) })
        {
            var (tx, ty) = transformer.Transform(x, y);
            result.ExpandToInclude(tx, ty);
        }

        return result;
    }
}
