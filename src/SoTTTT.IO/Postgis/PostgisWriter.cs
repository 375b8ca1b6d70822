using Npgsql;
using NpgsqlTypes;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// Exports layers to a PostGIS schema, one flat table per layer: <c>province_code</c>, <c>fid</c> (the row's position
/// in the dataset, so reads keep its order; primary key (<c>province_code</c>, <c>fid</c>)), the layer's fields, and
/// <c>geom geometry(&lt;type&gt;, srid)</c> with a GiST index. An export replaces its provinces' rows in every layer of
/// the schema in one transaction (DELETE, then binary COPY): running it again gives the same database, readers never
/// see half an export and are never blocked (no exclusive lock; they read the old rows until the commit), and a killed
/// export rolls back. Flat, not partitioned by province: a national question is then one index probe per row, not one
/// per province (nearest postal point of 70,000 settlements: 2.5–2.8 s flat, 63–77 s over 34 partitions), while
/// replacing the largest province takes about as long (0.7 s flat, 0.45 s staging and swapping a partition); see the
/// README, "PostGIS". Tables of a schema written partitioned by an earlier version keep working (a missing province's
/// partition is added). <c>sotttt_provinces</c> keeps each province's dataset name, analysis CRS, language and rules;
/// <c>sotttt_layers</c> the layers and their SRIDs. A layer's SRID is fixed when its table is created; later exports in
/// another CRS are converted to it.
/// </summary>
public static class PostgisWriter
{
    public const string ProvincesTable = "sotttt_provinces";

    public const string LayersTable = "sotttt_layers";

    /// <summary>Exports <paramref name="tables"/> of <paramref name="dataset"/>; <paramref name="provinceOverride"/> puts every row under one code.</summary>
    public static PostgisExportResult Export(PostgisConnection target, Dataset dataset, IReadOnlyList<FeatureTable> tables, DatasetMetadata metadata, string? provinceOverride = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(tables);
        var assigner = new ProvinceAssigner(dataset, provinceOverride);
        var provinces = assigner.Provinces;
        if (provinces.Count == 0)
        {
            throw new InvalidOperationException("the dataset has no province unit; give the province code to export under");
        }

        var keyed = tables.Select(t => (Table: t, Provinces: t.Rows.AsParallel().AsOrdered().Select(r => assigner.ProvinceOf(t, r)).ToArray())).ToList();
        using var connection = target.Open();
        EnsurePostgis(connection);

        // 1. Structure (schema, metadata tables, layer tables, new columns) in a short transaction of its own, and only
        //    the statements something is missing for: an existing layer table is not locked.
        using (var ddl = connection.BeginTransaction())
        {
            Execute(connection, $"""
                CREATE SCHEMA IF NOT EXISTS "{target.Schema}";
                CREATE TABLE IF NOT EXISTS {target.Table(ProvincesTable)} (
                  province_code text PRIMARY KEY, dataset_name text NOT NULL, analysis_crs text NOT NULL, lang text NOT NULL,
                  rules jsonb NOT NULL, exported_at timestamptz NOT NULL DEFAULT now());
                CREATE TABLE IF NOT EXISTS {target.Table(LayersTable)} (
                  layer text PRIMARY KEY, title text NOT NULL, geometry_type text, srid integer);
                """);
            foreach (var (table, _) in keyed)
            {
                PrepareTable(connection, target, table);
            }

            ddl.Commit();
        }

        // 2. The replace, in one transaction: the provinces' old rows deleted from every layer (also layers this export
        //    does not carry), the new ones copied in, a missing GiST index built after the load (one pass, not row by
        //    row, on a first export), the provinces' metadata updated. Exports of the same province wait for each other.
        using var tx = connection.BeginTransaction();
        foreach (var province in provinces.Order(StringComparer.Ordinal))
        {
            using var serialise = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", connection);
            serialise.Parameters.AddWithValue("key", $"sotttt:{target.Schema}:{province}");
            serialise.ExecuteNonQuery();
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var layer in Layers(connection, target).Where(l => keyed.All(k => k.Table.Name != l)))
        {
            DeleteProvinces(connection, target, layer, provinces);
        }

        foreach (var (table, rowProvinces) in keyed)
        {
            DeleteProvinces(connection, target, table.Name, provinces);
            if (IsPartitioned(connection, target, table.Name))
            {
                foreach (var province in provinces)
                {
                    Execute(connection, $"CREATE TABLE IF NOT EXISTS {target.Table(PartitionName(table.Name, province))} PARTITION OF {target.Table(table.Name)} FOR VALUES IN ({Literal(province)})");
                }
            }

            rows[table.Name] = Copy(connection, target, table, rowProvinces);
            if (table.IsSpatial && !IndexExists(connection, target, table.Name + "_geom_gist"))
            {
                Execute(connection, $"CREATE INDEX {Quote(table.Name + "_geom_gist")} ON {target.Table(table.Name)} USING gist (geom)");
            }
        }

        foreach (var province in provinces)
        {
            using var upsert = new NpgsqlCommand(
                $"""
                INSERT INTO {target.Table(ProvincesTable)} (province_code, dataset_name, analysis_crs, lang, rules, exported_at)
                VALUES (@code, @name, @crs, @lang, @rules::jsonb, now())
                ON CONFLICT (province_code) DO UPDATE SET dataset_name = EXCLUDED.dataset_name, analysis_crs = EXCLUDED.analysis_crs,
                  lang = EXCLUDED.lang, rules = EXCLUDED.rules, exported_at = EXCLUDED.exported_at
                """,
                connection);
            upsert.Parameters.AddWithValue("code", province);
            upsert.Parameters.AddWithValue("name", metadata.Name);
            upsert.Parameters.AddWithValue("crs", metadata.AnalysisCrs.Name);
            upsert.Parameters.AddWithValue("lang", metadata.Lang);
            upsert.Parameters.AddWithValue("rules", RulesWriter.ToJson(metadata.Rules));
            upsert.ExecuteNonQuery();
        }

        // No ANALYZE here: it took a third of a national export; autovacuum analyzes the tables (and clears the deleted rows).
        tx.Commit();
        return new PostgisExportResult(provinces, rows);
    }

