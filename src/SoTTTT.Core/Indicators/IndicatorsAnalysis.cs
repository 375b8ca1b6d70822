using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Diagnostics;
using SoTTTT.Core.Model;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Indicators;

/// <summary>
/// Computes the indicator table of one admin level: postal service radius and access, BTS and tower
/// positions, fibre length and reach. Points are placed in units by their code column when given, else
/// by containment (<see cref="UnitLocator"/>); every unit's figures include its descendants'. Fibre
/// length is split between units segment by segment (each segment goes to the unit holding its midpoint).
/// Pure: no I/O.
/// </summary>
public static class IndicatorsAnalysis
{
    /// <summary>
    /// The covered flags of each dataset (by reference; a dataset is immutable), kept while the dataset lives: the
    /// report, the export and <c>--compare</c> run several levels of one dataset, and each level used to predict the
    /// coverage again (1.5-2.5 s each on the national profile).
    /// </summary>
    private static readonly ConditionalWeakTable<Dataset, Lazy<bool[][]?>> Covered = [];

    /// <param name="targetRadiusKm">When given, each row's <see cref="IndicatorRow.PostalPointsNeeded"/> for this average service radius, km.</param>
    public static IndicatorTable Run(Dataset dataset, AdminLevel level, double? targetRadiusKm = null) => Run(dataset, level, IndicatorParts.All, targetRadiusKm);

    /// <summary>
    /// The table with only the costly <paramref name="parts"/> computed (<c>indicators --columns</c>); the figures of a
    /// part left out are not computed and stay empty or zero, so they must not be shown (<see cref="IndicatorTable.Parts"/>).
    /// </summary>
    /// <param name="fibreSplit">How a route's length is shared among the units it crosses (default: by segment midpoint).</param>
    public static IndicatorTable Run(Dataset dataset, AdminLevel level, IndicatorParts parts, double? targetRadiusKm = null, FibreSplit fibreSplit = FibreSplit.Midpoint)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (parts.HasFlag(IndicatorParts.Coverage))
        {
            parts |= IndicatorParts.Bts | IndicatorParts.Settlements;
        }

        if (parts.HasFlag(IndicatorParts.PostalAccess))
        {
            parts |= IndicatorParts.Settlements;
        }

        // Predicted coverage runs beside the other indicators: its index builds and theirs are single-threaded, so on
        // two cores the two overlap instead of queueing.
        var coverageTask = parts.HasFlag(IndicatorParts.Coverage) ? Task.Run(() => CoveredByTech(dataset)) : Task.FromResult<bool[][]?>(null);

        // So does the grouping of BTS into tower positions (single-threaded), beside the parallel placing of points.
        var positionsTask = parts.HasFlag(IndicatorParts.Positions)
            ? Task.Run(() => BtsPositionGrouping.Positions(dataset))
            : Task.FromResult<IReadOnlyList<TowerPosition>>([]);
        var locator = DatasetIndexes.Locator(dataset);
        var scale = DatasetIndexes.ZoneScale(dataset);
        var reachM = dataset.Rules.FibreReachM;
        var acc = dataset.AdminUnits.ToDictionary(u => u.Code, _ => new Accumulator(), StringComparer.Ordinal);
        var fibreIndex = parts.HasFlag(IndicatorParts.FibreReach) ? DatasetIndexes.FibreSegments(dataset) : null;
        var postalIndex = parts.HasFlag(IndicatorParts.PostalAccess) ? DatasetIndexes.PostalPoints(dataset) : null;
        var book = new AssignmentBook(dataset, level);
        PhaseMarks.Mark("index");

        Accumulator? For(UnitAssignment a, string layer, string id, Coordinate at)
        {
            book.Note(a, layer, id, at);
            return a.Unit is { } unit ? acc[unit.Code] : null;
        }

