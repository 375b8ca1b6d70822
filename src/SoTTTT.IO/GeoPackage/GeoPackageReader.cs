using System.Globalization;
using Microsoft.Data.Sqlite;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Spatial;
using SoTTTT.Core.Validation;
using SoTTTT.IO.Loading;

namespace SoTTTT.IO.GeoPackage;

/// <summary>
/// Reads a GeoPackage as a dataset: each table named after a layer of the dataset contract (<c>bts</c>,
/// <c>towers</c> …, as <see cref="GeoPackageWriter"/> writes them, or as saved from QGIS) goes through the same
/// column mapping and checks as a CSV file; geometries are taken in their table's CRS. Settings come from the
/// <c>sotttt_dataset</c> table when present, else the name is the file's and the analysis CRS is chosen as for a
/// folder. Problems name <c>file.gpkg, layer 'bts'</c> and the feature's position in the table (1 = first).
/// </summary>
public static class GeoPackageReader
{
    public static LoadResult Load(string path, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var problems = new ProblemCollector();
        var notices = new ProblemCollector();
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add(ProblemCodes.SourceUnavailable, $"GeoPackage '{path}' does not exist", fileName);
            return new LoadResult(null, null, problems.Sorted(), []);
        }

        if (SafeFile.Refusal(path, long.MaxValue, out var refusal) is { } why)
        {
            problems.Add(refusal, why.Replace($"'{path}'", $"'{fileName}'", StringComparison.Ordinal), fileName);
            return new LoadResult(null, null, problems.Sorted(), []);
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            foreach (var required in new[] { "gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys" })
            {
                if (!TableExists(connection, required))
                {
                    problems.Add(ProblemCodes.SourceUnavailable, $"not a GeoPackage: the table {required} is missing (OGC GeoPackage 1.3, §1.1)", fileName);
                }
            }

            if (problems.Count > 0)
            {
                return new LoadResult(null, null, problems.Sorted(), []);
            }
        }
        catch (SqliteException ex)
        {
            problems.Add(ProblemCodes.SourceUnavailable, $"not a GeoPackage (SQLite: {ex.Message})", fileName);
            return new LoadResult(null, null, problems.Sorted(), []);
        }

        DatasetSettings? settings;
        ProvinceRules rules;
        var tables = new Dictionary<string, RawTable>(StringComparer.Ordinal);
        try
        {
            (settings, rules) = ReadSettings(connection, fileName, problems);
            foreach (var schema in LayerSchema.InputLayers)
            {
                if (ReadLayer(connection, fileName, schema, problems) is { } table)
                {
                    tables[schema.Layer] = table;
                }
            }
        }
        catch (Exception ex) when (ex is SqliteException or InvalidCastException or FormatException or OverflowException)
        {
            // A damaged file, or tables of the right names with the wrong column types.
            problems.Add(ProblemCodes.SourceUnavailable, $"not a readable GeoPackage: {ex.Message}", fileName);
            return new LoadResult(null, null, problems.Sorted(), []);
        }

