using System.Globalization;
using Npgsql;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Spatial;
using SoTTTT.Core.Validation;
using SoTTTT.IO.Loading;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// Reads a dataset from a PostGIS schema written by <see cref="PostgisWriter"/> (or kept by hand in the same shape):
/// every province of the schema, or the one named by <c>province=</c> in the URL (the primary key, which starts with
/// <c>province_code</c>, keeps that cheap). Each layer table goes through the same column mapping and checks as a CSV file, rows in <c>fid</c> order,
/// geometries read as NTS geometries (Npgsql.NetTopologySuite) in the table's SRID. Problems name <c>schema.layer (PostGIS)</c> and the row's position.
/// </summary>
public static class PostgisDatasetReader
{
    private static readonly HashSet<string> KeyColumns = new(StringComparer.Ordinal) { "province_code", "fid", "geom" };

    public static LoadResult Load(string url, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var problems = new ProblemCollector();
        var notices = new ProblemCollector();
        if (!PostgisConnection.TryParse(url, out var target, out var error))
        {
            problems.Add(ProblemCodes.MissingRequiredField, error!, "postgresql");
            return new LoadResult(null, null, problems.Sorted(), []);
        }

        var origin = $"{target!.Schema} (PostGIS)";
        Npgsql.NpgsqlConnection connection;
        try
        {
            connection = target.Open();
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            problems.Add(ProblemCodes.SourceUnavailable, $"cannot connect to the database: {ex.Message}", origin);
            return new LoadResult(null, null, problems.Sorted(), []);
        }

        using var owned = connection;
        var (settings, rules) = ReadSettings(connection, target, origin, problems);
        var tables = new Dictionary<string, RawTable>(StringComparer.Ordinal);
        if (settings is not null)
        {
            var existing = new HashSet<string>(PostgisWriter.Layers(connection, target), StringComparer.Ordinal);
            foreach (var schema in LayerSchema.InputLayers.Where(s => existing.Contains(s.Layer)))
            {
                if (ReadLayer(connection, target, schema, problems) is { } table)
                {
                    tables[schema.Layer] = table;
                }
            }
        }

        return DatasetLoader.Assemble(settings, rules, tables, problems, notices, options);
    }

    private static (DatasetSettings? Settings, ProvinceRules Rules) ReadSettings(NpgsqlConnection c, PostgisConnection target, string origin, ProblemCollector problems)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", c);
        exists.Parameters.AddWithValue("t", $"\"{target.Schema}\".\"{PostgisWriter.ProvincesTable}\"");
        if (exists.ExecuteScalar() is not true)
        {
            problems.Add(ProblemCodes.MissingRequiredField, $"schema '{target.Schema}' holds no SoTTTT dataset (no {PostgisWriter.ProvincesTable} table); export one with `sotttt export DATASET --to postgis`", origin);
            return (null, ProvinceRules.Default);
        }

        using var cmd = new NpgsqlCommand(
            $"SELECT province_code, dataset_name, analysis_crs, lang, rules::text FROM {target.Table(PostgisWriter.ProvincesTable)} WHERE @p::text IS NULL OR province_code = @p ORDER BY province_code",
            c);
        cmd.Parameters.AddWithValue("p", NpgsqlTypes.NpgsqlDbType.Text, (object?)target.Province ?? DBNull.Value);
        var found = new List<(string Code, string Name, string Crs, string Lang, string Rules)>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }

        if (found.Count == 0)
        {
            var what = target.Province is null ? "no province" : $"no province '{target.Province}'";
            problems.Add(ProblemCodes.MissingRequiredField, $"schema '{target.Schema}' holds {what}", origin);
            return (null, ProvinceRules.Default);
        }

        var first = found[0];
        var rules = RulesReader.Parse(first.Rules, $"{origin}, {PostgisWriter.ProvincesTable}", problems);
        if (!CrsRegistry.TryParse(first.Crs, out var analysis, out var crsError))
        {
            problems.Add(ProblemCodes.UnknownCrs, crsError, origin, null, "analysis_crs");
            return (null, rules);
        }

        var names = found.Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
        var name = names.Count == 1 ? names[0] : string.Join(" + ", names);
        return (new DatasetSettings(name, analysis, analysis, "rules.json", first.Lang), rules);
    }

    private static RawTable? ReadLayer(NpgsqlConnection c, PostgisConnection target, LayerSchema schema, ProblemCollector problems)
    {
        var label = $"{target.Schema}.{schema.Layer} (PostGIS)";
        var info = PostgisLayerReader.Columns(c, target, schema.Layer);
        var hasGeometry = info.Any(i => i.Name == "geom");
        CrsDefinition? geometryCrs = null;
        if (hasGeometry)
        {
            var srid = PostgisLayerReader.Srid(c, target, schema.Layer);
            geometryCrs = SpatialReferences.Find(srid, srid >= SpatialReferences.CustomBase ? SpatialReferences.Organization : "EPSG", null);
            if (geometryCrs is null)
            {
                problems.Add(ProblemCodes.UnknownCrs, $"SRID {srid} is not WGS84 or a VN-2000 CRS SoTTTT knows", label, null, "geom");
                return null;
            }
        }

        var attributes = info.Where(i => !KeyColumns.Contains(i.Name)).ToList();
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var selected = new List<string>();
        foreach (var attribute in attributes)
        {
            var canonical = ColumnAliases.Canonical(attribute.Name, schema.AllColumns);
            if (columns.TryAdd(canonical, attribute.Name))
            {
                index[canonical] = index.Count;
                selected.Add(PostgisWriter.Quote(attribute.Name));
            }
            else
            {
                problems.Add(ProblemCodes.DuplicateColumn, $"column '{attribute.Name}' means the same as column '{columns[canonical]}' ({canonical})", label, null, attribute.Name);
            }
        }

        if (!LayerStructure.Check(schema, columns.Keys, label, hasGeometry, isGeoJson: false, headerRow: null, problems))
        {
            return null;
        }

        if (hasGeometry)
        {
            selected.Add("geom");
        }

        var factory = GeometryFactories.For(geometryCrs ?? CrsRegistry.Wgs84);
        using var cmd = new NpgsqlCommand(
            $"SELECT {string.Join(", ", selected)} FROM {target.Table(schema.Layer)} WHERE @p::text IS NULL OR province_code = @p ORDER BY fid, province_code",
            c);
        cmd.Parameters.AddWithValue("p", NpgsqlTypes.NpgsqlDbType.Text, (object?)target.Province ?? DBNull.Value);
        var rows = new List<RawRow>();
        using var reader = cmd.ExecuteReader();
        var number = 0;
        var geometryAt = index.Count;
        while (reader.Read())
        {
            number++;
            var cells = new string?[index.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsDBNull(i) ? null : Cell(reader.GetValue(i));
            }

            NetTopologySuite.Geometries.Geometry? geometry = null;
            if (hasGeometry && !reader.IsDBNull(geometryAt))
            {
                try
                {
                    geometry = factory.CreateGeometry(reader.GetFieldValue<NetTopologySuite.Geometries.Geometry>(geometryAt));
                }
                catch (Exception ex) when (ex is NetTopologySuite.IO.ParseException or InvalidCastException or ArgumentException)
                {
                    problems.Add(ProblemCodes.UnparsableWkt, $"unreadable geometry: {ex.Message}", label, number, "geom");
                }
            }

            rows.Add(new RawRow(number, index, cells, geometry));
        }

        return new RawTable(label, columns, rows, geometryCrs);
    }

    internal static string? Cell(object value) => value switch
    {
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
