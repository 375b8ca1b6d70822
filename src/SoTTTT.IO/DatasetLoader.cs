using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Diagnostics;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Validation;
using SoTTTT.IO.Loading;

namespace SoTTTT.IO;

/// <summary>
/// Loads and validates a dataset folder (PRODUCT.md, "Dataset folder"): every layer as CSV, GeoJSON or an Excel
/// workbook (.xlsx), every problem reported at once with file (and sheet), row and column; input files are only read.
/// <see cref="DatasetSource"/> loads GeoPackage and PostGIS datasets through the same checks.
/// </summary>
public static class DatasetLoader
{
    /// <summary>Loads the folder; on any problem the result has no dataset and lists them all.</summary>
    public static LoadResult Load(string folder, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var problems = new ProblemCollector();
        var notices = new ProblemCollector();
        if (!Directory.Exists(folder))
        {
            problems.Add(ProblemCodes.MissingRequiredField, $"dataset folder '{folder}' does not exist", folder);
            return new LoadResult(null, null, problems.Sorted(), []);
        }

        var settings = SettingsReader.Read(folder, problems);

        // The inputs are fingerprinted before the rules and the layers are read: a file saved meanwhile is newer than the
        // fingerprint, never older, and what is kept under it (the copy, a derived result) re-checks it before writing.
        var cached = settings is not null && problems.Count == 0 ? Caching.DatasetCache.Open(folder, settings, options) : null;
        var rules = Loading.RulesReader.Read(folder, settings?.RulesPath ?? "rules.json", settings is not null && settings.RulesPath != "rules.json", problems);
        if (problems.Count > 0)
        {
            cached = null;
        }

        PhaseMarks.Mark("fingerprint");
        if (cached?.TryRead(settings!, rules, options.DeferCollections) is { } hit)
        {
            File.SetLastWriteTimeUtc(cached.Path, DateTime.UtcNow);
            PhaseMarks.Mark("cache read");
            var store = Caching.DatasetCache.DerivedStore(cached, folder, settings!, options);
            return WithDerivedStore(Loading.DemLoader.Attach(hit, folder), store);
        }

        var tables = ReadTables(folder, problems, notices, options);
        var assembled = Assemble(settings, rules, tables, problems, notices, options);
        if (cached is not null && assembled.Succeeded)
        {
            PhaseMarks.Mark("load");
            if (options.CacheWriteBehind)
            {
                Caching.DatasetCache.WriteBehind(cached, assembled, () => Caching.DatasetCache.Open(folder, settings!, options, waitForWrites: false));
            }
            else
            {
                cached.Write(assembled, () => Caching.DatasetCache.Open(folder, settings!, options, waitForWrites: false));
                PhaseMarks.Mark("cache write");
            }
        }

        // The derived results' fingerprint (the DEM's included) is taken before the DEM is read, for the same reason.
        var derived = assembled.Succeeded && settings is not null ? Caching.DatasetCache.DerivedStore(cached, folder, settings, options) : null;
        return WithDerivedStore(Loading.DemLoader.Attach(assembled, folder), derived);
    }

    /// <summary>Gives the loaded dataset its store of derived results beside the cache (<see cref="DerivedStores"/>), when the cache is on.</summary>
    private static LoadResult WithDerivedStore(LoadResult loaded, IDerivedStore? store)
    {
        if (loaded.Dataset is { } dataset && store is not null)
        {
            DerivedStores.Attach(dataset, store);
        }

        return loaded;
    }

