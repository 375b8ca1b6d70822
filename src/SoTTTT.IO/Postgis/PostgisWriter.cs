using Npgsql;
using NpgsqlTypes;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.Postgis;

/// <summary>
/// Exports layers to a PostGIS schema, one table per layer: <c>province_code</c> (list-partition key, one partition
/// <c>&lt;layer&gt;_p&lt;code&gt;</c> per province), <c>fid</c> (the row's position in the dataset, so reads keep its
/// order), the layer's fields, and <c>geom geometry(&lt;type&gt;, srid)</c> with a GiST index. Rows are loaded with
/// binary COPY into staging tables, which a short swap at the end of the export's one transaction attaches as the
/// provinces' partitions in place of the old ones: running it again gives the same database, readers never see half an
/// export, and they are never blocked for longer than the swap (milliseconds; the swap waits at most
/// <see cref="SwapLockTimeout"/> for a long reader before letting others through and trying again). <c>sotttt_provinces</c> keeps each
/// province's dataset name, analysis CRS, language and rules; <c>sotttt_layers</c> the layers and their SRIDs.
/// A layer's SRID is fixed when its table is created; later exports in another CRS are converted to it.
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

        // 1. Structure (schema, metadata tables, layer tables, new columns, indexes) in a short transaction of its own,
        //    and only the statements something is missing for: an existing layer table is not locked.
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

        // 2. Each layer's rows of each province go into a staging table readers do not see (binary COPY, then the
        //    partition's indexes and a CHECK matching its bound, so attaching it needs no scan). 3. The swap: old
        //    partitions detached and dropped, staging tables attached in their place, the provinces' metadata updated —
        //    milliseconds under the exclusive lock, at the end of the one transaction, so readers never see half an
        //    export and are never held up by the load. A killed run rolls back and leaves nothing behind.
        using var tx = connection.BeginTransaction();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var staged = new List<(string Layer, string Province)>();
        foreach (var (table, rowProvinces) in keyed)
        {
            rows[table.Name] = 0;
            foreach (var province in provinces)
            {
                var indices = Enumerable.Range(0, rowProvinces.Length).Where(i => rowProvinces[i] == province).ToArray();
                rows[table.Name] += Stage(connection, target, table, province, indices);
                staged.Add((table.Name, province));
            }
        }

        // Provinces of this export also leave the layers it does not carry (a layer exported before, not now).
        var swept = Layers(connection, target)
            .Where(l => !rows.ContainsKey(l))
            .SelectMany(l => provinces.Select(p => (Layer: l, Province: p)))
            .ToList();
        SwapWithBoundedWait(connection, () =>
        {
            foreach (var (layer, province) in swept)
            {
                DropPartition(connection, target, layer, province);
            }

            foreach (var (layer, province) in staged)
            {
                DropPartition(connection, target, layer, province);
                var final = PartitionName(layer, province);
                var stage = StageName(layer, province);
                Execute(connection, $"""
                    ALTER TABLE {target.Table(stage)} RENAME TO {Quote(final)};
                    ALTER INDEX {target.Table(stage + "_pkey")} RENAME TO {Quote(final + "_pkey")};
                    ALTER TABLE {target.Table(layer)} ATTACH PARTITION {target.Table(final)} FOR VALUES IN ({Literal(province)});
                    ALTER TABLE {target.Table(final)} DROP CONSTRAINT {Quote(stage + "_bound")};
                    """);
                if (IndexExists(connection, target, stage + "_geom"))
                {
                    Execute(connection, $"ALTER INDEX {target.Table(stage + "_geom")} RENAME TO {Quote(final + "_geom_idx")}");
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
        });

        // No ANALYZE here: it took a third of a national export; autovacuum analyzes the new partitions.
        tx.Commit();
        return new PostgisExportResult(provinces, rows);
    }

    /// <summary>How long the swap waits for a lock before it lets waiting readers through and tries again.</summary>
    public static readonly TimeSpan SwapLockTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs the swap under <see cref="SwapLockTimeout"/>: a long-running reader makes the swap give up its place in the
    /// lock queue (so the readers queued behind it are not held up) and try again, up to 30 times.
    /// </summary>
    private static void SwapWithBoundedWait(NpgsqlConnection c, Action swap)
    {
        Execute(c, $"SET LOCAL lock_timeout = '{(int)SwapLockTimeout.TotalMilliseconds}ms'");
        for (var attempt = 1; ; attempt++)
        {
            Execute(c, "SAVEPOINT sotttt_swap");
            try
            {
                swap();
                Execute(c, "RELEASE SAVEPOINT sotttt_swap");
                Execute(c, "SET LOCAL lock_timeout = 0");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < 30)
            {
                Execute(c, "ROLLBACK TO SAVEPOINT sotttt_swap");
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 10)));
            }
        }
    }

    /// <summary>Creates and fills the staging table of one layer and province; returns the rows copied.</summary>
    private static long Stage(NpgsqlConnection c, PostgisConnection target, FeatureTable table, string province, int[] rowIndices)
    {
        var stage = StageName(table.Name, province);
        Execute(c, $"""
            DROP TABLE IF EXISTS {target.Table(stage)};
            CREATE TABLE {target.Table(stage)} (LIKE {target.Table(table.Name)} INCLUDING DEFAULTS);
            """);
        var copied = Copy(c, target, table, stage, province, rowIndices);
        Execute(c, $"""
            ALTER TABLE {target.Table(stage)} ADD CONSTRAINT {Quote(stage + "_pkey")} PRIMARY KEY (province_code, fid);
            ALTER TABLE {target.Table(stage)} ADD CONSTRAINT {Quote(stage + "_bound")} CHECK (province_code IS NOT NULL AND province_code = {Literal(province)});
            """);
        if (table.IsSpatial)
        {
            Execute(c, $"CREATE INDEX {Quote(stage + "_geom")} ON {target.Table(stage)} USING gist (geom)");
        }

        return copied;
    }

    /// <summary>Detaches and drops the partition of <paramref name="province"/> in <paramref name="layer"/>, if there is one.</summary>
    private static void DropPartition(NpgsqlConnection c, PostgisConnection target, string layer, string province)
    {
        using var find = new NpgsqlCommand(
            """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE i.inhparent = to_regclass(@parent) AND pg_get_expr(c.relpartbound, c.oid) = @bound
            """,
            c);
        find.Parameters.AddWithValue("parent", target.Table(layer));
        find.Parameters.AddWithValue("bound", $"FOR VALUES IN ({Literal(province)})");
        if (find.ExecuteScalar() is string partition)
        {
            Execute(c, $"ALTER TABLE {target.Table(layer)} DETACH PARTITION {partition}; DROP TABLE {partition};");
        }
    }

    private static string PartitionName(string layer, string province) => $"{layer}_p{PartitionSuffix(province)}";

    private static string StageName(string layer, string province) => $"{layer}_p{PartitionSuffix(province)}_new";

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

    /// <summary>Creates the layer's table, its missing columns and its index as needed (partitions come with the swap).</summary>
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
            CREATE TABLE IF NOT EXISTS {name} (province_code text NOT NULL, fid bigint NOT NULL{geometry}, PRIMARY KEY (province_code, fid))
              PARTITION BY LIST (province_code);
            """);
        // ALTER TABLE locks the table exclusively even when the column exists: only for columns really missing.
        var columns = PostgisLayerReader.Columns(c, target, table.Name).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var field in table.Fields.Where(f => !columns.Contains(f.Name)))
        {
            Execute(c, $"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS {Quote(field.Name)} {SqlType(field.Type)}");
        }

        if (table.IsSpatial && !IndexExists(c, target, table.Name + "_geom_gist"))
        {
            Execute(c, $"CREATE INDEX IF NOT EXISTS {Quote(table.Name + "_geom_gist")} ON {name} USING gist (geom)");
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

    private static long Copy(NpgsqlConnection c, PostgisConnection target, FeatureTable table, string into, string province, int[] rowIndices)
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

        using var writer = c.BeginBinaryImport($"COPY {target.Table(into)} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in rowIndices)
        {
            var row = table.Rows[r];
            writer.StartRow();
            writer.Write(province, NpgsqlDbType.Text);
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