        var settlementFacts = (parts.HasFlag(IndicatorParts.Settlements) ? dataset.Settlements : []).AsParallel().AsOrdered().Select(s => (
            Assignment: locator.Assign(s.Location.Coordinate, s.CommuneCode),
            NearestPostalM: postalIndex?.NearestDistance(s.Location.Coordinate),
            Fibre: fibreIndex?.IsWithin(s.Location.Coordinate, reachM))).ToArray();
        for (var i = 0; i < settlementFacts.Length; i++)
        {
            var (assignment, nearest, fibre) = settlementFacts[i];
            var s = dataset.Settlements[i];
            For(assignment, Dataset.LayerNames.Settlements, s.Id, s.Location.Coordinate)?.AddSettlement(s.Population, nearest, fibre);
        }

        // An operator's spellings are merged once per distinct text (folding the diacritics took 25 µs a point).
        var postalOperators = new Dictionary<string, string>(StringComparer.Ordinal);
        var postalUnits = parts.HasFlag(IndicatorParts.Postal) ? dataset.PostalPoints.AsParallel().AsOrdered().Select(p => locator.Assign(p.Location.Coordinate, p.AdminCode)).ToArray() : [];
        for (var i = 0; i < postalUnits.Length; i++)
        {
            var p = dataset.PostalPoints[i];
            var op = "unspecified";
            if (p.Operator is { } text && !postalOperators.TryGetValue(text, out op))
            {
                postalOperators[text] = op = Codes.PostalOperator(text);
            }

            For(postalUnits[i], Dataset.LayerNames.PostalPoints, p.Id, p.Location.Coordinate)?.AddPostal(p.Kind, op);
        }

        var btsUnits = parts.HasFlag(IndicatorParts.Bts) ? dataset.Bts.AsParallel().AsOrdered().Select(b => locator.Assign(b.Location.Coordinate)).ToArray() : [];
        for (var i = 0; i < btsUnits.Length; i++)
        {
            For(btsUnits[i], Dataset.LayerNames.Bts, dataset.Bts[i].Id, dataset.Bts[i].Location.Coordinate)?.AddBts(dataset.Bts[i]);
        }