    /// <summary>
    /// Builds and checks the dataset from layers read as text, whatever their source (folder, GeoPackage, PostGIS):
    /// one column mapping and one set of checks for all. Without settings (dataset.json unreadable) only the
    /// problems are returned.
    /// </summary>
    internal static LoadResult Assemble(
        DatasetSettings? settings,
        ProvinceRules rules,
        Dictionary<string, RawTable> tables,
        ProblemCollector problems,
        ProblemCollector notices,
        LoadOptions options)
    {
        if (settings is null)
        {
            return new LoadResult(null, null, problems.Sorted(), []);
        }

        var (medianLon, medianLat) = MedianPosition(tables.Values, settings.Crs);
        var provinceRows = ProvinceRows(tables);
        var zone = settings.AnalysisCrs is { } given
            ? new ZoneChoice(given, given == settings.Crs ? "dataset_crs" : "analysis_crs", null)
            : AnalysisZone.Choose(provinceRows, medianLon, medianLat);
        var analysisCrs = WithoutUnheldEpsg(zone.Crs, provinceRows, medianLon, medianLat);
        settings = settings with { AnalysisCrs = analysisCrs };
        var positions = new PositionResolver(settings.Crs, analysisCrs);
        var builders = new LayerBuilders(positions, rules);
        var admin = Build(tables, LayerSchema.AdminUnits, problems, builders.AdminUnit);
        var settlements = Build(tables, LayerSchema.Settlements, problems, builders.Settlement);
        var towers = Build(tables, LayerSchema.Towers, problems, builders.Tower);
        var bts = Build(tables, LayerSchema.Bts, problems, builders.Bts);
        var fibre = Build(tables, LayerSchema.FibreRoutes, problems, builders.FibreRoute);
        var postal = Build(tables, LayerSchema.PostalPoints, problems, builders.PostalPoint);
        var zones = Build(tables, LayerSchema.Zones, problems, builders.Zone);
        var measurements = Build(tables, LayerSchema.Measurements, problems, builders.Measurement);
        var publicSites = Build(tables, LayerSchema.PublicSites, problems, builders.PublicSite);
        var subscribers = Build(tables, LayerSchema.Subscribers, problems, LayerBuilders.Subscriber);
        var nodes = Build(tables, LayerSchema.Nodes, problems, builders.Node);

        var toLonLat = CoordinateTransformer.Create(analysisCrs, CrsRegistry.Wgs84);
        admin = CheckPolygons(admin, tables, LayerSchema.AdminUnits, u => u.Boundary, (u, g) => u with { Boundary = g }, u => u.Code, options, problems, notices, toLonLat);
        zones = CheckPolygons(zones, tables, LayerSchema.Zones, z => z.Area, (z, g) => z with { Area = g }, z => z.Id, options, problems, notices, toLonLat);

        CheckUnique(admin, tables, LayerSchema.AdminUnits, "code", a => a.Code, problems);
        CheckUnique(settlements, tables, LayerSchema.Settlements, "id", s => s.Id, problems);
        CheckUnique(towers, tables, LayerSchema.Towers, "id", s => s.Id, problems);
        CheckUnique(bts, tables, LayerSchema.Bts, "id", s => s.Id, problems);
        CheckUnique(fibre, tables, LayerSchema.FibreRoutes, "id", s => s.Id, problems);
        CheckUnique(postal, tables, LayerSchema.PostalPoints, "id", s => s.Id, problems);
        CheckUnique(zones, tables, LayerSchema.Zones, "id", s => s.Id, problems);
        CheckUnique(measurements, tables, LayerSchema.Measurements, "id", s => s.Id, problems);
        CheckUnique(publicSites, tables, LayerSchema.PublicSites, "id", s => s.Id, problems);
        CheckUnique(nodes, tables, LayerSchema.Nodes, "id", s => s.Id, problems);
        CheckUnique(subscribers, tables, LayerSchema.Subscribers, "unit_code", s => $"{s.UnitCode} {s.Operator ?? "(all operators)"} {Codes.Key(s.Service)} {s.Date}".TrimEnd(), problems);
        CrossReferences.CheckUnitCodes(admin, subscribers, tables, problems);
        CrossReferences.Check(admin, settlements, towers, bts, postal, tables, rules.CoLocationM, problems, toLonLat);
        CrossReferences.CheckCommuneCodes(admin, publicSites, LayerSchema.PublicSites, s => s.CommuneCode, s => s.Id, tables, problems);

        // Import with --skip-invalid: the mapped layer's rows with problems are left out and returned as rejects.
        IReadOnlyList<ValidationProblem> rejected = [];
        if (options.Mapping is { SkipInvalid: true } skip && tables.TryGetValue(skip.Layer, out var skipTable))
        {
            var dataRows = skipTable.Rows.Select(r => (skipTable.FileOf(r), r.Row)).ToHashSet();
            var all = problems.Sorted();
            rejected = [.. all.Where(p => p.Row is { } r && dataRows.Contains((p.File, r)))];
            var rejectedRows = rejected.Select(p => (p.File, p.Row!.Value)).ToHashSet();
            problems = new ProblemCollector();
            foreach (var p in all.Where(p => !(p.Row is { } r && rejectedRows.Contains((p.File, r)))))
            {
                problems.Add(p);
            }

            (RawRow Row, T? Item)[] Drop<T>((RawRow Row, T? Item)[] rows)
                where T : class => [.. rows.Select(r => rejectedRows.Contains((skipTable.FileOf(r.Row), r.Row.Row)) ? (r.Row, null) : r)];
            switch (skip.Layer)
            {
                case Dataset.LayerNames.AdminUnits: admin = Drop(admin); break;
                case Dataset.LayerNames.Settlements: settlements = Drop(settlements); break;
                case Dataset.LayerNames.Towers: towers = Drop(towers); break;
                case Dataset.LayerNames.Bts: bts = Drop(bts); break;
                case Dataset.LayerNames.FibreRoutes: fibre = Drop(fibre); break;
                case Dataset.LayerNames.PostalPoints: postal = Drop(postal); break;
                case Dataset.LayerNames.Zones: zones = Drop(zones); break;
                case Dataset.LayerNames.PublicSites: publicSites = Drop(publicSites); break;
                case Dataset.LayerNames.Subscribers: subscribers = Drop(subscribers); break;
                case Dataset.LayerNames.Nodes: nodes = Drop(nodes); break;
                default: measurements = Drop(measurements); break;
            }
        }

        if (problems.Count > 0)
        {
            return new LoadResult(null, settings, problems.Sorted(), notices.Sorted()) { Rejected = rejected };
        }

        var samples = new PositionSamples(settings.Crs, analysisCrs);
        samples.Add(LayerSchema.Settlements.Layer, tables, settlements, s => s.Location, s => s.Id);
        samples.Add(LayerSchema.Towers.Layer, tables, towers, t => t.Location, t => t.Id);
        samples.Add(LayerSchema.Bts.Layer, tables, bts, b => b.Location, b => b.Id, b => $"{b.Operator}|{Codes.Label(b.Tech)}|{b.AzimuthDeg}");
        samples.Add(LayerSchema.PostalPoints.Layer, tables, postal, p => p.Location, p => p.Id);
        samples.Add(LayerSchema.PublicSites.Layer, tables, publicSites, p => p.Location, p => p.Id);
        samples.Add(LayerSchema.Nodes.Layer, tables, nodes, p => p.Location, p => p.Id);
        foreach (var warning in PositionQualityValidator.Check(samples.Samples))
        {
            notices.Add(warning);
        }

        if (tables.TryGetValue(LayerSchema.AdminUnits.Layer, out var adminTable))
        {
            foreach (var warning in ChildUnitsValidator.Check(Items(admin), adminTable.FileName))
            {
                notices.Add(warning);
            }
        }

        FarFromMeridian(samples.Samples, Items(admin).Where(a => a.Boundary is not null).Select(a => (tables[LayerSchema.AdminUnits.Layer].FileName, a.Code, a.Boundary!)), analysisCrs, notices);

        var dataset = new Dataset(
            settings.Name,
            analysisCrs,
            Items(admin),
            Items(settlements),
            Items(towers),
            Items(bts),
            Items(fibre).Where(f => f.Medium == CableMedium.Fibre).ToList(),
            Items(postal),
            Items(zones),
            new HashSet<string>(tables.Keys, StringComparer.Ordinal))
        {
            Rules = rules,
            Measurements = Items(measurements),
            PublicSites = Items(publicSites),
            CopperRoutes = Items(fibre).Where(f => f.Medium == CableMedium.Copper).ToList(),
            Subscribers = Items(subscribers),
            Nodes = Items(nodes),
            Date = settings.Date,
        };
        return new LoadResult(dataset, settings, [], notices.Sorted()) { Rejected = rejected };
    }