        return DatasetLoader.Assemble(settings, rules, tables, problems, notices, options);
    }

    private static (DatasetSettings? Settings, ProvinceRules Rules) ReadSettings(SqliteConnection c, string fileName, ProblemCollector problems)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (TableExists(c, GeoPackageWriter.MetadataTable))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT key, value FROM {GeoPackageWriter.MetadataTable}";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        var file = $"{fileName}, layer '{GeoPackageWriter.MetadataTable}'";
        var rules = values.GetValueOrDefault("rules") is { } json ? RulesReader.Parse(json, file, problems) : ProvinceRules.Default;
        var crs = Crs(values.GetValueOrDefault("crs"), "crs") ?? CrsRegistry.Wgs84;
        var analysis = Crs(values.GetValueOrDefault("analysis_crs"), "analysis_crs");
        var name = values.GetValueOrDefault("name") ?? Path.GetFileNameWithoutExtension(fileName);
        return (new DatasetSettings(name, crs, analysis, "rules.json", values.GetValueOrDefault("lang") ?? "vi") { Date = values.GetValueOrDefault("date") }, rules);

        CrsDefinition? Crs(string? text, string key)
        {
            if (text is null)
            {
                return null;
            }

            if (CrsRegistry.TryParse(text, out var parsed, out var error))
            {
                return parsed;
            }

            problems.Add(ProblemCodes.UnknownCrs, error, file, null, key);
            return null;
        }
    }

    private static RawTable? ReadLayer(SqliteConnection c, string fileName, LayerSchema schema, ProblemCollector problems)
    {
        string? geometryColumn = null;
        int? srsId = null;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE lower(c.table_name) = $t";
            cmd.Parameters.AddWithValue("$t", schema.Layer);
            using var reader = cmd.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            geometryColumn = reader.IsDBNull(1) ? null : reader.GetString(1);
            srsId = reader.IsDBNull(2) ? null : reader.GetInt32(2);
        }

        var label = $"{fileName}, layer '{schema.Layer}'";
        CrsDefinition? geometryCrs = null;
        if (geometryColumn is not null)
        {
            geometryCrs = SpatialRef(c, srsId ?? 0);
            if (geometryCrs is null)
            {
                problems.Add(ProblemCodes.UnknownCrs, $"the layer's CRS (srs_id {srsId}) is not WGS84 or a VN-2000 CRS SoTTTT knows; reproject it to one (e.g. EPSG:4326 or EPSG:9209)", label, null, geometryColumn);
                return null;
            }
        }

        var info = new List<(string Name, bool Pk)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"PRAGMA table_info(\"{schema.Layer.Replace("\"", "\"\"", StringComparison.Ordinal)}\")";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                info.Add((reader.GetString(1), reader.GetInt32(5) > 0));
            }
        }

        // The integer primary key (fid) is the feature id only when no other column is the layer's id.
        var attributes = info.Where(i => i.Name != geometryColumn).ToList();
        var idLike = attributes.Where(a => !a.Pk).Select(a => ColumnAliases.Canonical(a.Name, schema.AllColumns)).Any(n => n is "id" or "code");
        var pk = info.FirstOrDefault(i => i.Pk).Name;
        if (idLike)
        {
            attributes.RemoveAll(a => a.Pk);
        }

        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var positions = new List<int>();
        for (var i = 0; i < attributes.Count; i++)
        {
            var canonical = ColumnAliases.Canonical(attributes[i].Name, schema.AllColumns);
            if (columns.TryAdd(canonical, attributes[i].Name))
            {
                index[canonical] = index.Count;
                positions.Add(i);
            }
            else
            {
                problems.Add(ProblemCodes.DuplicateColumn, $"column '{attributes[i].Name}' means the same as column '{columns[canonical]}' ({canonical})", label, null, attributes[i].Name);
            }
        }

        if (!LayerStructure.Check(schema, columns.Keys, label, geometryColumn is not null, isGeoJson: false, headerRow: null, problems))
        {
            return null;
        }

        var factory = GeometryFactories.For(geometryCrs ?? CrsRegistry.Wgs84);
        var blobs = new NetTopologySuite.IO.GeoPackageGeoReader(factory.CoordinateSequenceFactory, factory.PrecisionModel) { HandleSRID = true };
        var rows = new List<RawRow>();
        using (var cmd = c.CreateCommand())
        {
            var selected = positions.Select(p => Quote(attributes[p].Name)).ToList();
            if (geometryColumn is not null)
            {
                selected.Add(Quote(geometryColumn));
            }

            cmd.CommandText = $"SELECT {string.Join(", ", selected)} FROM {Quote(schema.Layer)}{(pk is null ? string.Empty : $" ORDER BY {Quote(pk)}")}";
            using var reader = cmd.ExecuteReader();
            var number = 0;
            while (reader.Read())
            {
                number++;
                var cells = new string?[positions.Count];
                for (var i = 0; i < positions.Count; i++)
                {
                    cells[i] = Cell(reader, i);
                }

                NetTopologySuite.Geometries.Geometry? geometry = null;
                var rejected = false;
                if (geometryColumn is not null && !reader.IsDBNull(positions.Count))
                {
                    var stored = reader.GetValue(positions.Count);
                    if (stored is not byte[] blob)
                    {
                        var kind = stored switch { string => "text", long => "an integer", double => "a real number", _ => stored.GetType().Name };
                        problems.Add(ProblemCodes.UnparsableWkt, $"the geometry is stored as {kind}, not as a GeoPackage binary geometry (OGC GeoPackage 1.3, §2.1.3)", label, number, geometryColumn);
                        rejected = true;
                    }
                    else
                    {
                        try
                        {
                            geometry = factory.CreateGeometry(blobs.Read(blob));
                        }
                        catch (Exception ex) when (ex is not OutOfMemoryException)
                        {
                            problems.Add(ProblemCodes.UnparsableWkt, $"unreadable geometry: {ParseFailure.Reason(ex)}", label, number, geometryColumn);
                            rejected = true;
                        }
                    }
                }

                rows.Add(new RawRow(number, index, cells, geometry) { GeometryRejected = rejected });
            }
        }

        return new RawTable(label, columns, rows, geometryCrs);
    }

    private static string? Cell(SqliteDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        return reader.GetValue(i) switch
        {
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            byte[] => null,
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        };
    }

    private static CrsDefinition? SpatialRef(SqliteConnection c, int srsId)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT organization, organization_coordsys_id, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        cmd.Parameters.AddWithValue("$id", srsId);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var organization = reader.GetString(0);
        var code = reader.GetInt32(1);
        return SpatialReferences.Find(code, organization, reader.GetString(2));
    }

    private static bool TableExists(SqliteConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = $t";
        cmd.Parameters.AddWithValue("$t", table);
        return cmd.ExecuteScalar() is not null;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
