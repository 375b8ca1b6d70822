using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SoTTTT.Core.Crs;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Writing;

namespace SoTTTT.IO.GeoPackage;

/// <summary>
/// Writes <see cref="FeatureTable"/>s as an OGC GeoPackage 1.3 (OGC 12-128r18) that QGIS and GDAL open: the
/// <c>gpkg_spatial_ref_sys</c> rows the layers use (VN-2000 zones with their WKT 1 and EPSG codes where they exist,
/// see <see cref="SpatialReferences"/>), <c>gpkg_contents</c> with extents, <c>gpkg_geometry_columns</c>, geometries
/// in GeoPackage binary (2D, written by NetTopologySuite.IO.GeoPackage's <see cref="GeoPackageGeoWriter"/>), an R-tree spatial index per feature table (the
/// <c>gpkg_rtree_index</c> extension: populated <c>rtree_&lt;table&gt;_geom</c> table and the spec's triggers), and
/// the <c>application_id</c>/<c>user_version</c> pragmas. Attribute tables (no geometry) are registered as
/// <c>attributes</c>. With <see cref="DatasetMetadata"/>, the table <c>sotttt_dataset</c> keeps what dataset.json and
/// rules.json hold, so the file reads back as the same dataset (<see cref="GeoPackageReader"/>). The file is built
/// next to the target and moved over it when complete.
/// </summary>
public static class GeoPackageWriter
{
    /// <summary>'GPKG' as a big-endian 32-bit integer (§1.1.1.1.1).</summary>
    public const int ApplicationId = 0x47504B47;

    /// <summary>GeoPackage 1.3.0 (§1.1.1.1.1).</summary>
    public const int UserVersion = 10300;

    public const string GeometryColumn = "geom";

    public const string MetadataTable = "sotttt_dataset";