    /// <summary>
    /// Reads the layer files in parallel, the largest first, each thread taking the next file as it finishes one (an
    /// even split of the layer list gave one thread all the big layers); the tables are listed in schema order.
    /// </summary>
    private static Dictionary<string, RawTable> ReadTables(string folder, ProblemCollector problems, ProblemCollector notices, LoadOptions options)
    {
        var layers = LayerSchema.InputLayers;
        var read = new RawTable?[layers.Count];
        var largestFirst = Enumerable.Range(0, layers.Count).OrderByDescending(i => LayerBytes(folder, layers[i])).ToList();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(largestFirst, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            i => read[i] = ReadTable(folder, layers[i], problems, notices, options));
        var tables = new Dictionary<string, RawTable>(StringComparer.Ordinal);
        for (var i = 0; i < layers.Count; i++)
        {
            if (read[i] is { } table)
            {
                tables.Add(layers[i].Layer, table);
            }
        }

        return tables;
    }

    /// <summary>The size in bytes of a layer's files (only to order the reading; 0 for what cannot be sized).</summary>
    private static long LayerBytes(string folder, LayerSchema schema)
    {
        long bytes = 0;
        foreach (var ext in new[] { ".csv", ".geojson", ".xlsx", ".shp" })
        {
            try
            {
                var file = new FileInfo(Path.Combine(folder, schema.Layer + ext));
                bytes += file.Exists ? file.Length : 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Reading the file reports the problem.
            }
        }

        return bytes;
    }