        // Tower positions: every existing tower of towers.csv, with or without BTS, and every position carrying BTS
        // (inferred from BTS near no tower, or a tower of another status that BTS name); each counts where it stands.
        var positions = positionsTask.GetAwaiter().GetResult()
            .Where(p => p.BtsIndices.Count > 0 || p.Tower is { Status: TowerStatus.Existing })
            .ToList();
        var positionUnits = positions.AsParallel().AsOrdered().Select(p => locator.Assign(p.Location.Coordinate)).ToArray();
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (p.Tower is not null)
            {
                For(positionUnits[i], Dataset.LayerNames.Towers, p.Id, p.Location.Coordinate)?.AddPosition(p.Id);
            }
            else if (positionUnits[i].Unit is { } unit)
            {
                acc[unit.Code].AddPosition(p.Id);
            }
        }

        var edges = fibreSplit == FibreSplit.Exact && parts.HasFlag(IndicatorParts.FibreRoutes) ? DatasetIndexes.UnitBoundaries(dataset) : null;
        var fibreParts = parts.HasFlag(IndicatorParts.FibreRoutes) ? dataset.FibreRoutes.AsParallel().AsOrdered().Select(r => SplitByUnit(r, locator, edges)).ToArray() : [];
        var routeKeys = parts.HasFlag(IndicatorParts.FibreRoutes) ? RouteKeys.GetValue(dataset, d => FirstIndexOfId(d.FibreRoutes)) : [];
        if (fibreParts.Length > 0)
        {
            AddFibre(dataset, fibreParts, routeKeys, acc, scale, book);
        }

        var copperParts = dataset.CopperRoutes.AsParallel().AsOrdered().Select(r => SplitByUnit(r, locator, edges)).ToArray();
        for (var i = 0; i < copperParts.Length; i++)
        {
            foreach (var (assignment, metres, _) in copperParts[i])
            {
                if (assignment.Unit is { } unit)
                {
                    acc[unit.Code].AddCopper(dataset.CopperRoutes[i], metres * scale.LengthFactor(assignment.Unit));
                }
            }
        }

        foreach (var site in dataset.PublicSites)
        {
            bool? withinFibre = fibreIndex?.IsWithin(site.Location.Coordinate, reachM);
            For(locator.Assign(site.Location.Coordinate, site.CommuneCode), Dataset.LayerNames.PublicSites, site.Id, site.Location.Coordinate)?.AddPublicSite(site.Kind, withinFibre);
        }

        foreach (var node in dataset.Nodes)
        {
            For(locator.Assign(node.Location.Coordinate), Dataset.LayerNames.Nodes, node.Id, node.Location.Coordinate)?.AddNode(node.Kind);
        }

        // A commune's own postal count is taken before any merge: a point placed in the commune itself (by admin_code or
        // containment) meets criterion 8.
        var centreOf = DatasetIndexes.CommuneCentres(dataset).ToDictionary(c => c.Commune.Code, StringComparer.Ordinal);
        foreach (var unit in dataset.AdminUnits.Where(u => u.Level == AdminLevel.Commune))
        {
            bool? reached = centreOf.TryGetValue(unit.Code, out var centre) && fibreIndex is not null ? fibreIndex.IsWithin(centre.At, reachM) : null;
            acc[unit.Code].AddCommune(reached, acc[unit.Code].Postal > 0);
        }

        var subscribers = new SubscriberTotals(dataset);
        var hasFibre = fibreIndex is not null;

        var coverage = coverageTask.GetAwaiter().GetResult();
        if (coverage is not null)
        {
            for (var i = 0; i < settlementFacts.Length; i++)
            {
                if (settlementFacts[i].Assignment.Unit is { } unit)
                {
                    acc[unit.Code].AddCoverage(coverage[i]);
                }
            }
        }

        var totals = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var rows = dataset.AdminUnits
            .Where(u => u.Level == level)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u =>
            {
                var total = Total(u, dataset.Hierarchy, acc, totals);
                var row = WithIssue12(ToRow(u, total, dataset.Hierarchy, totals, scale), total, subscribers, hasFibre, targetRadiusKm);
                return coverage is null || total.Settlements == 0
                    ? row
                    : row with
                    {
                        // No BTS of the technology in the unit and nothing covered from outside: no data (empty), not 0 %.
                        SettlementsCoveredPctByTech = Enum.GetValues<Technology>()
                            .Where(t => total.BtsByTech.GetValueOrDefault(Codes.Label(t)) > 0 || total.SettlementsCoveredByTech[(int)t] > 0)
                            .ToDictionary(t => t, t => 100.0 * total.SettlementsCoveredByTech[(int)t] / total.Settlements),
                    };
            })
            .ToList();
        return new IndicatorTable(dataset.Name, level, dataset.Crs.Name, reachM, rows, book.Counts())
        {
            UnassignedItems = book.Unassigned(),
            NearestUnitItems = book.Nearest(),
            NearestUnitM = locator.NearestUnitM,
            Parts = parts,
            FibreSplit = fibreSplit,
        };
    }

    /// <summary>
    /// Per settlement, whether any operator covers it with each technology (<see cref="CoverageAnalysis"/>); null without a
    /// BTS layer. Computed once per dataset (<see cref="Covered"/>); the callers only read it.
    /// </summary>
    private static bool[][]? CoveredByTech(Dataset dataset)
    {
        if (!dataset.Layers.Contains(Dataset.LayerNames.Bts) || dataset.Settlements.Count == 0)
        {
            return null;
        }

        return Covered.GetValue(dataset, d => new Lazy<bool[][]?>(() => Kept(d) ?? Keep(d, CoverageAnalysis.CoveredSettlements(d)))).Value;
    }

    /// <summary>The name of the covered flags in the dataset's <see cref="IDerivedStore"/>.</summary>
    internal const string CoveredName = "covered-settlements";

    /// <summary>
    /// The covered flags kept for these very inputs (<see cref="DerivedStores"/>): one byte per settlement, bit (int)tech
    /// set when covered; null when none are kept or they do not fit the dataset.
    /// </summary>
    private static bool[][]? Kept(Dataset dataset)
    {
        if (DerivedStores.Of(dataset)?.Read(CoveredName) is not { } bytes || bytes.Length != dataset.Settlements.Count)
        {
            return null;
        }

        var flags = new bool[bytes.Length][];
        for (var s = 0; s < bytes.Length; s++)
        {
            if (bytes[s] > 0xF)
            {
                return null;
            }

            flags[s] = [(bytes[s] & 1) != 0, (bytes[s] & 2) != 0, (bytes[s] & 4) != 0, (bytes[s] & 8) != 0];
        }

        return flags;
    }

    private static bool[][] Keep(Dataset dataset, bool[][] flags)
    {
        if (DerivedStores.Of(dataset) is { } store)
        {
            var bytes = new byte[flags.Length];
            for (var s = 0; s < flags.Length; s++)
            {
                for (var t = 0; t < 4; t++)
                {
                    bytes[s] |= (byte)(flags[s][t] ? 1 << t : 0);
                }
            }

            store.Write(CoveredName, bytes);
        }

        return flags;
    }

    private static Accumulator Total(AdminUnit unit, AdminHierarchy hierarchy, Dictionary<string, Accumulator> own, Dictionary<string, Accumulator> totals)
    {
        if (totals.TryGetValue(unit.Code, out var done))
        {
            return done;
        }

        // A unit without children (every commune) is its own total: no copy of its counts and sets (0.13 s of a
        // national commune table).
        var children = hierarchy.ChildrenOf(unit.Code);
        if (children.Count == 0)
        {
            return totals[unit.Code] = own[unit.Code];
        }

        var total = new Accumulator();
        total.Merge(own[unit.Code]);
        totals[unit.Code] = total;
        foreach (var child in children)
        {
            total.Merge(Total(child, hierarchy, own, totals));
        }

        return total;
    }

    private static IndicatorRow ToRow(AdminUnit unit, Accumulator t, AdminHierarchy hierarchy, Dictionary<string, Accumulator> totals, UnitZoneScale scale)
    {
        var (area, areaSource) = Area(unit, hierarchy, scale);
        var population = Population(unit, hierarchy, totals);
        return new IndicatorRow(
            unit.Code,
            unit.Name,
            unit.Level,
            unit.ParentCode,
            area,
            areaSource,
            population,
            t.Postal,
            Sorted(t.PostalByKind),
            IndicatorsCalculator.ServiceRadiusKm(area, t.Postal),
            IndicatorsCalculator.PeoplePerPoint(population, t.Postal),
            t.Settlements,
            t.AccessWeight > 0 ? t.AccessWeightedKm / t.AccessWeight : null,
            t.AccessCount > 0 ? t.AccessMaxKm : null,
            t.Bts,
            Sorted(t.BtsByOperator),
            Sorted(t.BtsByTech),
            t.Positions.Count,
            t.Positions.Count > 0 ? (double)t.Bts / t.Positions.Count : null,
            t.FibreM / 1000,
            Kilometres(t.FibreMByOperator),
            Kilometres(t.FibreMByPlacement),
            t.Communes,
            t.CommunesWithCentre > 0 ? 100.0 * t.CommunesWithFibre / t.CommunesWithCentre : null,
            t.Settlements > 0 && t.FibreKnown ? 100.0 * t.SettlementsWithFibre / t.Settlements : null);
    }

    /// <summary>The figures of issue 12 (as the departments count them): X/Y forms, public sites, subscribers, postal criterion, outside plant.</summary>
    private static IndicatorRow WithIssue12(IndicatorRow row, Accumulator t, SubscriberTotals subscribers, bool hasFibre, double? targetRadiusKm)
    {
        var counts = subscribers.Total(row.Code);
        var byOperator = subscribers.ByOperator(row.Code);
        return row with
        {
            CommunesWithCentre = t.CommunesWithCentre,
            CommunesFibreToCentre = t.CommunesWithFibre,
            PublicSitesByKind = Sorted(t.PublicSitesByKind),
            PublicSitesFibreByKind = hasFibre ? t.PublicSitesByKind.Keys.Order(StringComparer.Ordinal).ToDictionary(k => k, k => t.PublicSitesFibreByKind.GetValueOrDefault(k)) : null,
            SubscribersByService = counts.OrderBy(kv => kv.Key).ToDictionary(kv => Codes.Key(kv.Key), kv => kv.Value),
            SubscribersPer100ByService = counts.OrderBy(kv => kv.Key)
                .Where(kv => SubscriberTotals.Per100(kv.Value, row.Population) is not null)
                .ToDictionary(kv => Codes.Key(kv.Key), kv => SubscriberTotals.Per100(kv.Value, row.Population)!.Value),
            SubscribersByServiceOperator = byOperator.OrderBy(kv => kv.Key).ToDictionary(
                kv => Codes.Key(kv.Key),
                kv => (IReadOnlyDictionary<string, long>)kv.Value.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(o => o.Key, o => o.Value)),
            CommunesWithPostal = t.CommunesWithPostal,
            CommunesWithPostalPct = t.Communes > 0 ? 100.0 * t.CommunesWithPostal / t.Communes : null,
            PostalPointsByOperator = Sorted(t.PostalByOperator),
            PostalPointsNeeded = targetRadiusKm is { } r && row.AreaKm2 is { } s ? IndicatorsCalculator.PointsNeeded(s, r, t.Postal) : null,
            FibreRoutes = t.FibreRouteKeys.Count,
            FibreUndergroundPct = t.FibreM > 0 ? 100.0 * t.FibreMByPlacement.GetValueOrDefault(Codes.Key(CablePlacement.Underground)) / t.FibreM : null,
            CopperRoutes = t.CopperRouteIds.Count,
            CopperKm = t.CopperM / 1000,
            Nodes = t.Nodes,
            NodesByKind = Sorted(t.NodesByKind),
        };
    }

    /// <summary>Official area, else the polygon's area in the unit's own province zone (<see cref="UnitZoneScale"/>), else the children's sum.</summary>
    private static (double? Area, string? Source) Area(AdminUnit unit, AdminHierarchy hierarchy, UnitZoneScale scale)
    {
        if (unit.AreaKm2 is { } official)
        {
            return (official, "official");
        }

        if (unit.Boundary is { IsEmpty: false } b)
        {
            return (b.Area / 1e6 * scale.AreaFactor(unit), "polygon");
        }

        var children = hierarchy.ChildrenOf(unit.Code);
        if (children.Count == 0)
        {
            return (null, null);
        }

        double sum = 0;
        foreach (var child in children)
        {
            if (Area(child, hierarchy, scale).Area is not { } a)
            {
                return (null, null);
            }

            sum += a;
        }

        return (sum, "children");
    }

    private static long? Population(AdminUnit unit, AdminHierarchy hierarchy, Dictionary<string, Accumulator> totals)
    {
        if (unit.Population is { } official)
        {
            return official;
        }

        var children = hierarchy.ChildrenOf(unit.Code);
        if (children.Count > 0 && children.All(c => c.Population is not null || Population(c, hierarchy, totals) is not null))
        {
            return children.Sum(c => Population(c, hierarchy, totals) ?? 0);
        }

        return totals.TryGetValue(unit.Code, out var t) && t.SettlementsWithPopulation > 0 ? t.SettlementPopulation : null;
    }

    /// <summary>
    /// Adds every fibre part to its unit in route order, into flat sums by unit, operator and placement (each unit's
    /// sums taken in the same order as part by part, so the same to the bit), then once per unit into its accumulator;
    /// the book notes the parts that count in no unit of the level or went to the nearest unit, in the same order.
    /// </summary>
    private static void AddFibre(
        Dataset dataset,
        List<(UnitAssignment Unit, double Metres, Coordinate Midpoint)>[] fibreParts,
        int[] routeKeys,
        Dictionary<string, Accumulator> acc,
        UnitZoneScale scale,
        AssignmentBook book)
    {
        // Each unit once by reference (its accumulator, length factor), not by its code per part (100,000 national).
        var slots = new Dictionary<AdminUnit, int>(dataset.AdminUnits.Count, ReferenceEqualityComparer.Instance);
        var into = new List<Accumulator>(dataset.AdminUnits.Count);
        var factors = new List<double>(dataset.AdminUnits.Count);
        foreach (var unit in dataset.AdminUnits)
        {
            if (slots.TryAdd(unit, slots.Count))
            {
                into.Add(acc[unit.Code]);
                factors.Add(scale.LengthFactor(unit));
            }
        }

        var classes = RouteClasses.GetValue(dataset, FibreRouteClasses.Of);
        int units = slots.Count, operators = classes.Operators.Length, placements = classes.Placements.Length;
        var metres = new double[units];
        var byOperator = new double[units * operators];
        var byPlacement = new double[units * placements];
        var met = new bool[units * (operators + placements)];
        var lastKey = new int[units];
        Array.Fill(lastKey, -1);

        // Per unit: 0 not asked yet, 1 of the level (or under one), -1 not.
        var atLevel = new sbyte[units];
        var unitless = scale.LengthFactor(null);
        for (var i = 0; i < fibreParts.Length; i++)
        {
            var (op, placement) = (classes.Operator[i], classes.Placement[i]);
            foreach (var (assignment, partMetres, midpoint) in fibreParts[i])
            {
                var slot = assignment.Unit is { } unit ? slots[unit] : -1;
                if (slot >= 0)
                {
                    var m = partMetres * factors[slot] / 1000 * 1000;
                    metres[slot] += m;
                    byOperator[(slot * operators) + op] += m;
                    byPlacement[(slot * placements) + placement] += m;
                    met[(slot * (operators + placements)) + op] = true;
                    met[(slot * (operators + placements)) + operators + placement] = true;
                    if (lastKey[slot] != routeKeys[i])
                    {
                        into[slot].FibreRouteKeys.Add(routeKeys[i]);
                        lastKey[slot] = routeKeys[i];
                    }

                    if (atLevel[slot] == 0)
                    {
                        atLevel[slot] = book.IsAtLevel(assignment.Unit) ? (sbyte)1 : (sbyte)-1;
                    }
                }

                // The book notes nothing of a part found in a unit of the level (or under one).
                if (slot < 0 || assignment.NearestM is not null || atLevel[slot] < 0)
                {
                    book.NoteFibre(assignment, dataset.FibreRoutes[i].Id, midpoint, partMetres * (slot >= 0 ? factors[slot] : unitless) / 1000);
                }
            }
        }

        for (var slot = 0; slot < units; slot++)
        {
            if (lastKey[slot] < 0)
            {
                continue;
            }

            var row = slot * (operators + placements);
            into[slot].AddFibreSums(
                metres[slot],
                Enumerable.Range(0, operators).Where(o => met[row + o]).Select(o => (classes.Operators[o], byOperator[(slot * operators) + o])),
                Enumerable.Range(0, placements).Where(p => met[row + operators + p]).Select(p => (classes.Placements[p], byPlacement[(slot * placements) + p])));
        }
    }

    /// <summary>Per dataset, each fibre route's operator and placement as indexes into their keys (<see cref="FibreRouteClasses"/>).</summary>
    private static readonly ConditionalWeakTable<Dataset, FibreRouteClasses> RouteClasses = [];

    /// <summary>The fibre routes' operators (<c>unspecified</c> without one) and placements (their code, or <c>unspecified</c>), and each route's of each.</summary>
    private sealed record FibreRouteClasses(string[] Operators, string[] Placements, int[] Operator, int[] Placement)
    {
        public static FibreRouteClasses Of(Dataset dataset)
        {
            var operators = new Dictionary<string, int>(StringComparer.Ordinal);
            var placements = new Dictionary<string, int>(StringComparer.Ordinal);
            var routes = dataset.FibreRoutes;
            var op = new int[routes.Count];
            var placement = new int[routes.Count];
            for (var i = 0; i < routes.Count; i++)
            {
                op[i] = IndexOf(operators, routes[i].Operator ?? "unspecified");
                placement[i] = IndexOf(placements, routes[i].Placement is { } p ? Codes.Key(p) : "unspecified");
            }

            return new FibreRouteClasses(
                [.. operators.OrderBy(kv => kv.Value).Select(kv => kv.Key)],
                [.. placements.OrderBy(kv => kv.Value).Select(kv => kv.Key)],
                op,
                placement);
        }

        private static int IndexOf(Dictionary<string, int> keys, string key)
        {
            if (!keys.TryGetValue(key, out var index))
            {
                keys[key] = index = keys.Count;
            }

            return index;
        }
    }

    /// <summary>The route's length per unit in runs of segments, each segment going to the unit holding its midpoint (with the first such midpoint of each run).</summary>
    /// <param name="edges">The units' edges (<see cref="FibreSplit.Exact"/>: each segment cut where it crosses one), or null (<see cref="FibreSplit.Midpoint"/>).</param>
    private static List<(UnitAssignment Unit, double Metres, Coordinate Midpoint)> SplitByUnit(FibreRoute route, UnitLocator locator, SegmentIndex? edges)
    {
        // Most routes lie wholly inside one commune's interior cells: every midpoint (inside the route's box) goes there,
        // so the one part is the whole length, summed in the same order, with the first midpoint.
        if (locator.WholeIn(route.Path.EnvelopeInternal) is not null)
        {
            return WholeRoute(route, locator);
        }

        // The locator only reads the point: one probe moved along the route.
        var run = new PartRun();
        var probe = new Coordinate();
        List<double>? cuts = null;
        for (var g = 0; g < route.Path.NumGeometries; g++)
        {
            var coords = route.Path.GetGeometryN(g).Coordinates;
            for (var i = 1; i < coords.Length; i++)
            {
                var a = coords[i - 1];
                var b = coords[i];
                var length = a.Distance(b);

                // A segment whose box lies in one unit's interior cells goes there whole, its midpoint too: no edge to cut.
                if (locator.WholeSegment(a.X, a.Y, b.X, b.Y) is { } whole)
                {
                    run.Add(whole, length, (a.X + b.X) / 2, (a.Y + b.Y) / 2);
                    continue;
                }

                if (edges is not null && Cut(a, b, edges, ref cuts))
                {
                    // Piece by piece between the crossings (a piece shorter than rounding adds nothing and is skipped).
                    var from = 0.0;
                    foreach (var t in cuts!.Append(1.0))
                    {
                        if (t - from > 1e-12)
                        {
                            probe.X = a.X + ((b.X - a.X) * (from + t) / 2);
                            probe.Y = a.Y + ((b.Y - a.Y) * (from + t) / 2);
                            run.Add(locator.Assign(probe), length * (t - from), probe.X, probe.Y);
                        }

                        from = t;
                    }

                    continue;
                }

                probe.X = (a.X + b.X) / 2;
                probe.Y = (a.Y + b.Y) / 2;
                run.Add(locator.Assign(probe), length, probe.X, probe.Y);
            }
        }

        return run.Finish();
    }

    /// <summary>
    /// A route's parts as they are made: the pieces of the current run (one unit, reached the same way) summed in order
    /// in place, a part kept at the first piece's midpoint when the next piece goes elsewhere.
    /// </summary>
    private struct PartRun
    {
        private List<(UnitAssignment Unit, double Metres, Coordinate Midpoint)>? done;
        private UnitAssignment? unit;
        private double metres;
        private double x;
        private double y;

        public void Add(UnitAssignment to, double pieceMetres, double atX, double atY)
        {
            if (unit is not null && ReferenceEquals(unit.Unit, to.Unit) && unit.NearestM is null == to.NearestM is null)
            {
                metres += pieceMetres;
                return;
            }

            if (unit is not null)
            {
                (done ??= []).Add((unit, metres, new Coordinate(x, y)));
            }

            (unit, metres, x, y) = (to, pieceMetres, atX, atY);
        }

        public readonly List<(UnitAssignment Unit, double Metres, Coordinate Midpoint)> Finish()
        {
            var list = done ?? [];
            if (unit is not null)
            {
                list.Add((unit, metres, new Coordinate(x, y)));
            }

            return list;
        }
    }

    /// <summary>Where segment a→b crosses a unit's edge, sorted, distinct (into <paramref name="cuts"/>, made on first need); false when it crosses none.</summary>
    private static bool Cut(Coordinate a, Coordinate b, SegmentIndex edges, ref List<double>? cuts)
    {
        cuts ??= [];
        cuts.Clear();
        edges.Crossings(a, b, cuts);
        if (cuts.Count == 0)
        {
            return false;
        }

        cuts.Sort();
        var kept = 1;
        for (var k = 1; k < cuts.Count; k++)
        {
            if (cuts[k] != cuts[kept - 1])
            {
                cuts[kept++] = cuts[k];
            }
        }

        cuts.RemoveRange(kept, cuts.Count - kept);
        return true;
    }

    // Most breakdowns of most units are empty: one shared empty answer, not a sorted copy each (3,000 communes × a dozen).
    private static readonly IReadOnlyDictionary<string, int> NoCounts = new Dictionary<string, int>();

    private static readonly IReadOnlyDictionary<string, double> NoKilometres = new Dictionary<string, double>();

    /// <summary>Per fibre route of a dataset, the first index of its id (routes counted once per id, as by the id itself).</summary>
    private static readonly ConditionalWeakTable<Dataset, int[]> RouteKeys = [];

    private static int[] FirstIndexOfId(IReadOnlyList<FibreRoute> routes)
    {
        var first = new Dictionary<string, int>(routes.Count, StringComparer.Ordinal);
        var keys = new int[routes.Count];
        for (var i = 0; i < routes.Count; i++)
        {
            keys[i] = first.TryAdd(routes[i].Id, i) ? i : first[routes[i].Id];
        }

        return keys;
    }

    /// <summary><see cref="SplitByUnit"/>'s one part of a route that lies in one unit: its length, at its first segment's midpoint.</summary>
    private static List<(UnitAssignment Unit, double Metres, Coordinate Midpoint)> WholeRoute(FibreRoute route, UnitLocator locator)
    {
        Coordinate? first = null;
        double metres = 0;
        for (var g = 0; g < route.Path.NumGeometries; g++)
        {
            var coords = route.Path.GetGeometryN(g).Coordinates;
            for (var i = 1; i < coords.Length; i++)
            {
                first ??= new Coordinate((coords[i - 1].X + coords[i].X) / 2, (coords[i - 1].Y + coords[i].Y) / 2);
                metres += coords[i - 1].Distance(coords[i]);
            }
        }

        return first is null ? [] : [(locator.Assign(first), metres, first)];
    }

    private static IReadOnlyDictionary<string, int> Sorted(Dictionary<string, int> counts) =>
        counts.Count == 0 ? NoCounts : counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static IReadOnlyDictionary<string, double> Kilometres(Dictionary<string, double> metres) =>
        metres.Count == 0 ? NoKilometres : metres.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value / 1000);
}