    /// <summary>Writes (or replaces) the file at <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<FeatureTable> tables, DatasetMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = AtomicFile.TempPath(full);
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString()))
            {
                connection.Open();
                Execute(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {UserVersion}; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
                using var transaction = connection.BeginTransaction();
                CreateCoreTables(connection);
                var srids = new HashSet<int>();
                foreach (var table in tables)
                {
                    if (table.Crs is { } crs && srids.Add(SpatialReferences.Srid(crs)))
                    {
                        InsertSpatialRef(connection, crs);
                    }

                    WriteTable(connection, table);
                }

                if (metadata is not null)
                {
                    WriteMetadata(connection, metadata);
                }

                transaction.Commit();
            }

            Writing.WriteGate.ThrowIfClosed();
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void CreateCoreTables(SqliteConnection c)
    {
        Execute(c, """
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_extensions (
              table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
              CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """);
        InsertSpatialRef(c, CrsRegistry.Wgs84);
    }

    private static void InsertSpatialRef(SqliteConnection c, CrsDefinition crs)
    {
        var srid = SpatialReferences.Srid(crs);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $orgId, $wkt, $description)";
        cmd.Parameters.AddWithValue("$name", crs.Name);
        cmd.Parameters.AddWithValue("$id", srid);
        cmd.Parameters.AddWithValue("$org", crs.Epsg is null ? SpatialReferences.Organization : "EPSG");
        cmd.Parameters.AddWithValue("$orgId", srid);
        cmd.Parameters.AddWithValue("$wkt", CrsWkt.Wkt(crs));
        cmd.Parameters.AddWithValue("$description", CrsWkt.Title(crs));
        cmd.ExecuteNonQuery();
    }

    private static void WriteTable(SqliteConnection c, FeatureTable table)
    {
        var name = Quote(table.Name);
        var columns = table.Fields.Select(f => $"{Quote(f.Name)} {SqlType(f.Type)}");
        var geometryType = table.IsSpatial ? GeometryTypeName(table.GeometryType) : null;
        var geometryColumn = geometryType is null ? Enumerable.Empty<string>() : [$"{GeometryColumn} {geometryType}"];
        Execute(c, $"CREATE TABLE {name} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, {string.Join(", ", geometryColumn.Concat(columns))})");

        var srid = table.Crs is { } crs ? SpatialReferences.Srid(crs) : 0;

        // The blob's srs_id is the geometry's SRID; our own TM-3 zones have no EPSG code, so their geometries carry 0.
        var sridFactory = new GeometryFactory(new PrecisionModel(), srid);
        var blobs = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        using var insert = c.CreateCommand();
        var names = (geometryType is null ? [] : new[] { GeometryColumn }).Concat(table.Fields.Select(f => Quote(f.Name))).ToList();
        insert.CommandText = $"INSERT INTO {name} (fid, {string.Join(", ", names)}) VALUES ($fid, {string.Join(", ", names.Select((_, i) => "$p" + i))})";
        var fid = insert.Parameters.Add("$fid", SqliteType.Integer);
        var parameters = names.Select((_, i) => insert.Parameters.AddWithValue("$p" + i, DBNull.Value)).ToArray();
        insert.Prepare();
        var envelope = new Envelope();
        var boxes = new List<(long Fid, Envelope Box)>(table.IsSpatial ? table.Rows.Count : 0);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            fid.Value = r + 1L;
            var p = 0;
            if (geometryType is not null)
            {
                if (row.Geometry is { IsEmpty: false } g)
                {
                    parameters[p].Value = blobs.Write(g.SRID == srid ? g : sridFactory.CreateGeometry(g));
                    envelope.ExpandToInclude(g.EnvelopeInternal);
                    boxes.Add((r + 1L, g.EnvelopeInternal));
                }
                else
                {
                    parameters[p].Value = DBNull.Value;
                }

                p++;
            }

            for (var i = 0; i < table.Fields.Count; i++, p++)
            {
                parameters[p].Value = row.Values[i] switch
                {
                    null => DBNull.Value,
                    bool b => b ? 1L : 0L,
                    var v => v,
                };
            }

            insert.ExecuteNonQuery();
        }

        using (var contents = c.CreateCommand())
        {
            contents.CommandText = "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, $type, $id, $d, $minx, $miny, $maxx, $maxy, $srs)";
            contents.Parameters.AddWithValue("$t", table.Name);
            contents.Parameters.AddWithValue("$type", table.IsSpatial ? "features" : "attributes");
            contents.Parameters.AddWithValue("$id", table.Name);
            contents.Parameters.AddWithValue("$d", table.Title);
            contents.Parameters.AddWithValue("$minx", table.IsSpatial && !envelope.IsNull ? envelope.MinX : DBNull.Value);
            contents.Parameters.AddWithValue("$miny", table.IsSpatial && !envelope.IsNull ? envelope.MinY : DBNull.Value);
            contents.Parameters.AddWithValue("$maxx", table.IsSpatial && !envelope.IsNull ? envelope.MaxX : DBNull.Value);
            contents.Parameters.AddWithValue("$maxy", table.IsSpatial && !envelope.IsNull ? envelope.MaxY : DBNull.Value);
            contents.Parameters.AddWithValue("$srs", table.IsSpatial ? srid : DBNull.Value);
            contents.ExecuteNonQuery();
        }

        if (geometryType is null)
        {
            return;
        }

        Execute(c, $"INSERT INTO gpkg_geometry_columns VALUES ('{Escape(table.Name)}', '{GeometryColumn}', '{geometryType}', {srid}, 0, 0)");
        WriteRtree(c, table.Name, boxes);
    }

    /// <summary>The R-tree index of §F.3 (extension gpkg_rtree_index), populated here, kept current by the spec's triggers.</summary>
    private static void WriteRtree(SqliteConnection c, string table, List<(long Fid, Envelope Box)> boxes)
    {
        var rtree = Quote($"rtree_{table}_{GeometryColumn}");
        Execute(c, $"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)");
        using (var insert = c.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO {rtree} VALUES ($id, $minx, $maxx, $miny, $maxy)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var minx = insert.Parameters.Add("$minx", SqliteType.Real);
            var maxx = insert.Parameters.Add("$maxx", SqliteType.Real);
            var miny = insert.Parameters.Add("$miny", SqliteType.Real);
            var maxy = insert.Parameters.Add("$maxy", SqliteType.Real);
            insert.Prepare();
            foreach (var (fid, box) in boxes)
            {
                id.Value = fid;
                minx.Value = box.MinX;
                maxx.Value = box.MaxX;
                miny.Value = box.MinY;
                maxy.Value = box.MaxY;
                insert.ExecuteNonQuery();
            }
        }

        var t = Quote(table);
        var g = GeometryColumn;
        var values = $"NEW.fid, ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}), ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})";
        var prefix = Quote($"rtree_{table}_{g}");
        Execute(c, $"""
            CREATE TRIGGER {Quote($"rtree_{table}_{g}_insert")} AFTER INSERT ON {t} WHEN (new.{g} NOT NULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN INSERT OR REPLACE INTO {prefix} VALUES ({values}); END;
            CREATE TRIGGER {Quote($"rtree_{table}_{g}_update1")} AFTER UPDATE OF {g} ON {t} WHEN OLD.fid = NEW.fid AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN INSERT OR REPLACE INTO {prefix} VALUES ({values}); END;
            CREATE TRIGGER {Quote($"rtree_{table}_{g}_update2")} AFTER UPDATE OF {g} ON {t} WHEN OLD.fid = NEW.fid AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {prefix} WHERE id = OLD.fid; END;
            CREATE TRIGGER {Quote($"rtree_{table}_{g}_update3")} AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {prefix} WHERE id = OLD.fid; INSERT OR REPLACE INTO {prefix} VALUES ({values}); END;
            CREATE TRIGGER {Quote($"rtree_{table}_{g}_update4")} AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {prefix} WHERE id IN (OLD.fid, NEW.fid); END;
            CREATE TRIGGER {Quote($"rtree_{table}_{g}_delete")} AFTER DELETE ON {t} WHEN old.{g} NOT NULL
            BEGIN DELETE FROM {prefix} WHERE id = OLD.fid; END;
            INSERT INTO gpkg_extensions VALUES ('{Escape(table)}', '{g}', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
            """);
    }

    private static void WriteMetadata(SqliteConnection c, DatasetMetadata metadata)
    {
        Execute(c, $"CREATE TABLE {MetadataTable} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL UNIQUE, value TEXT)");
        using var insert = c.CreateCommand();
        insert.CommandText = $"INSERT INTO {MetadataTable} (key, value) VALUES ($k, $v)";
        var key = insert.Parameters.Add("$k", SqliteType.Text);
        var value = insert.Parameters.Add("$v", SqliteType.Text);
        foreach (var (k, v) in new[]
        {
            ("name", metadata.Name),
            ("crs", metadata.AnalysisCrs.Name),
            ("analysis_crs", metadata.AnalysisCrs.Name),
            ("lang", metadata.Lang),
            ("rules", RulesWriter.ToJson(metadata.Rules)),
            ("date", metadata.Date),
        })
        {
            if (v is null)
            {
                continue;
            }

            key.Value = k;
            value.Value = v;
            insert.ExecuteNonQuery();
        }

        Execute(c, $"INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('{MetadataTable}', 'attributes', '{MetadataTable}', 'SoTTTT: thông tin bộ dữ liệu / dataset settings')");
    }

    private static string SqlType(FieldType type) => type switch
    {
        FieldType.Integer => "INTEGER",
        FieldType.Real => "REAL",
        FieldType.Boolean => "BOOLEAN",
        _ => "TEXT",
    };

    private static string GeometryTypeName(FeatureGeometryType type) => type.ToString().ToUpperInvariant();

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Escape(string literal) => literal.Replace("'", "''", StringComparison.Ordinal);

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