    /// <summary>Deletes the rows of <paramref name="provinces"/> from <paramref name="layer"/>.</summary>
    private static void DeleteProvinces(NpgsqlConnection c, PostgisConnection target, string layer, IReadOnlyList<string> provinces)
    {
        using var delete = new NpgsqlCommand($"DELETE FROM {target.Table(layer)} WHERE province_code = ANY(@p)", c);
        delete.Parameters.AddWithValue("p", provinces.ToArray());
        delete.ExecuteNonQuery();
    }

    /// <summary>Whether a layer's table is partitioned by province (written by a version before issue 13's flat tables).</summary>
    private static bool IsPartitioned(NpgsqlConnection c, PostgisConnection target, string layer)
    {
        using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass(@t))", c);
        cmd.Parameters.AddWithValue("t", target.Table(layer));
        return cmd.ExecuteScalar() is true;
    }

    private static string PartitionName(string layer, string province) => $"{layer}_p{PartitionSuffix(province)}";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Creates PostGIS in the database when missing (needs the right to; a DBA may have done it).</summary>
    private static void EnsurePostgis(NpgsqlConnection connection)
    {
        using var check = new NpgsqlCommand("SELECT 1 FROM pg_extension WHERE extname = 'postgis'", connection);
        if (check.ExecuteScalar() is null)
        {
            Execute(connection, "CREATE EXTENSION IF NOT EXISTS postgis");
        }
    }

    /// <summary>Creates the layer's table and its missing columns as needed (the GiST index is built after the load).</summary>
    private static void PrepareTable(NpgsqlConnection c, PostgisConnection target, FeatureTable table)
    {
        var name = target.Table(table.Name);
        int? srid = null;
        using (var existing = new NpgsqlCommand($"SELECT srid FROM {target.Table(LayersTable)} WHERE layer = @l", c))
        {
            existing.Parameters.AddWithValue("l", table.Name);
            if (existing.ExecuteScalar() is int stored)
            {
                srid = stored;
            }
        }

        if (table.Crs is { } crs && srid is null)
        {
            srid = SpatialReferences.Srid(crs);
            EnsureSpatialRef(c, crs);
        }

        var geometry = table.IsSpatial
            ? $", geom geometry({(table.GeometryType == FeatureGeometryType.Point ? "Point" : "Geometry")}, {srid})"
            : string.Empty;
        Execute(c, $"""
            CREATE TABLE IF NOT EXISTS {name} (province_code text NOT NULL, fid bigint NOT NULL{geometry}, PRIMARY KEY (province_code, fid));
            """);
        // ALTER TABLE locks the table exclusively even when the column exists: only for columns really missing.
        var columns = PostgisLayerReader.Columns(c, target, table.Name).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var field in table.Fields.Where(f => !columns.Contains(f.Name)))
        {
            Execute(c, $"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS {Quote(field.Name)} {SqlType(field.Type)}");
        }

        using var register = new NpgsqlCommand(
            $"""
            INSERT INTO {target.Table(LayersTable)} (layer, title, geometry_type, srid) VALUES (@l, @t, @g, @s)
            ON CONFLICT (layer) DO UPDATE SET title = EXCLUDED.title
            """,
            c);
        register.Parameters.AddWithValue("l", table.Name);
        register.Parameters.AddWithValue("t", table.Title);
        register.Parameters.AddWithValue("g", table.IsSpatial ? table.GeometryType.ToString() : DBNull.Value);
        register.Parameters.AddWithValue("s", srid is { } s ? s : DBNull.Value);
        register.ExecuteNonQuery();
    }

    private static bool IndexExists(NpgsqlConnection c, PostgisConnection target, string index)
    {
        using var cmd = new NpgsqlCommand("SELECT to_regclass(@i) IS NOT NULL", c);
        cmd.Parameters.AddWithValue("i", target.Table(index));
        return cmd.ExecuteScalar() is true;
    }

    private static long Copy(NpgsqlConnection c, PostgisConnection target, FeatureTable table, string[] rowProvinces)
    {
        int srid;
        using (var find = new NpgsqlCommand($"SELECT srid FROM {target.Table(LayersTable)} WHERE layer = @l", c))
        {
            find.Parameters.AddWithValue("l", table.Name);
            srid = find.ExecuteScalar() is int s ? s : 0;
        }

        // A layer keeps the SRID it was created with; geometries in another CRS are converted to it.
        var tableCrs = table.IsSpatial ? SpatialReferences.Find(srid, srid >= SpatialReferences.CustomBase ? SpatialReferences.Organization : "EPSG", null) : null;
        var convert = table.Crs is { } from && tableCrs is { } to && from != to ? CoordinateTransformer.Create(from, to) : null;
        var factory = tableCrs is null ? null : GeometryFactories.For(tableCrs);

        // PostGIS checks a geometry's SRID against the column's; our own TM-3 zones have no EPSG code, so their
        // geometries carry SRID 0 until written.
        var sridFactory = tableCrs is null ? null : new NetTopologySuite.Geometries.GeometryFactory(factory!.PrecisionModel, srid);

        var columns = new List<string> { "province_code", "fid" };
        columns.AddRange(table.Fields.Select(f => Quote(f.Name)));
        if (table.IsSpatial)
        {
            columns.Add("geom");
        }

        using var writer = c.BeginBinaryImport($"COPY {target.Table(table.Name)} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            writer.StartRow();
            writer.Write(rowProvinces[r], NpgsqlDbType.Text);
            writer.Write(r + 1L, NpgsqlDbType.Bigint);
            for (var i = 0; i < table.Fields.Count; i++)
            {
                var value = row.Values[i];
                if (value is null)
                {
                    writer.WriteNull();
                    continue;
                }

                switch (table.Fields[i].Type)
                {
                    case FieldType.Integer:
                        writer.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                        break;
                    case FieldType.Real:
                        writer.Write(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                        break;
                    case FieldType.Boolean:
                        writer.Write((bool)value, NpgsqlDbType.Boolean);
                        break;
                    default:
                        writer.Write(DatasetLayers.CellText(value)!, NpgsqlDbType.Text);
                        break;
                }
            }

            if (table.IsSpatial)
            {
                if (row.Geometry is { IsEmpty: false } g)
                {
                    var stored = convert is null ? g : GeometryReprojector.Reproject(g, convert, factory!);
                    writer.Write(stored.SRID == srid ? stored : sridFactory!.CreateGeometry(stored), NpgsqlDbType.Geometry);
                }
                else
                {
                    writer.WriteNull();
                }
            }
        }

        return (long)writer.Complete();
    }

    /// <summary>Adds a CRS to PostGIS's spatial_ref_sys when its SRID is not there (our own TM-3 zones, or a PostGIS without the newer EPSG codes).</summary>
    private static void EnsureSpatialRef(NpgsqlConnection c, CrsDefinition crs)
    {
        var srid = SpatialReferences.Srid(crs);
        using var insert = new NpgsqlCommand(
            "INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) VALUES (@s, @a, @s, @w, @p) ON CONFLICT (srid) DO NOTHING",
            c);
        insert.Parameters.AddWithValue("s", srid);
        insert.Parameters.AddWithValue("a", crs.Epsg is null ? SpatialReferences.Organization : "EPSG");
        insert.Parameters.AddWithValue("w", CrsWkt.Wkt(crs));
        insert.Parameters.AddWithValue("p", CrsWkt.Proj(crs));
        insert.ExecuteNonQuery();
    }

    internal static List<string> Layers(NpgsqlConnection c, PostgisConnection target)
    {
        using var cmd = new NpgsqlCommand($"SELECT layer FROM {target.Table(LayersTable)} ORDER BY layer", c);
        using var reader = cmd.ExecuteReader();
        var layers = new List<string>();
        while (reader.Read())
        {
            layers.Add(reader.GetString(0));
        }

        return layers;
    }

    /// <summary>A province code as part of a table name: lower-case letters, digits and underscores.</summary>
    internal static string PartitionSuffix(string province) =>
        new(province.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '_').ToArray());

    private static string SqlType(FieldType type) => type switch
    {
        FieldType.Integer => "bigint",
        FieldType.Real => "double precision",
        FieldType.Boolean => "boolean",
        _ => "text",
    };

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
