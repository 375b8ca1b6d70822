using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Simplify;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Coverage;

/// <summary>
/// Predicted radio coverage (DOMAIN.md, "Radio coverage"): one <see cref="BtsFootprint"/> per BTS, every settlement
/// judged exactly at its position (best level per operator × technology and the best server, found through an
/// STR-tree of the footprints, in parallel), the share of settlements, population and area covered per admin unit,
/// operator and technology (plus any operator, <c>*</c>), uncovered settlements, and — on the raster of
/// <see cref="CoverageRasterBuilder"/> — gap clusters and coverage polygons. A settlement is covered by a technology
/// when some BTS's level there meets the technology's threshold of <see cref="Rules.CoverageRules"/>. Pure: no I/O.
/// </summary>
public static class CoverageAnalysis
{
    public static CoverageResult Run(Dataset dataset, CoverageOptions options)
    {
        var rules = dataset.Rules.Coverage;
        var (footprints, tree, terrain, layers, techs, layerOf) = Prepare(dataset, options);
        var locator = DatasetIndexes.Locator(dataset);
        var settlements = dataset.Settlements
            .AsParallel()
            .AsOrdered()
            .Select(s =>
            {
                var (levels, servers) = Judge(tree, footprints, layers.Count, layerOf, s.Location.X, s.Location.Y);
                return new SettlementCoverage(s, locator.Locate(s.Location, s.CommuneCode)?.Code, levels, servers);
            })
            .ToArray();
        var thresholds = Thresholds(layers, rules);
        var centres = DatasetIndexes.CommuneCentres(dataset)
            .AsParallel()
            .AsOrdered()
            .Select(c => new JudgedPlace(c.Commune.Code, 0, Meets(Judge(tree, footprints, layers.Count, layerOf, c.At.X, c.At.Y).Levels, thresholds)))
            .ToArray();
        var btsUnits = BtsUnits(dataset, footprints);
        var uncovered = Uncovered(dataset, footprints, techs, layers, settlements);

        var status = RasterStatus.Off;
        CoverageRaster? raster = null;
        IReadOnlyList<GapCluster> gaps = [];
        var polygons = new List<CoveragePolygon>();
        var polygonsSkipped = false;
        if (options.Raster)
        {
            raster = CoverageRasterBuilder.Build(dataset, footprints, layers, layerOf, techs, options.CellM);
            status = raster is null ? RasterStatus.NoPolygons : RasterStatus.Built;
        }

        var factory = GeometryFactories.For(dataset.Crs);
        if (raster is not null)
        {
            gaps = [.. techs.SelectMany(t => GapFinder.Find(raster, t, dataset.Settlements, dataset.AdminUnits, options.GapMinAreaKm2, factory))];
            polygonsSkipped = raster.CellCount > options.MaxGridCells;
            if (options.Polygons && !polygonsSkipped)
            {
                polygons = Polygons(raster, layers, techs, factory);
            }
        }

        var judged = settlements.Select(s => new JudgedPlace(s.UnitCode, s.Settlement.Population ?? 0, Meets(s.BestLevelDbm, thresholds))).ToArray();
        var (rows, unassigned) = Rows(dataset, options.Level, layers, techs, rules, judged, centres, btsUnits, layerOf, raster);
        var errors = PredictionErrors(dataset.Measurements, footprints, layers);
        return new CoverageResult(
            dataset.Name,
            dataset.Crs.Name,
            options.Level,
            options,
            rules,
            layers,
            techs,
            footprints,
            settlements,
            rows,
            uncovered,
            status,
            raster,
            gaps,
            polygons,
            polygonsSkipped,
            unassigned)
        {
            PredictionErrors = errors,
            Terrain = terrain,
        };
    }

    /// <summary>
    /// The unit table of <see cref="Run"/> (its rows and its count of settlements no unit holds) without the raster and
    /// without the levels: each settlement and commune centre is judged only until every operator × technology is found
    /// covering it — a layer is covered where some BTS's level meets the threshold, which is what the best level
    /// meeting it means — and nothing else is made (no best servers, uncovered list or prediction errors). The answer
    /// is the table <see cref="Run"/> gives with the same options, row for row.
    /// </summary>
    /// <exception cref="ArgumentException">The options ask for the raster, whose area columns this table lacks.</exception>
    public static (IReadOnlyList<CoverageRow> Rows, int Unassigned) UnitTable(Dataset dataset, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Raster)
        {
            throw new ArgumentException("the unit table alone has no area columns: switch the raster off", nameof(options));
        }