    private static RawTable? ReadTable(string folder, LayerSchema schema, ProblemCollector problems, ProblemCollector notices, LoadOptions options)
    {
        // Directories and other special files count too: reading them is refused with NOT_A_REGULAR_FILE, not skipped.
        var candidates = new[] { ".csv", ".geojson", ".xlsx", ".shp" }
            .Select(ext => Path.Combine(folder, schema.Layer + ext))
            .Where(p => SafeFile.KindOf(p) != FileKind.Missing)
            .ToList();
        if (candidates.Count > 1)
        {
            var names = string.Join(" and ", candidates.Select(Path.GetFileName));
            problems.Add(ProblemCodes.DuplicateLayer, $"{names} all exist for layer {schema.Layer}; keep one", Path.GetFileName(candidates[0])!);
            return null;
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var mapping = options.Mapping is { } m && m.Layer == schema.Layer ? m : null;
        ColumnAliases.Override = mapping?.Columns.ToDictionary(kv => Codes.Fold(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        try
        {
            var table = ReadTableFile(candidates[0], schema, problems, notices);
            foreach (var (column, values) in mapping?.Values ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            {
                var folded = values.ToDictionary(kv => Codes.Fold(kv.Key), kv => kv.Value, StringComparer.Ordinal);
                foreach (var row in table?.Rows ?? [])
                {
                    row.MapValue(column, folded);
                }
            }

            return table;
        }
        finally
        {
            ColumnAliases.Override = null;
        }
    }

    /// <summary>Reads one layer file (CSV, GeoJSON, Excel or Shapefile by its extension) and checks its structure.</summary>
    private static RawTable? ReadTableFile(string path, LayerSchema schema, ProblemCollector problems, ProblemCollector? notices = null)
    {
        var fileName = Path.GetFileName(path);
        if (path.EndsWith(".shp", StringComparison.OrdinalIgnoreCase))
        {
            var shp = ShapefileTableReader.Read(path, fileName, schema, problems, notices ?? new ProblemCollector());
            return shp is not null && LayerStructure.Check(schema, shp.Columns.Keys, fileName, hasGeometryColumn: true, isGeoJson: false, headerRow: null, problems) ? shp : null;
        }

        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // Each sheet's structure is checked as it is read, with the sheet's name.
            return ExcelTableReader.Read(path, fileName, schema, problems);
        }

        var text = TextFileReader.Read(path, fileName, problems);
        if (text is null)
        {
            return null;
        }

        var table = !path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase)
            ? CsvTableReader.Read(text, fileName, schema.AllColumns, problems)
            : GeoJsonTableReader.Read(text, fileName, schema.AllColumns, problems);
        return table is not null && LayerStructure.Check(schema, table.Columns.Keys, fileName, table.HasGeometryColumn, table.IsGeoJson, table.HeaderRow, problems) ? table : null;
    }

    /// <summary>
    /// Reads only the rules of a dataset folder (dataset.json's <c>rules</c> path, default <c>rules.json</c>; the
    /// defaults when absent), for <c>sotttt rules --print</c>.
    /// </summary>
    public static RulesLoadResult LoadRules(string folder)
    {
        var problems = new ProblemCollector();
        if (!Directory.Exists(folder))
        {
            problems.Add(ProblemCodes.MissingRequiredField, $"dataset folder '{folder}' does not exist", folder);
            return new RulesLoadResult(null, null, problems.Sorted());
        }

        var settings = SettingsReader.Read(folder, problems);
        var rulesPath = settings?.RulesPath ?? "rules.json";
        var rules = Loading.RulesReader.Read(folder, rulesPath, settings is not null && settings.RulesPath != "rules.json", problems);
        var source = File.Exists(Path.Combine(folder, rulesPath)) ? rulesPath : null;
        return problems.Count > 0 ? new RulesLoadResult(null, source, problems.Sorted()) : new RulesLoadResult(rules, source, []);
    }

    /// <summary>
    /// Reads an applications file (CSV or GeoJSON; columns of <c>applications.csv</c> in PRODUCT.md) for a loaded
    /// dataset: positions in the dataset's CRS (x,y and WKT) or WGS84 (lon,lat), tower classes from its rules. Each
    /// row becomes an entry, valid or with its problems (the same checks as the dataset's layers, and ids unique);
    /// problems with the file itself (missing, not UTF-8, a required column missing) leave no entries.
    /// </summary>
    public static ApplicationsLoadResult LoadApplications(string path, Dataset dataset, DatasetSettings settings)
    {
        var problems = new ProblemCollector();
        if (SafeFile.KindOf(path) == FileKind.Directory)
        {
            problems.Add(ProblemCodes.NotARegularFile, $"'{path}' is a directory, not an applications file", Path.GetFileName(path));
            return new ApplicationsLoadResult([], problems.Sorted());
        }

        if (!File.Exists(path))
        {
            problems.Add(ProblemCodes.MissingRequiredField, $"applications file '{path}' does not exist", Path.GetFileName(path));
            return new ApplicationsLoadResult([], problems.Sorted());
        }

        var table = ReadTableFile(path, LayerSchema.Applications, problems);
        // Problems not on a data row (encoding, header) are problems with the file itself.
        var dataRows = table?.Rows.Select(r => r.Row).ToHashSet();
        if (table is null || problems.Sorted().Any(p => p.Row is not { } r || !dataRows!.Contains(r)))
        {
            return new ApplicationsLoadResult([], problems.Sorted());
        }

        var builders = new LayerBuilders(new PositionResolver(settings.Crs, dataset.Crs), dataset.Rules);
        var rows = table.Rows.Select(row => (row, builders.Application(new RowContext(table, row, problems), table))).ToArray();
        CheckUnique(rows, new Dictionary<string, RawTable>(StringComparer.Ordinal) { [LayerSchema.Applications.Layer] = table }, LayerSchema.Applications, "id", a => a.Id, problems);
        var byRow = problems.Sorted().Where(p => p.Row is not null).GroupBy(p => p.Row!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<ValidationProblem>)[.. g]);
        var entries = rows
            .Select(r => byRow.TryGetValue(r.row.Row, out var rowProblems)
                ? new ApplicationEntry(r.row.Row, r.row.Get("id"), null, rowProblems)
                : ApplicationEntry.Valid(r.row.Row, r.Item2!))
            .ToList();
        return new ApplicationsLoadResult(entries, []);
    }

    private static (RawRow Row, T? Item)[] Build<T>(
        Dictionary<string, RawTable> tables,
        LayerSchema schema,
        ProblemCollector problems,
        Func<RowContext, RawTable, T?> build)
        where T : class
    {
        if (!tables.TryGetValue(schema.Layer, out var table))
        {
            return [];
        }

        return table.Rows
            .AsParallel()
            .AsOrdered()
            .Select(row => (row, build(new RowContext(table, row, problems), table)))
            .ToArray();
    }

    private static (RawRow Row, T? Item)[] CheckPolygons<T>(
        (RawRow Row, T? Item)[] rows,
        Dictionary<string, RawTable> tables,
        LayerSchema schema,
        Func<T, Geometry?> shape,
        Func<T, Geometry, T> withShape,
        Func<T, string> id,
        LoadOptions options,
        ProblemCollector problems,
        ProblemCollector notices,
        CoordinateTransformer toLonLat)
        where T : class
    {
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Item is not { } item || shape(item) is not { } geometry)
            {
                continue;
            }

            var error = new IsValidOp(geometry).ValidationError;
            if (error is null)
            {
                continue;
            }

            var table = tables[schema.Layer];
            var file = table.FileOf(rows[i].Row);
            var column = rows[i].Row.Has("wkt") ? table.ColumnOf(rows[i].Row, "wkt") : "geometry";
            var (lon, lat) = toLonLat.Transform(error.Coordinate.X, error.Coordinate.Y);
            var at = $"{error.Message} near lon {lon:0.000000}, lat {lat:0.000000} ({error.Coordinate.X:0.##}, {error.Coordinate.Y:0.##} in the analysis CRS)";
            if (options.RepairPolygons)
            {
                rows[i] = (rows[i].Row, withShape(item, GeometryFixer.Fix(geometry)));
                notices.Add(ProblemCodes.InvalidPolygon, $"repaired: {at}", file, rows[i].Row.Row, column, id(item));
            }
            else
            {
                problems.Add(ProblemCodes.InvalidPolygon, $"{at}; fix it or load with --repair-polygons", file, rows[i].Row.Row, column, id(item));
            }
        }

