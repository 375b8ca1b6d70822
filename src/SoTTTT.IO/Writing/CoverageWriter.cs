using SoTTTT.Core.Coverage;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.IO.GeoJson;
using SoTTTT.IO.Layers;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Deterministic CSV, JSON, GeoJSON and ASCII-grid renderings of a <see cref="CoverageResult"/> (invariant culture,
/// fixed decimals, <c>\n</c>). README "coverage" lists the files, columns and keys. Every file states or sits beside
/// the thresholds used (DOMAIN.md: every report states the thresholds).
/// </summary>
public static class CoverageWriter
{
    private static readonly (string Name, Func<CoverageRow, string> Cell)[] RowColumns =
    [
        ("code", r => r.Code),
        ("name", r => r.Name),
        ("level", r => Codes.Key(r.Level)),
        ("operator", r => r.Operator),
        ("tech", r => r.TechLabel),
        ("settlements_total", r => CsvOutput.Int(r.SettlementsTotal)),
        ("settlements_covered", r => CsvOutput.Int(r.SettlementsCovered)),
        ("settlements_covered_pct", r => CsvOutput.Fixed(r.SettlementsCoveredPct, 1)),
        ("population_total", r => CsvOutput.Int(r.PopulationTotal)),
        ("population_covered", r => CsvOutput.Int(r.PopulationCovered)),
        ("population_covered_pct", r => CsvOutput.Fixed(r.PopulationCoveredPct, 1)),
        ("area_km2", r => CsvOutput.Fixed(r.AreaKm2, 2)),
        ("area_covered_pct", r => CsvOutput.Fixed(r.AreaCoveredPct, 1)),
        ("threshold_dbm", r => CsvOutput.Fixed(r.ThresholdDbm, 1)),
        ("communes_total", r => CsvOutput.Int(r.CommunesTotal)),
        ("communes_covered", r => CsvOutput.Int(r.CommunesCovered)),
        ("communes_covered_pct", r => CsvOutput.Fixed(r.CommunesCoveredPct, 1)),
    ];

    private static readonly (string Name, Func<BtsFootprint, string> Cell)[] FootprintColumns =
    [
        ("id", f => f.Id),
        ("operator", f => f.Operator),
        ("tech", f => Codes.Label(f.Tech)),
        ("model", f => f.Model.Name),
        ("env", f => Env(f.Environment)),
        ("model_env", f => f.ModelEnvironment),
        ("max_range_km", f => CsvOutput.Fixed(f.MaxRangeKm, 3)),
        ("range_capped", f => CsvOutput.Flag(f.RangeCapped)),
        ("band_mhz", f => CsvOutput.Fixed(f.BandMHz, 1)),
        ("eirp_dbm", f => CsvOutput.Fixed(f.EirpDbm, 1)),
        ("bandwidth_mhz", f => CsvOutput.Fixed(f.Budget.Signal.BandwidthMHz, 1)),
        ("reference_signal", f => f.Budget.Signal.Name),
        ("rs_eirp_dbm", f => CsvOutput.Fixed(f.Budget.ReferenceEirpDbm, 1)),
        ("receiver_losses_db", f => CsvOutput.Fixed(f.Budget.ReceiverLossesDb, 1)),
        ("max_path_loss_db", f => CsvOutput.Fixed(f.Budget.MaxPathLossDb, 1)),
        ("antenna_height_m", f => CsvOutput.Fixed(f.AntennaHeightM, 1)),
        ("azimuth_deg", f => CsvOutput.Fixed(f.AzimuthDeg, 1)),
        ("beamwidth_deg", f => f.IsOmni ? string.Empty : CsvOutput.Fixed(f.BeamwidthDeg, 1)),
        ("threshold_dbm", f => CsvOutput.Fixed(f.ThresholdDbm, 1)),
        ("effective_height_m", f => CsvOutput.Fixed(f.EffectiveHeightM, 1)),
        ("site_elevation_m", f => CsvOutput.Fixed(f.SiteElevationM is { } z && double.IsFinite(z) ? z : null, 1)),
        ("defaults", f => string.Join(';', f.Defaults)),
        ("extrapolated", f => string.Join(';', f.OutOfRange.Select(o => o.Parameter))),
    ];

    private static readonly (string Name, Func<UncoveredSettlement, string> Cell)[] UncoveredColumns =
    [
        ("id", u => u.Settlement.Id),
        ("name", u => u.Settlement.Name ?? string.Empty),
        ("unit_code", u => u.UnitCode ?? string.Empty),
        ("population", u => CsvOutput.Int(u.Settlement.Population)),
        ("tech", u => Codes.Label(u.Tech)),
        ("nearest_bts_id", u => u.NearestBtsId ?? string.Empty),
        ("nearest_distance_m", u => CsvOutput.Fixed(u.NearestDistanceM, 0)),
        ("best_level_dbm", u => CsvOutput.Fixed(u.BestLevelDbm, 1)),
        ("threshold_dbm", u => CsvOutput.Fixed(u.ThresholdDbm, 1)),
        ("x", u => CsvOutput.Fixed(u.Settlement.Location.X, 2)),
        ("y", u => CsvOutput.Fixed(u.Settlement.Location.Y, 2)),
    ];

    private static readonly (string Name, Func<PredictionError, string> Cell)[] ErrorColumns =
    [
        ("operator", e => e.Operator),
        ("tech", e => Codes.Label(e.Tech)),
        ("model", e => e.Model),
        ("count", e => CsvOutput.Int(e.Count)),
        ("mean_error_db", e => CsvOutput.Fixed(e.MeanDb, 2)),
        ("rmse_db", e => CsvOutput.Fixed(e.RmseDb, 2)),
    ];

    /// <summary>The per-unit table (what <c>--format csv</c> prints).</summary>
    public static string RowsCsv(CoverageResult r) => RowsCsv(r.Rows);

    /// <summary>The unit table (coverage.csv) of these rows (<see cref="CoverageAnalysis.UnitTable"/>'s, or a result's).</summary>
    public static string RowsCsv(IReadOnlyList<CoverageRow> rows) => CsvOutput.Write(RowColumns, rows);

    public static string FootprintsCsv(CoverageResult r) => CsvOutput.Write(FootprintColumns, r.Footprints);

    public static string UncoveredCsv(CoverageResult r) => CsvOutput.Write(UncoveredColumns, r.Uncovered);

    public static string PredictionErrorsCsv(CoverageResult r) => CsvOutput.Write(ErrorColumns, r.PredictionErrors);

    /// <summary>Per settlement and layer with a prediction: the best server and its level; operator <c>*</c> rows give the best of all operators.</summary>
    public static string BestServerCsv(CoverageResult r, Dataset dataset)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        BestServerCsv(text, r, dataset);
        return text.ToString();
    }

    private static void BestServerCsv(TextWriter sb, CoverageResult r, Dataset dataset)
    {
        sb.Write("settlement_id,operator,tech,bts_id,level_dbm,distance_m,covered\n");
        foreach (var s in r.Settlements)
        {
            foreach (var tech in r.Techs)
            {
                var threshold = r.Rules.For(tech).ThresholdDbm;
                var bestLayer = -1;
                for (var l = 0; l < r.Layers.Count; l++)
                {
                    if (r.Layers[l].Tech == tech && s.BestServer[l] >= 0 && (bestLayer < 0 || s.BestLevelDbm[l] > s.BestLevelDbm[bestLayer]))
                    {
                        bestLayer = l;
                    }
                }

                if (bestLayer < 0)
                {
                    continue;
                }

                Line(sb, s, CoverageLayer.AnyOperator, tech, bestLayer, threshold, dataset);
                for (var l = 0; l < r.Layers.Count; l++)
                {
                    if (r.Layers[l].Tech == tech && s.BestServer[l] >= 0)
                    {
                        Line(sb, s, r.Layers[l].Operator, tech, l, threshold, dataset);
                    }
                }
            }
        }
    }

    /// <summary>
    /// <c>{"dataset", "crs", "level", "thresholds_dbm", "receiver_height_m", "cell_m", "raster", "bts", "settlements",
    /// "unassigned_settlements", "gaps", "rows", "prediction_errors"}</c>; rows have the keys of the CSV columns.
    /// </summary>
    public static string ToJson(CoverageResult r) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("dataset", r.Dataset);
        w.WriteString("crs", r.Crs);
        w.WriteString("level", Codes.Key(r.Level));
        w.WriteStartObject("thresholds_dbm");
        foreach (var tech in Enum.GetValues<Technology>())
        {
            w.WriteNumber(Codes.Label(tech), r.Rules.For(tech).ThresholdDbm);
        }

        w.WriteEndObject();
        w.WriteNumber("receiver_height_m", r.Rules.ReceiverHeightM);
        Budget(w, r);
        TerrainJson(w, r.Terrain);
        w.WriteNumber("cell_m", r.Options.CellM);
        w.WriteString("raster", r.RasterStatus.ToString().ToLowerInvariant());
        w.WriteNumber("bts", r.Footprints.Count);
        w.WriteNumber("bts_with_defaults", r.Footprints.Count(f => f.Defaults.Count > 0));
        w.WriteNumber("settlements", r.Settlements.Count);
        w.WriteNumber("unassigned_settlements", r.UnassignedSettlements);
        w.WriteNumber("gaps", r.Gaps.Count);
        w.WriteStartArray("rows");
        foreach (var row in r.Rows)
        {
            w.WriteStartObject();
            w.WriteString("code", row.Code);
            w.WriteString("name", row.Name);
            w.WriteString("level", Codes.Key(row.Level));
            w.WriteString("operator", row.Operator);
            w.WriteString("tech", row.TechLabel);
            w.WriteNumber("settlements_total", row.SettlementsTotal);
            w.WriteNumber("settlements_covered", row.SettlementsCovered);
            JsonOutput.Number(w, "settlements_covered_pct", row.SettlementsCoveredPct, 1);
            w.WriteNumber("population_total", row.PopulationTotal);
            w.WriteNumber("population_covered", row.PopulationCovered);
            JsonOutput.Number(w, "population_covered_pct", row.PopulationCoveredPct, 1);
            JsonOutput.Number(w, "area_km2", row.AreaKm2, 2);
            JsonOutput.Number(w, "area_covered_pct", row.AreaCoveredPct, 1);
            JsonOutput.Number(w, "threshold_dbm", row.ThresholdDbm, 1);
            w.WriteNumber("communes_total", row.CommunesTotal);
            w.WriteNumber("communes_covered", row.CommunesCovered);
            JsonOutput.Number(w, "communes_covered_pct", row.CommunesCoveredPct, 1);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("prediction_errors");
        foreach (var e in r.PredictionErrors)
        {
            w.WriteStartObject();
            w.WriteString("operator", e.Operator);
            w.WriteString("tech", Codes.Label(e.Tech));
            w.WriteString("model", e.Model);
            w.WriteNumber("count", e.Count);
            JsonOutput.Number(w, "mean_error_db", e.MeanDb, 2);
            JsonOutput.Number(w, "rmse_db", e.RmseDb, 2);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The per-unit table as one worksheet.</summary>
    public static XlsxSheet Sheet(CoverageResult r, string title) => new(
        "coverage",
        title,
        [.. RowColumns.Select(c => new XlsxColumn(c.Name, c.Name is "code" or "name" or "level" or "operator" or "tech" ? FieldType.Text : FieldType.Real))],
        [.. r.Rows.Select(row => (IReadOnlyList<object?>)[.. RowColumns.Select(c => Cell(c.Name, c.Cell(row)))])]);

    /// <summary>
    /// Writes every file into <paramref name="folder"/>: coverage.csv/.json, bts_footprints.csv,
    /// uncovered_settlements.csv/.geojson, best_server.csv, gaps.geojson, coverage_polygons.geojson,
    /// coverage_&lt;tech&gt;.asc/.prj (operators covering each cell), prediction_errors.csv with measurements.
    /// </summary>
    public static IReadOnlyList<string> WriteFolder(CoverageResult r, Dataset dataset, string folder)
    {
        var written = new List<string>();
        void Text(string name, string content)
        {
            var path = Path.Combine(folder, name);
            AtomicFile.WriteAllText(path, content);
            written.Add(path);
        }

        // The two national-sized tables (tens of MB) go to the file as they are made.
        void Streamed(string name, Action<TextWriter> write)
        {
            var path = Path.Combine(folder, name);
            AtomicFile.WriteText(path, write);
            written.Add(path);
        }

        // bts_footprints.csv (a national one is ~40 MB) is written on another thread while the rest are made here; the
        // list, which names it in its place, is returned only once it is written.
        var footprintsPath = Path.Combine(folder, "bts_footprints.csv");
        Beside.Run(() => AtomicFile.WriteText(footprintsPath, w => CsvOutput.Write(w, FootprintColumns, r.Footprints)), WriteTheRest);
        return written;

        void WriteTheRest()
        {
            Text("coverage.csv", RowsCsv(r));
            Text("coverage.json", ToJson(r));
            written.Add(footprintsPath);
            Text("uncovered_settlements.csv", UncoveredCsv(r));
            Streamed("best_server.csv", w => BestServerCsv(w, r, dataset));
            if (r.PredictionErrors.Count > 0)
            {
                Text("prediction_errors.csv", PredictionErrorsCsv(r));
            }

            var tables = new List<FeatureTable> { UncoveredTable(r, dataset.Crs) };
            if (r.Raster is not null)
            {
                tables.Add(GapsTable(r, dataset));
                if (!r.PolygonsSkipped && r.Polygons.Count > 0)
                {
                    tables.Add(PolygonsTable(r, dataset.Crs));
                }
            }

            written.AddRange(GeoJsonWriter.Write(folder, tables, null));
            if (r.Raster is { } grid)
            {
                // One GeoTIFF per technology, each deflated on its own core (the raster is only read); listed in order.
                var paths = r.Techs.Select(tech => Path.Combine(folder, $"coverage_{Codes.Label(tech).ToLowerInvariant()}.tif")).ToList();
                Beside.For(paths.Count, paths.Count, k => WriteGeoTiff(paths[k], grid, r.Techs[k], dataset.Crs));
                written.AddRange(paths);
            }

            if (r.Raster is { } raster && !r.PolygonsSkipped)
            {
                foreach (var tech in r.Techs)
                {
                    var path = Path.Combine(folder, $"coverage_{Codes.Label(tech).ToLowerInvariant()}.asc");
                    AsciiGridWriter.Write(path, raster, (i, j) => raster.UnitAt(i, j) < 0 ? null : raster.OperatorsCovering(tech, i, j));
                    AtomicFile.WriteAllText(Path.ChangeExtension(path, ".prj"), CrsWkt.Wkt(dataset.Crs));
                    written.Add(path);
                    written.Add(Path.ChangeExtension(path, ".prj"));
                }
            }
        }
    }

    /// <summary>The value of cells outside every admin unit in the coverage GeoTIFFs (GDAL_NODATA).</summary>
    public const byte GeoTiffNoData = 255;

    /// <summary>
    /// <c>coverage_&lt;tech&gt;.tif</c>: per cell the number of operators covering it with the technology (UInt8, 255 outside
    /// every unit), tiled 256 × 256 like the raster, Deflate, in the analysis CRS; tiles without any unit are left out
    /// (sparse), so a national grid costs what its land costs. The extent is the raster's, widened north and east to
    /// whole tiles.
    /// </summary>
    public static void WriteGeoTiff(string path, CoverageRaster raster, Technology tech, CrsDefinition crs)
    {
        var side = CoverageRaster.TileSide;
        var rows = raster.TileRows * side;
        var geometry = new Core.Terrain.GridGeometry(crs, raster.OriginX, raster.OriginY + (rows * raster.CellM), raster.CellM, raster.CellM, raster.TileColumns * side, rows);
        Terrain.GeoTiffWriter.WriteUInt8Tiles(
            path,
            geometry,
            (column, row) => raster.OperatorCountTile(column, raster.TileRows - 1 - row, tech, GeoTiffNoData),
            new Terrain.GeoTiffWriteOptions { Tiled = true, TileSize = side, NoData = GeoTiffNoData });
    }

    public static FeatureTable UncoveredTable(CoverageResult r, CrsDefinition crs) => new(
        "uncovered_settlements",
        "Thôn/bản chưa được phủ sóng",
        FeatureGeometryType.Point,
        crs,
        [
            new LayerField("id", FieldType.Text, "Mã"),
            new LayerField("name", FieldType.Text, "Tên"),
            new LayerField("unit_code", FieldType.Text, "Mã đơn vị"),
            new LayerField("population", FieldType.Integer, "Dân số"),
            new LayerField("tech", FieldType.Text, "Công nghệ"),
            new LayerField("nearest_bts_id", FieldType.Text, "BTS gần nhất"),
            new LayerField("nearest_distance_m", FieldType.Real, "Khoảng cách (m)"),
            new LayerField("best_level_dbm", FieldType.Real, "Mức thu tốt nhất (dBm)"),
            new LayerField("threshold_dbm", FieldType.Real, "Ngưỡng (dBm)"),
        ],
        [.. r.Uncovered.Select(u => new FeatureRow(u.Settlement.Location, [
            u.Settlement.Id, u.Settlement.Name, u.UnitCode, u.Settlement.Population, Codes.Label(u.Tech), u.NearestBtsId,
            Round(u.NearestDistanceM, 0), Round(u.BestLevelDbm, 1), u.ThresholdDbm]))]);

    public static FeatureTable GapsTable(CoverageResult r, Dataset dataset) =>
        GapsTable(r, dataset.Crs, dataset.Hierarchy.CommuneOf, code => code is null ? null : dataset.Hierarchy.SelfAndAncestors(code).FirstOrDefault(u => u.Level == AdminLevel.District));

    private static FeatureTable GapsTable(CoverageResult r, CrsDefinition crs, Func<string?, AdminUnit?> commune, Func<string?, AdminUnit?> district) => new(
        "gaps",
        "Vùng lõm sóng",
        FeatureGeometryType.Geometry,
        crs,
        [
            new LayerField("id", FieldType.Text, "Mã"),
            new LayerField("tech", FieldType.Text, "Công nghệ"),
            new LayerField("cells", FieldType.Integer, "Số ô"),
            new LayerField("area_km2", FieldType.Real, "Diện tích (km²)"),
            new LayerField("settlements", FieldType.Integer, "Số thôn/bản"),
            new LayerField("population", FieldType.Integer, "Dân số"),
            new LayerField("centroid_x", FieldType.Real, "Tâm X"),
            new LayerField("centroid_y", FieldType.Real, "Tâm Y"),
            new LayerField("unit_code", FieldType.Text, "Mã đơn vị"),
            new LayerField("commune_code", FieldType.Text, "Mã xã"),
            new LayerField("commune_name", FieldType.Text, "Tên xã"),
            new LayerField("threshold_dbm", FieldType.Real, "Ngưỡng (dBm)"),
            new LayerField("district_code", FieldType.Text, "Mã huyện"),
            new LayerField("district_name", FieldType.Text, "Tên huyện"),
        ],
        [.. r.Gaps.Select(g => new FeatureRow(g.Area, [
            g.Id, Codes.Label(g.Tech), (long)g.Cells, Math.Round(g.AreaKm2, 4), (long)g.Settlements, g.Population,
            Math.Round(g.Centroid.X, 1), Math.Round(g.Centroid.Y, 1), g.UnitCode, commune(g.UnitCode)?.Code, commune(g.UnitCode)?.Name,
            r.Rules.For(g.Tech).ThresholdDbm, district(g.UnitCode)?.Code, district(g.UnitCode)?.Name]))]);

    public static FeatureTable PolygonsTable(CoverageResult r, CrsDefinition crs) => new(
        "coverage_polygons",
        "Vùng phủ sóng",
        FeatureGeometryType.Geometry,
        crs,
        [
            new LayerField("operator", FieldType.Text, "Doanh nghiệp"),
            new LayerField("tech", FieldType.Text, "Công nghệ"),
            new LayerField("area_km2", FieldType.Real, "Diện tích (km²)"),
            new LayerField("threshold_dbm", FieldType.Real, "Ngưỡng (dBm)"),
        ],
        [.. r.Polygons.Select(p => new FeatureRow(p.Area.IsEmpty ? null : p.Area, [
            p.Layer.Operator, Codes.Label(p.Layer.Tech), Math.Round(p.AreaKm2, 3), r.Rules.For(p.Layer.Tech).ThresholdDbm]))]);

    private static void Line(TextWriter w, SettlementCoverage s, string op, Technology tech, int layer, double threshold, Dataset dataset)
    {
        var bts = dataset.Bts[s.BestServer[layer]];
        var distance = s.Settlement.Location.Coordinate.Distance(bts.Location.Coordinate);
        var level = s.BestLevelDbm[layer];
        CsvOutput.WriteCell(w, s.Settlement.Id);
        w.Write(',');
        CsvOutput.WriteCell(w, op);
        w.Write(',');
        w.Write(Codes.Label(tech));
        w.Write(',');
        CsvOutput.WriteCell(w, bts.Id);
        w.Write(',');
        w.Write(CsvOutput.Fixed(level, 1));
        w.Write(',');
        w.Write(CsvOutput.Fixed(distance, 0));
        w.Write(',');
        w.Write(CsvOutput.Flag(level >= threshold));
        w.Write('\n');
    }

    private static object? Cell(string name, string text) =>
        name is "code" or "name" or "level" or "operator" or "tech" ? text
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? Round(double? value, int decimals) => value is { } v ? Math.Round(v, decimals) : null;

    /// <summary>The environment's key in outputs: <c>urban</c>, <c>suburban</c>, <c>rural</c>.</summary>
    public static string Env(CoverageEnvironment e) => e switch
    {
        CoverageEnvironment.Urban => "urban",
        CoverageEnvironment.Suburban => "suburban",
        _ => "rural",
    };

    /// <summary>
    /// <c>"budget": {"place", "body_loss_db", "cell_edge_probability_pct", "max_range_km", "technologies": {"4G":
    /// {"reference_signal", "bandwidth_mhz", "resource_blocks", "rs_offset_db", "eirp_dbm", "rs_eirp_dbm", "threshold_dbm",
    /// "environments": {"rural": {"model", "penetration_loss_db", "shadowing_sigma_db", "shadow_margin_db",
    /// "max_path_loss_db", "range_km"}, …}}}}</c> for the technologies' default BTS.
    /// </summary>
    public static void Budget(System.Text.Json.Utf8JsonWriter w, CoverageResult r)
    {
        var rules = r.Rules;
        w.WriteStartObject("budget");
        w.WriteString("place", PlaceKey(rules.Place));
        w.WriteNumber("body_loss_db", rules.BodyLossDb);
        w.WriteNumber("cell_edge_probability_pct", rules.CellEdgeProbabilityPct);
        w.WriteNumber("max_range_km", rules.MaxRangeKm);
        w.WriteStartObject("technologies");
        foreach (var group in BudgetSummary.For(rules, r.Techs, r.Options.Model).GroupBy(b => b.Tech))
        {
            var first = group.First().Budget;
            w.WriteStartObject(Codes.Label(group.Key));
            w.WriteString("reference_signal", first.Signal.Name);
            JsonOutput.Number(w, "bandwidth_mhz", first.Signal.BandwidthMHz, 1);
            if (first.Signal.ResourceBlocks is { } prb)
            {
                w.WriteNumber("resource_blocks", prb);
            }
            else
            {
                w.WriteNull("resource_blocks");
            }

            JsonOutput.Number(w, "rs_offset_db", first.Signal.OffsetDb, 2);
            w.WriteNumber("eirp_dbm", first.TotalEirpDbm);
            JsonOutput.Number(w, "rs_eirp_dbm", first.ReferenceEirpDbm, 2);
            w.WriteNumber("threshold_dbm", first.ThresholdDbm);
            w.WriteStartObject("environments");
            foreach (var b in group)
            {
                w.WriteStartObject(Env(b.Environment));
                w.WriteString("model", b.Model);
                w.WriteNumber("penetration_loss_db", b.Budget.PenetrationLossDb);
                w.WriteNumber("shadowing_sigma_db", b.Budget.ShadowingSigmaDb);
                JsonOutput.Number(w, "shadow_margin_db", b.Budget.ShadowMarginDb, 2);
                JsonOutput.Number(w, "max_path_loss_db", b.Budget.MaxPathLossDb, 2);
                JsonOutput.Number(w, "range_km", b.RangeKm, 3);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>"terrain": null</c> on flat ground, else <c>{"dem", "profile_step_m", "model": "itm", "climate",
    /// "surface_refractivity_n", "permittivity", "conductivity_s_per_m", "polarization", "paths", "paths_without_data"}</c>.
    /// </summary>
    public static void TerrainJson(System.Text.Json.Utf8JsonWriter w, CoverageTerrain? terrain)
    {
        if (terrain is null)
        {
            w.WriteNull("terrain");
            return;
        }

        var t = terrain.Rules;
        w.WriteStartObject("terrain");
        w.WriteString("dem", terrain.Source);
        JsonOutput.Number(w, "profile_step_m", terrain.Profiler.SampleSpacingM, 2);
        w.WriteString("model", Core.Coverage.PathLoss.ItmPointToPoint.ModelName);
        w.WriteNumber("climate", (int)t.Climate);
        w.WriteNumber("surface_refractivity_n", t.SurfaceRefractivityN);
        w.WriteNumber("permittivity", t.Permittivity);
        w.WriteNumber("conductivity_s_per_m", t.ConductivitySPerM);
        w.WriteString("polarization", t.Polarization == Core.Coverage.PathLoss.Polarization.Vertical ? "v" : "h");
        w.WriteNumber("paths", terrain.Paths);
        w.WriteNumber("paths_without_data", terrain.PathsWithoutData);
        w.WriteEndObject();
    }

    /// <summary>The place's key in rules.json and outputs: <c>outdoor</c>, <c>in_car</c>, <c>indoor</c>.</summary>
    public static string PlaceKey(Core.Rules.ReceiverPlace place) => place switch
    {
        Core.Rules.ReceiverPlace.InCar => "in_car",
        Core.Rules.ReceiverPlace.Indoor => "indoor",
        _ => "outdoor",
    };
}