        var (footprints, tree, _, layers, techs, layerOf) = Prepare(dataset, options);
        var locator = DatasetIndexes.Locator(dataset);
        var thresholds = Thresholds(layers, dataset.Rules.Coverage);
        var settlements = dataset.Settlements
            .AsParallel()
            .AsOrdered()
            .Select(s => new JudgedPlace(locator.Locate(s.Location, s.CommuneCode)?.Code, s.Population ?? 0, CoveredLayers(tree, footprints, layerOf, thresholds, s.Location.X, s.Location.Y)))
            .ToArray();
        var centres = DatasetIndexes.CommuneCentres(dataset)
            .AsParallel()
            .AsOrdered()
            .Select(c => new JudgedPlace(c.Commune.Code, 0, CoveredLayers(tree, footprints, layerOf, thresholds, c.At.X, c.At.Y)))
            .ToArray();
        return Rows(dataset, options.Level, layers, techs, dataset.Rules.Coverage, settlements, centres, BtsUnits(dataset, footprints), layerOf, null);
    }

    /// <summary>
    /// What every coverage answer starts from: the footprints of the BTS the options select (the dataset's kept ones,
    /// <see cref="KeptFootprints"/>, where they apply), their range grid, the terrain they were judged over, and the
    /// layers (operator × technology, by technology then operator), the technologies and each footprint's layer.
    /// </summary>
    private static (BtsFootprint[] Footprints, PointQueryGrid<int> Tree, CoverageTerrain? Terrain, List<CoverageLayer> Layers, IReadOnlyList<Technology> Techs, int[] LayerOf) Prepare(Dataset dataset, CoverageOptions options)
    {
        var selected = new List<int>();
        for (var b = 0; b < dataset.Bts.Count; b++)
        {
            var bts = dataset.Bts[b];
            if ((options.Tech is null || bts.Tech == options.Tech) && (options.Operator is null || bts.Operator == options.Operator))
            {
                selected.Add(b);
            }
        }

        BtsFootprint[] footprints;
        PointQueryGrid<int> tree;
        CoverageTerrain? terrain = null;
        var kept = KeptFootprints.For(dataset, options.Model, options.Terrain);
        if (kept is not null)
        {
            var all = selected.Count == dataset.Bts.Count;
            footprints = all ? kept.Array : [.. selected.Select(b => kept.Array[b])];
            tree = all ? kept.Ranges : RangeTree(footprints);
        }
        else
        {
            var engine = new CoverageEngine(dataset, DatasetIndexes.Locator(dataset), options.Model, options.Terrain);
            footprints = engine.Footprints(selected);
            tree = RangeTree(footprints);
            terrain = engine.Terrain;
        }

        var (layers, layerOf) = kept is not null && ReferenceEquals(footprints, kept.Array) ? kept.Layers : LayersOf(footprints);
        var techs = options.Tech is { } only ? [only] : layers.Select(l => l.Tech).Distinct().Order().ToList();
        return (footprints, tree, terrain, [.. layers], techs, layerOf);
    }

    /// <summary>The layers (operator × technology) of the footprints, by technology then operator, and each footprint's layer.</summary>
    internal static (IReadOnlyList<CoverageLayer> Layers, int[] LayerOf) LayersOf(BtsFootprint[] footprints)
    {
        var layers = footprints.Select(f => new CoverageLayer(f.Operator, f.Tech)).Distinct()
            .OrderBy(l => l.Tech).ThenBy(l => l.Operator, StringComparer.Ordinal).ToList();
        var layerIndex = layers.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        return (layers, [.. footprints.Select(f => layerIndex[new CoverageLayer(f.Operator, f.Tech)])]);
    }

    /// <summary>Each footprint's deepest admin unit (<see cref="DatasetIndexes.BtsUnits"/>: its index in the dataset's list, −1 outside every unit).</summary>
    private static int[] BtsUnits(Dataset dataset, BtsFootprint[] footprints)
    {
        var units = DatasetIndexes.BtsUnits(dataset);
        var of = new int[footprints.Length];
        for (var f = 0; f < of.Length; f++)
        {
            of[f] = units[footprints[f].Index];
        }

        return of;
    }

    /// <summary>The threshold of each layer's technology (rules.json <c>coverage</c>), dBm.</summary>
    private static double[] Thresholds(List<CoverageLayer> layers, Rules.CoverageRules rules) => [.. layers.Select(l => rules.For(l.Tech).ThresholdDbm)];

    /// <summary>Per layer, whether the best level meets the layer's threshold.</summary>
    private static bool[] Meets(double[] levels, double[] thresholds)
    {
        var meets = new bool[levels.Length];
        for (var l = 0; l < levels.Length; l++)
        {
            meets[l] = levels[l] >= thresholds[l];
        }

        return meets;
    }

    /// <summary>
    /// Per layer, whether some footprint whose boresight range reaches (x, y) gives a level there that meets the layer's
    /// threshold: the candidates of <see cref="Judge"/>, each layer left alone once one is found, the search stopped once
    /// every layer is.
    /// </summary>
    private static bool[] CoveredLayers(PointQueryGrid<int> tree, BtsFootprint[] footprints, int[] layerOf, double[] thresholds, double x, double y)
    {
        var covered = new bool[thresholds.Length];
        var left = thresholds.Length;
        foreach (var f in tree.At(new Coordinate(x, y)))
        {
            var l = layerOf[f];
            if (covered[l])
            {
                continue;
            }

            var fp = footprints[f];
            var dx = x - fp.X;
            var dy = y - fp.Y;
            var r = fp.MaxRangeKm * 1000;
            if ((dx * dx) + (dy * dy) <= r * r && fp.LevelDbm(x, y) >= thresholds[l])
            {
                covered[l] = true;
                if (--left == 0)
                {
                    break;
                }
            }
        }

        return covered;
    }

    /// <summary>
    /// Measured − predicted per operator, technology and model, the prediction being the best level of the same
    /// operator and technology at the measurement (any BTS within its model's range, threshold or not).
    /// </summary>
    private static List<PredictionError> PredictionErrors(IReadOnlyList<Measurement> measurements, BtsFootprint[] footprints, List<CoverageLayer> layers)
    {
        if (measurements.Count == 0)
        {
            return [];
        }

        var tree = new STRtree<int>();
        for (var f = 0; f < footprints.Length; f++)
        {
            var r = footprints[f].ReachKm * 1000;
            tree.Insert(new Envelope(footprints[f].X - r, footprints[f].X + r, footprints[f].Y - r, footprints[f].Y + r), f);
        }

        tree.Build();
        var selected = layers.ToHashSet();
        var judged = measurements
            .Where(m => selected.Contains(new CoverageLayer(m.Operator, m.Tech)))
            .AsParallel()
            .AsOrdered()
            .Select(m =>
            {
                var best = double.NegativeInfinity;
                BtsFootprint? server = null;
                foreach (var f in tree.Query(new Envelope(m.Location.Coordinate)))
                {
                    var fp = footprints[f];
                    if (fp.Operator == m.Operator && fp.Tech == m.Tech && fp.LevelDbm(m.Location.X, m.Location.Y) is var level && level > best)
                    {
                        best = level;
                        server = fp;
                    }
                }

                return (m.Operator, m.Tech, Model: server?.Model.Name ?? PredictionError.NoModel, Error: server is null ? double.NaN : m.LevelDbm - best);
            })
            .ToList();
        return [.. judged
            .GroupBy(j => (j.Operator, j.Tech, j.Model))
            .OrderBy(g => g.Key.Operator, StringComparer.Ordinal).ThenBy(g => g.Key.Tech).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => g.Key.Model == PredictionError.NoModel
                ? new PredictionError(g.Key.Operator, g.Key.Tech, g.Key.Model, g.Count(), null, null)
                : new PredictionError(g.Key.Operator, g.Key.Tech, g.Key.Model, g.Count(), g.Average(j => j.Error), Math.Sqrt(g.Average(j => j.Error * j.Error))))];
    }

    /// <summary>
    /// Per settlement (dataset order), whether any operator covers it with each technology (index (int)tech): the
    /// covered flags of <see cref="Run"/> without levels, servers, rows or raster, stopping at the first BTS that covers.
    /// On flat ground an omni BTS covers everything within its range; over a DEM the path's terrain is judged too.
    /// </summary>
    public static bool[][] CoveredSettlements(Dataset dataset)
    {
        BtsFootprint[] footprints;
        PointQueryGrid<int> tree;
        if (KeptFootprints.For(dataset) is { } kept)
        {
            (footprints, tree) = (kept.Array, kept.Ranges);
        }
        else
        {
            footprints = new CoverageEngine(dataset).Footprints();
            tree = RangeTree(footprints);
        }

        // A settlement is done once every technology that has a BTS with some range is found covering it: a technology
        // no BTS carries can never be found, and waiting for it would judge every candidate of every settlement.
        var present = new bool[4];
        foreach (var f in footprints)
        {
            present[(int)f.Tech] |= f.MaxRangeKm > 0;
        }

        var techs = present.Count(p => p);
        return [.. dataset.Settlements
            .AsParallel()
            .AsOrdered()
            .Select(s =>
            {
                var covered = new bool[4];
                var left = techs;
                var x = s.Location.X;
                var y = s.Location.Y;
                foreach (var f in tree.At(s.Location.Coordinate))
                {
                    var fp = footprints[f];
                    var t = (int)fp.Tech;
                    if (covered[t])
                    {
                        continue;
                    }

                    var dx = x - fp.X;
                    var dy = y - fp.Y;
                    var r = fp.MaxRangeKm * 1000;
                    if ((dx * dx) + (dy * dy) <= r * r && ((fp.IsOmni && fp.Terrain is null) || fp.Covers(x, y)))
                    {
                        covered[t] = true;
                        if (--left == 0)
                        {
                            break;
                        }
                    }
                }

                return covered;
            })];
    }

    /// <summary>Whether the settlement's best level of the technology (any layer in <paramref name="layers"/>) meets the threshold.</summary>
    public static bool IsCovered(SettlementCoverage s, IReadOnlyList<CoverageLayer> layers, Technology tech, double thresholdDbm, string? op = null)
    {
        for (var l = 0; l < layers.Count; l++)
        {
            if (layers[l].Tech == tech && (op is null || layers[l].Operator == op) && s.BestLevelDbm[l] >= thresholdDbm)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The footprints by the square around their boresight range (BTS with no range left out), answered from a grid in
    /// the tree's own order (<see cref="PointQueryGrid{T}"/>): the same candidates as the tree's point query, without a
    /// walk down a tree of 350,000 overlapping squares per settlement.
    /// </summary>
    internal static PointQueryGrid<int> RangeTree(BtsFootprint[] footprints) => SquareGrid(footprints, f => f.MaxRangeKm, withZero: false);

    /// <summary>
    /// The footprints with a positive <paramref name="radiusKm"/> (or zero, <paramref name="withZero"/>) by the square of
    /// that half-side around them, in index order: no reader depends on the candidates' order (<see cref="Judge"/> breaks
    /// ties by the lowest footprint, the covered flags and the best level of the uncovered take any), so no tree is built.
    /// </summary>
    private static PointQueryGrid<int> SquareGrid(BtsFootprint[] footprints, Func<BtsFootprint, double> radiusKm, bool withZero)
    {
        var squares = new Envelope[footprints.Length];
        var kept = new List<int>(footprints.Length);
        for (var f = 0; f < footprints.Length; f++)
        {
            var r = radiusKm(footprints[f]) * 1000;
            if (r > 0 || (withZero && r == 0))
            {
                squares[f] = new Envelope(footprints[f].X - r, footprints[f].X + r, footprints[f].Y - r, footprints[f].Y + r);
                kept.Add(f);
            }
        }

        return new PointQueryGrid<int>(kept, f => squares[f]);
    }

    /// <summary>Best level and server per layer at (x, y) among the footprints whose boresight range reaches it.</summary>
    private static (double[] Levels, int[] Servers) Judge(PointQueryGrid<int> tree, BtsFootprint[] footprints, int layerCount, int[] layerOf, double x, double y)
    {
        var levels = new double[layerCount];
        var servers = new int[layerCount];
        Array.Fill(levels, double.NegativeInfinity);
        Array.Fill(servers, -1);

        // Candidates come in the grid's order; of equal levels the lowest footprint wins, as if they came in index order.
        var serverFootprint = new int[layerCount];
        Array.Fill(serverFootprint, -1);
        foreach (var f in tree.At(new Coordinate(x, y)))
        {
            var fp = footprints[f];
            var dx = x - fp.X;
            var dy = y - fp.Y;
            var r = fp.MaxRangeKm * 1000;
            if ((dx * dx) + (dy * dy) > r * r)
            {
                continue;
            }

            var level = fp.LevelDbm(x, y);
            var l = layerOf[f];
            if (level > levels[l] || (level == levels[l] && serverFootprint[l] >= 0 && f < serverFootprint[l]))
            {
                levels[l] = level;
                servers[l] = fp.Index;
                serverFootprint[l] = f;
            }
        }

        return (levels, servers);
    }

    /// <summary>A settlement or a commune's centre: the unit that holds it (null: none), its population and, per layer, whether it is covered.</summary>
    private sealed record JudgedPlace(string? UnitCode, long Population, bool[] Covered);

    private static List<UncoveredSettlement> Uncovered(Dataset dataset, BtsFootprint[] footprints, IReadOnlyList<Technology> techs, List<CoverageLayer> layers, SettlementCoverage[] settlements)
    {
        var rules = dataset.Rules.Coverage;
        var result = new List<UncoveredSettlement>();
        foreach (var tech in techs)
        {
            var threshold = rules.For(tech).ThresholdDbm;
            var ofTech = footprints.Where(f => f.Tech == tech).ToArray();
            var nearest = new STRtree<int>();
            for (var f = 0; f < ofTech.Length; f++)
            {
                nearest.Insert(new Envelope(ofTech[f].X, ofTech[f].X, ofTech[f].Y, ofTech[f].Y), f);
            }

            nearest.Build();
            var reach = SquareGrid(ofTech, f => f.ReachKm, withZero: true);
            var distance = new PointDistance();
            result.AddRange(settlements
                .Where(s => !IsCovered(s, layers, tech, threshold))
                .AsParallel()
                .AsOrdered()
                .Select(s =>
                {
                    var x = s.Settlement.Location.X;
                    var y = s.Settlement.Location.Y;
                    var point = new Envelope(x, x, y, y);
                    string? nearestId = null;
                    double? nearestM = null;
                    double? best = null;
                    if (ofTech.Length > 0)
                    {
                        var n = ofTech[nearest.NearestNeighbour(point, -1, distance)];
                        nearestId = n.Id;
                        nearestM = Math.Sqrt(((x - n.X) * (x - n.X)) + ((y - n.Y) * (y - n.Y)));
                        foreach (var f in reach.At(s.Settlement.Location.Coordinate))
                        {
                            // A BTS whose bound cannot beat the best found is skipped (a margin far above rounding keeps
                            // the answer the same as judging every one).
                            var fp = ofTech[f];
                            if (best is { } b && fp.LevelBoundDbm(Math.Sqrt(((x - fp.X) * (x - fp.X)) + ((y - fp.Y) * (y - fp.Y))) / 1000) <= b - 1e-6)
                            {
                                continue;
                            }

                            var level = fp.LevelDbm(x, y);
                            if (double.IsFinite(level) && (best is null || level > best))
                            {
                                best = level;
                            }
                        }
                    }

                    return new UncoveredSettlement(s.Settlement, s.UnitCode, tech, nearestId, nearestM, best, threshold);
                }));
        }

        return result;
    }

    private static List<CoveragePolygon> Polygons(CoverageRaster raster, List<CoverageLayer> layers, IReadOnlyList<Technology> techs, GeometryFactory factory)
    {
        var jobs = layers.Select((l, i) => (Layer: l, Index: i))
            .Concat(techs.Select(t => (Layer: new CoverageLayer(CoverageLayer.AnyOperator, t), Index: -1)))
            .ToList();
        var cellKm2 = raster.CellM * raster.CellM / 1e6;
        return jobs
            .AsParallel()
            .AsOrdered()
            .Select(job =>
            {
                bool In(int i, int j) =>
                    raster.UnitAt(i, j) >= 0 && (job.Index >= 0 ? raster.Covered(job.Index, i, j) : raster.CoveredByAny(job.Layer.Tech, i, j));
                var cells = new List<(int I, int J)>();
                for (var j = 0; j < raster.Height; j++)
                {
                    for (var i = 0; i < raster.Width; i++)
                    {
                        if (In(i, j))
                        {
                            cells.Add((i, j));
                        }
                    }
                }

                if (cells.Count == 0)
                {
                    return new CoveragePolygon(job.Layer, factory.CreatePolygon(), 0);
                }

                var traced = CellPolygonTracer.Trace(cells, In, raster.OriginX, raster.OriginY, raster.CellM, factory);
                return new CoveragePolygon(job.Layer, Valid(TopologyPreservingSimplifier.Simplify(traced, raster.CellM / 2)), cells.Count * cellKm2);
            })
            .ToList();
    }

    /// <summary>
    /// The geometry, repaired when invalid: simplifying cell outlines can make a ring touch or cross itself where
    /// lobes meet at a corner (OGC validity, as PostGIS ST_IsValid checks it); the fixer keeps the covered area.
    /// </summary>
    internal static Geometry Valid(Geometry g) => g.IsValid ? g : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(g);

    /// <summary>
    /// A column of the unit table: the layers (operator × technology) whose coverage counts, the operator
    /// (<see cref="CoverageLayer.AnyOperator"/> for all) and the technology (null for any).
    /// </summary>
    private sealed record Column(string Operator, Technology? Tech, int[] Layers);

    /// <summary>
    /// The columns in table order: per technology any operator, then each operator; then any technology (any operator,
    /// then each operator).
    /// </summary>
    private static List<Column> Columns(List<CoverageLayer> layers, IReadOnlyList<Technology> techs)
    {
        var columns = new List<Column>();
        foreach (var tech in techs)
        {
            columns.Add(new Column(CoverageLayer.AnyOperator, tech, [.. layers.Select((l, i) => (l, i)).Where(x => x.l.Tech == tech).Select(x => x.i)]));
            columns.AddRange(layers.Select((l, i) => (l, i)).Where(x => x.l.Tech == tech).Select(x => new Column(x.l.Operator, tech, [x.i])));
        }

        if (techs.Count > 1)
        {
            columns.Add(new Column(CoverageLayer.AnyOperator, null, [.. Enumerable.Range(0, layers.Count)]));
            foreach (var op in layers.Select(l => l.Operator).Distinct().Order(StringComparer.Ordinal))
            {
                columns.Add(new Column(op, null, [.. layers.Select((l, i) => (l, i)).Where(x => x.l.Operator == op).Select(x => x.i)]));
            }
        }

        return columns;
    }

    private static (List<CoverageRow> Rows, int Unassigned) Rows(
        Dataset dataset,
        AdminLevel level,
        List<CoverageLayer> layers,
        IReadOnlyList<Technology> techs,
        Rules.CoverageRules rules,
        JudgedPlace[] settlements,
        JudgedPlace[] centres,
        int[] btsUnits,
        int[] layerOf,
        CoverageRaster? raster)
    {
        var wholeDataset = dataset.AdminUnits.Count == 0;
        var units = wholeDataset
            ? [new AdminUnit(string.Empty, dataset.Name, level, null, null, null, null, null)]
            : dataset.AdminUnits.Where(u => u.Level == level).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var rowOf = units.Select((u, i) => (u.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var targetOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int Target(string? unitCode)
        {
            if (wholeDataset)
            {
                return 0;
            }

            if (unitCode is null)
            {
                return -1;
            }

            if (!targetOf.TryGetValue(unitCode, out var t))
            {
                var target = dataset.Hierarchy.SelfAndAncestors(unitCode).FirstOrDefault(a => a.Level == level);
                targetOf[unitCode] = t = target is null ? -1 : rowOf[target.Code];
            }

            return t;
        }

        var columns = Columns(layers, techs);
        static bool Covers(Column column, bool[] covered)
        {
            foreach (var l in column.Layers)
            {
                if (covered[l])
                {
                    return true;
                }
            }

            return false;
        }

        var total = new int[units.Count];
        var totalPop = new long[units.Count];
        var covered = new int[units.Count, columns.Count];
        var coveredPop = new long[units.Count, columns.Count];
        var unassigned = 0;
        foreach (var s in settlements)
        {
            var u = Target(s.UnitCode);
            if (u < 0)
            {
                unassigned++;
                continue;
            }

            var population = s.Population;
            total[u]++;
            totalPop[u] += population;
            for (var c = 0; c < columns.Count; c++)
            {
                if (Covers(columns[c], s.Covered))
                {
                    covered[u, c]++;
                    coveredPop[u, c] += population;
                }
            }
        }

        var communes = new int[units.Count];
        var communesCovered = new int[units.Count, columns.Count];
        foreach (var centre in centres)
        {
            var u = Target(centre.UnitCode);
            if (u < 0)
            {
                continue;
            }

            communes[u]++;
            for (var c = 0; c < columns.Count; c++)
            {
                communesCovered[u, c] += Covers(columns[c], centre.Covered) ? 1 : 0;
            }
        }

        // BTS of each layer standing in each unit: a unit without any and with nothing covered has no data.
        var btsInUnit = new bool[units.Count, layers.Count];
        for (var f = 0; f < btsUnits.Length; f++)
        {
            if (wholeDataset)
            {
                btsInUnit[0, layerOf[f]] = true;
                continue;
            }

            if (btsUnits[f] < 0)
            {
                continue;
            }

            var u = Target(dataset.AdminUnits[btsUnits[f]].Code);
            if (u >= 0)
            {
                btsInUnit[u, layerOf[f]] = true;
            }
        }

        long[]? cellTotal = null;
        long[,]? cellCovered = null;
        if (raster is not null)
        {
            var (cells, byColumn) = CoverageRasterBuilder.CountColumns(raster, dataset.AdminUnits.Count, [.. columns.Select(c => c.Layers)]);
            cellTotal = new long[units.Count];
            cellCovered = new long[units.Count, columns.Count];
            for (var k = 0; k < dataset.AdminUnits.Count; k++)
            {
                var u = Target(dataset.AdminUnits[k].Code);
                if (u < 0 || cells[k] == 0)
                {
                    continue;
                }

                cellTotal[u] += cells[k];
                for (var c = 0; c < columns.Count; c++)
                {
                    cellCovered[u, c] += byColumn[c][k];
                }
            }
        }

        var rows = new List<CoverageRow>();
        var cellKm2 = raster is null ? 0 : raster.CellM * raster.CellM / 1e6;
        for (var u = 0; u < units.Count; u++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var anyCovered = covered[u, c] > 0 || communesCovered[u, c] > 0 || (cellCovered is not null && cellCovered[u, c] > 0);
                var data = anyCovered || column.Layers.Any(l => btsInUnit[u, l]);
                double? Pct(long part, long whole) => whole == 0 || !data ? null : 100.0 * part / whole;
                double? area = cellTotal is null || cellTotal[u] == 0 ? null : cellTotal[u] * cellKm2;
                rows.Add(new CoverageRow(
                    units[u].Code,
                    units[u].Name,
                    level,
                    column.Operator,
                    column.Tech,
                    total[u],
                    covered[u, c],
                    Pct(covered[u, c], total[u]),
                    totalPop[u],
                    coveredPop[u, c],
                    Pct(coveredPop[u, c], totalPop[u]),
                    area,
                    cellTotal is null ? null : Pct(cellCovered![u, c], cellTotal[u]),
                    column.Tech is { } t ? rules.For(t).ThresholdDbm : null,
                    communes[u],
                    communesCovered[u, c],
                    Pct(communesCovered[u, c], communes[u])));
            }
        }

        return (rows, unassigned);
    }

    private sealed class PointDistance : IItemDistance<Envelope, int>
    {
        public double Distance(IBoundable<Envelope, int> item1, IBoundable<Envelope, int> item2) => item1.Bounds.Distance(item2.Bounds);
    }
}