        return rows;
    }

    private static void CheckUnique<T>((RawRow Row, T? Item)[] rows, Dictionary<string, RawTable> tables, LayerSchema schema, string column, Func<T, string> key, ProblemCollector problems)
        where T : class
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, item) in rows)
        {
            if (item is null)
            {
                continue;
            }

            var k = key(item);
            if (!first.TryAdd(k, row.Row))
            {
                var table = tables[schema.Layer];
                problems.Add(ProblemCodes.DuplicateId, $"'{k}' is already used on row {first[k]}", table.FileOf(row), row.Row, table.ColumnOf(row, column), k);
            }
        }
    }

    /// <summary>Median WGS84 longitude and latitude of the first 2,000 rows of each layer (positions outside Vietnam left out).</summary>
    private static (double? Lon, double? Lat) MedianPosition(IEnumerable<RawTable> tables, CrsDefinition crs)
    {
        var lons = new List<double>();
        var lats = new List<double>();
        var toWgs84FromDataset = crs.IsGeographic ? null : CoordinateTransformer.Create(crs, CrsRegistry.Wgs84);
        void Add(double lon, double lat)
        {
            if (VietnamExtent.Contains(lon, lat))
            {
                lons.Add(lon);
                lats.Add(lat);
            }
        }

        foreach (var table in tables)
        {
            var toWgs84 = table.GeometryCrs is { IsGeographic: false } metric ? CoordinateTransformer.Create(metric, CrsRegistry.Wgs84) : null;
            foreach (var row in table.Rows.Take(2000))
            {
                if (Parse(row.Get("lon")) is { } lon && Parse(row.Get("lat")) is { } lat)
                {
                    Add(lon, lat);
                }
                else if (Parse(row.Get("x")) is { } x && Parse(row.Get("y")) is { } y)
                {
                    var (gx, gy) = toWgs84FromDataset is null ? (x, y) : toWgs84FromDataset.Transform(x, y);
                    Add(gx, gy);
                }
                else if (row.Geometry is { IsEmpty: false } g && table.HasGeometryColumn)
                {
                    var (gx, gy) = toWgs84 is null ? (g.Coordinate.X, g.Coordinate.Y) : toWgs84.Transform(g.Coordinate.X, g.Coordinate.Y);
                    Add(gx, gy);
                }
                else if (row.Get("wkt") is { } wkt)
                {
                    var numbers = System.Text.RegularExpressions.Regex.Matches(wkt, @"-?\d+(\.\d+)?").Take(2).Select(m => Parse(m.Value)).ToList();
                    if (numbers.Count == 2 && numbers[0] is { } wx && numbers[1] is { } wy)
                    {
                        var (gx, gy) = toWgs84FromDataset is null ? (wx, wy) : toWgs84FromDataset.Transform(wx, wy);
                        Add(gx, gy);
                    }
                }
            }
        }

        if (lons.Count == 0)
        {
            return (null, null);
        }

        lons.Sort();
        lats.Sort();
        return (lons[lons.Count / 2], lats[lats.Count / 2]);

        static double? Parse(string? text) =>
            text is not null && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }

    /// <summary>Code and name of every row of admin_units whose level reads as province.</summary>
    private static List<(string Code, string Name)> ProvinceRows(Dictionary<string, RawTable> tables) =>
        tables.TryGetValue(LayerSchema.AdminUnits.Layer, out var admin)
            ? admin.Rows
                .Where(r => r.Get("level") is { } level && Codes.TryParseLevel(level, out var l) && l == AdminLevel.Province)
                .Select(r => (r.Get("code") ?? string.Empty, r.Get("name") ?? string.Empty))
                .ToList()
            : [];

    /// <summary>
    /// A notice when data lie more than <see cref="AnalysisZone.MaxOffMeridianDeg"/> from the analysis CRS's central
    /// meridian: distances measured there are longer than on the ground by the zone's scale (areas and fibre lengths of
    /// units are still taken in each unit's own province zone).
    /// </summary>
    private static void FarFromMeridian(List<PositionSample> points, IEnumerable<(string File, string Id, Geometry Shape)> shapes, CrsDefinition crs, ProblemCollector notices)
    {
        if (crs.CentralMeridianDeg is not { } cm)
        {
            return;
        }

        var toWgs84 = CoordinateTransformer.Create(crs, CrsRegistry.Wgs84);
        var far = points.Select(p => (p.File, Row: (int?)p.Row, p.Id, p.LonDeg, p.LatDeg)).ToList();
        foreach (var (file, id, shape) in shapes)
        {
            var env = shape.EnvelopeInternal;
            foreach (var x in new[] { env.MinX, env.MaxX })
            {
                var (lon, lat) = toWgs84.Transform(x, env.Centre.Y);
                far.Add((file, null, id, lon, lat));
            }
        }

        var beyond = far.Where(f => Math.Abs(f.LonDeg - cm) > AnalysisZone.MaxOffMeridianDeg).ToList();
        if (beyond.Count == 0)
        {
            return;
        }

        var worst = beyond.MaxBy(f => Math.Abs(f.LonDeg - cm));
        var offset = Math.Abs(worst.LonDeg - cm);
        var stretchPct = ((crs.ScaleFactor ?? 1) * (1 + (Math.Pow(offset * Math.PI / 180 * Math.Cos(worst.LatDeg * Math.PI / 180), 2) / 2)) - 1) * 100;
        notices.Add(
            ProblemCodes.FarFromCentralMeridian,
            $"{beyond.Count} position(s) lie more than {AnalysisZone.MaxOffMeridianDeg}° from the central meridian {cm.ToString(System.Globalization.CultureInfo.InvariantCulture)}° of the analysis CRS {crs.Name}, " +
            $"up to {offset:0.##}° (id {worst.Id} at ({worst.LonDeg:0.######}, {worst.LatDeg:0.######})): distances there are longer than on the ground by up to {stretchPct:0.###} %; " +
            "areas and fibre lengths per unit are taken in each unit's own province zone. Set analysis_crs in dataset.json, or split the data by province, to measure distances in the right zone",
            worst.File,
            worst.Row,
            null,
            worst.Id);
    }

    /// <summary>
    /// The analysis CRS as outputs may declare it: a zone whose EPSG area of use (the provinces using its meridian) does
    /// not hold the data's provinces loses its EPSG code, so GeoPackage, PostGIS and Shapefile outputs declare it under
    /// SoTTTT's own id (<see cref="SpatialReferences"/>) and claim no area of use.
    /// </summary>
    private static CrsDefinition WithoutUnheldEpsg(CrsDefinition crs, List<(string Code, string Name)> provinceRows, double? medianLon, double? medianLat)
    {
        if (crs.Epsg is null || crs.IsGeographic)
        {
            return crs;
        }

        var provinces = provinceRows.Select(p => AnalysisZone.Find(p.Code, p.Name, provinceRows.Count == 1 ? medianLon : null, provinceRows.Count == 1 ? medianLat : null).Province).ToList();
        if (provinces.Count == 0 || provinces.Any(p => p is null))
        {
            provinces = medianLon is { } lon && medianLat is { } lat ? [VnProvinceZones.NearestTo(lon, lat)] : [];
        }

        return AnalysisZone.AreaOfUseHolds(crs, provinces!) ? crs : crs with { Epsg = null };
    }

    private static List<T> Items<T>((RawRow Row, T? Item)[] rows)
        where T : class => rows.Where(r => r.Item is not null).Select(r => r.Item!).ToList();
}
