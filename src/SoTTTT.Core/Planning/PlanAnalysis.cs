using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Model;
using SoTTTT.Core.Sharing;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Planning;

/// <summary>
/// The passive-infrastructure plan (quy hoạch hạ tầng kỹ thuật viễn thông thụ động; DOMAIN.md): new shared tower
/// positions by phase to reach the coverage targets at least cost, the operators each one hosts, fibre to connect them
/// and the commune centres, the existing positions to keep, convert or remove, and the urban aerial cable to put
/// underground.
/// <list type="number">
/// <item>Targets: per technology of <see cref="PlanTargets.Coverage"/>, the villages no operator covers now
/// (<see cref="PlanCoverage"/>, the coverage engine's prediction).</item>
/// <item>Candidates: existing towers with spare tenant places, commune post-culture points and commune offices, the
/// unbuilt positions of a previous plan, and a grid over the uncovered areas (points within a planned BTS's range of an
/// uncovered village). A new position's class and height follow its place (<see cref="PlanTargets.NonBulky"/> in
/// <c>a1_only</c>/<c>no_new_bulky</c> zones, <see cref="PlanTargets.Urban"/> in urban areas, else
/// <see cref="PlanTargets.Rural"/>; no taller than a <c>height_limit</c> zone). Every candidate is judged by the
/// approval rules themselves (<see cref="ApplicationAppraiser"/>, as <c>approve</c> does, against the existing network;
/// the dataset's planned towers are left out since this plan replaces them): a new position must be approved, an
/// existing tower must accept sharing. Two new positions closer than the must-share or spacing distance of the rules
/// exclude each other.</item>
/// <item>Optimisation (<see cref="ICoverSolver"/>): a minimum-cost set cover of every target village some allowed
/// candidate reaches (or the coverage share asked for, remote communes first), then per phase a maximal coverage under
/// the phase's budget of new positions among the cover's positions, weighting people of remote communes up. The greedy
/// baseline runs beside every solve.</item>
/// <item>Operators: each new position hosts the operators that lack coverage in its footprint (most villages first), at
/// least <see cref="PlanTargets.MinOperators"/>, within its class's tenant capacity; an existing tower takes operators
/// up to its spare places.</item>
/// <item>Existing positions: towers their zone no longer allows are converted (<see cref="SharingAnalysis"/>'s towers to
/// convert; removed in <c>no_tower</c> zones), single-operator positions that must share are consolidated onto one
/// with spare capacity (the other is removed), the rest kept.</item>
/// <item>Fibre (<see cref="PlanFibre"/>) and undergrounding by phase.</item>
/// </list>
/// Deterministic for a deterministic solver. Pure: no I/O.
/// </summary>
public static class PlanAnalysis
{
    /// <summary>Relative costs are scaled by this to the solvers' integers.</summary>
    public const long CostScale = 1000;

    /// <summary>The applicant name under which candidates are judged (never an operator of the network).</summary>
    public const string PlanApplicant = "~plan";

    /// <summary>Grid points examined at most; a finer grid is coarsened (doubled) until it fits.</summary>
    public const int MaxGridPoints = 400_000;

    public static PlanResult Run(Dataset dataset, PlanTargets targets, ICoverSolver solver, PlanInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(solver);
        inputs ??= PlanInputs.None;
        var rules = dataset.Rules;
        var factory = GeometryFactories.For(dataset.Crs);
        var locator = DatasetIndexes.Locator(dataset);
        var zones = DatasetIndexes.Zones(dataset);
        var urbanArea = DatasetIndexes.Urban(dataset);
        var coverage = new PlanCoverage(dataset, locator);
        var settlements = dataset.Settlements;
        var communeOfSettlement = settlements.Select(s => CommuneCode(dataset, locator.Locate(s.Location, s.CommuneCode))).ToArray();
        var remoteCodes = targets.RemoteCommunes.ToHashSet(StringComparer.Ordinal);
        var remoteCache = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsRemote(string? commune)
        {
            if (commune is null || remoteCodes.Count == 0)
            {
                return false;
            }

            if (!remoteCache.TryGetValue(commune, out var r))
            {
                remoteCache[commune] = r = dataset.Hierarchy.SelfAndAncestors(commune).Any(u => remoteCodes.Contains(u.Code));
            }

            return r;
        }

        var remote = communeOfSettlement.Select(IsRemote).ToArray();
        var techs = targets.Coverage.Select(t => t.Tech).Distinct().Order().ToList();
        var isTarget = techs.Select(t => Enumerable.Range(0, settlements.Count).Select(s => !coverage.CoveredByAny(t, s)).ToArray()).ToArray();

        // Candidates, judged by the approval rules against the existing network (planned towers left out: this plan replaces them).
        var positions = BtsPositionGrouping.Positions(dataset.Bts, dataset.Towers, rules.CoLocationM, factory);
        var appraised = dataset with { Towers = [.. dataset.Towers.Where(t => t.Status != TowerStatus.Planned)] };
        var candidates = new List<PlanCandidate>();
        if (targets.ShareExistingTowers)
        {
            foreach (var p in positions)
            {
                if (p.Tower is not { Status: TowerStatus.Existing } tower)
                {
                    continue;
                }

                var max = rules.MaxTenants(tower) ?? p.Operators.Count + 1;
                if (max - p.Operators.Count <= 0)
                {
                    continue;
                }

                candidates.Add(new PlanCandidate(tower.Id, "tower", tower.Location, tower.Type, tower.HeightM ?? targets.Rural.HeightM, targets.Costs.ShareExisting, newTower: false, urbanArea.IsUrban(tower.Location.Coordinate))
                {
                    Tenants = p.Operators,
                    Spare = max - p.Operators.Count,
                });
            }
        }

        PlanCandidate NewSite(string id, string source, Point at, double cost)
        {
            var (design, urban) = Design(at.Coordinate, targets, zones, urbanArea);
            return new PlanCandidate(id, source, at, design.Class, design.HeightM, cost, newTower: true, urban);
        }

        if (targets.UsePublicSites)
        {
            foreach (var point in dataset.PostalPoints.Where(p => p.Kind == PostalKind.CommunePostCulture))
            {
                candidates.Add(NewSite(point.Id, "commune_post_culture", point.Location, targets.Costs.PublicSite));
            }

            foreach (var office in dataset.PublicSites.Where(s => s.Kind == PublicSiteKind.CommuneOffice))
            {
                candidates.Add(NewSite(office.Id, "commune_office", office.Location, targets.Costs.PublicSite));
            }
        }

        var revision = new List<PlanRevisionEntry>();
        var previousIds = new HashSet<string>(StringComparer.Ordinal);
        var existingTowers = new STRtree<Tower>();
        foreach (var t in dataset.Towers.Where(t => t.Status == TowerStatus.Existing))
        {
            existingTowers.Insert(t.Location.EnvelopeInternal, t);
        }

        existingTowers.Build();
        foreach (var prev in inputs.Previous)
        {
            var env = new Envelope(prev.Location.Coordinate);
            env.ExpandBy(rules.CoLocationM);
            var built = existingTowers.Query(env)
                .Select(t => (Tower: t, D: t.Location.Distance(prev.Location)))
                .Where(x => x.D <= rules.CoLocationM)
                .OrderBy(x => x.D).ThenBy(x => x.Tower.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (built.Tower is not null)
            {
                revision.Add(new PlanRevisionEntry(prev.Id, prev.Phase, "built", built.Tower.Id, null, built.D));
                continue;
            }

            previousIds.Add("prev:" + prev.Id);
            candidates.Add(NewSite("prev:" + prev.Id, "previous", prev.Location, targets.Costs.Previous));
        }

        var gridM = targets.GridM;
        foreach (var (x, y) in GridPoints(dataset, coverage, techs, isTarget, targets, ref gridM))
        {
            var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"grid:{x:F0}:{y:F0}");
            candidates.Add(NewSite(id, "grid", factory.CreatePoint(new Coordinate(x, y)), targets.Costs.Grid));
        }

        // What each candidate would cover among the target villages (in parallel: the footprints are independent).
        var coveredLists = candidates
            .AsParallel()
            .AsOrdered()
            .Select(c => techs.Select((t, k) => coverage.Covered(c.Location, t, c.HeightM, s => isTarget[k][s])).ToArray())
            .ToArray();
        for (var i = 0; i < candidates.Count; i++)
        {
            candidates[i].Covered = coveredLists[i];
        }

        var appraiser = new ApplicationAppraiser(appraised);
        var rejected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Covered.All(l => l.Length == 0))
            {
                // Useless to the targets: not judged (it would not be chosen); not counted as rejected.
                c.RejectCode = "NO_GAIN";
                continue;
            }

            var verdict = appraiser.Judge(ApplicationEntry.Valid(0, Application(c, PlanApplicant)));
            var ok = c.NewTower ? verdict.Verdict == Verdict.Approve : verdict.Verdict == Verdict.Share;
            if (!ok)
            {
                c.RejectCode = verdict.Failed.Count > 0 ? verdict.Failed[0] : verdict.Verdict.ToString().ToUpperInvariant();
                rejected[c.RejectCode] = rejected.GetValueOrDefault(c.RejectCode) + 1;
            }
        }

        // Elements: target village × technology pairs some allowed candidate covers.
        var elementIndex = new Dictionary<(int S, int T), int>();
        var elements = new List<(int S, int T)>();
        foreach (var c in candidates.Where(c => c.Allowed))
        {
            for (var k = 0; k < techs.Count; k++)
            {
                foreach (var s in c.Covered[k])
                {
                    if (!elementIndex.ContainsKey((s, k)))
                    {
                        elementIndex[(s, k)] = -1;
                    }
                }
            }
        }

        foreach (var key in elementIndex.Keys.OrderBy(k => k.T).ThenBy(k => k.S).ToList())
        {
            elementIndex[key] = elements.Count;
            elements.Add(key);
        }

        foreach (var c in candidates)
        {
            if (!c.Allowed)
            {
                continue;
            }

            var list = new List<int>();
            for (var k = 0; k < techs.Count; k++)
            {
                list.AddRange(c.Covered[k].Select(s => elementIndex[(s, k)]));
            }

            list.Sort();
            c.Elements = [.. list];
        }

        var model = Reduce(candidates.Where(c => c.Allowed && c.Elements.Length > 0).ToList());
        var conflicts = Conflicts(model, rules);
        var missed = new List<MissedVillage>();
        Unreachable(dataset, techs, isTarget, candidates, elementIndex, communeOfSettlement, missed);

        // Set cover.
        var costs = model.Select(c => (long)Math.Round(c.Cost * CostScale)).ToArray();
        var coveredBy = ElementCandidates(model, elements.Count);
        var weights = elements.Select(e => (settlements[e.S].Population ?? 0) + 1).Select((w, e) => w * (remote[elements[e].S] ? (long)Math.Round(targets.RemoteWeight * 100) : 100)).ToArray();
        var (mandatory, minCovered) = Requirements(targets, techs, elements, remote, coverage, settlements.Count);
        var budgeted = model.Select(c => c.NewTower).ToArray();
        var cover = new CoverProblem(costs, coveredBy, weights, mandatory, minCovered, budgeted, null, conflicts);
        var solves = new List<PlanSolveReport>();
        var chosen = Solve(solver, cover, setCover: true, "set_cover", null, solves);

        // Phases: maximal coverage among the cover's positions, each phase under its budget.
        var newInCover = chosen.Count(c => model[c].NewTower);
        var phaseOf = new Dictionary<int, int?>();
        var done = new bool[elements.Count];
        var budgets = new List<int?>();
        foreach (var phase in targets.Phases)
        {
            int? budget = phase.Budget ?? (phase.BudgetPct is { } pct ? (int)Math.Ceiling(pct / 100 * newInCover - 1e-9) : null);
            budgets.Add(budget);
            var left = chosen.Where(c => !phaseOf.ContainsKey(c)).ToList();
            var leftSet = left.ToHashSet();
            var local = new List<int>();
            var localOf = new Dictionary<int, int>();
            for (var e = 0; e < elements.Count; e++)
            {
                if (!done[e] && coveredBy[e].Any(leftSet.Contains))
                {
                    localOf[e] = local.Count;
                    local.Add(e);
                }
            }

            if (left.Count == 0 || local.Count == 0)
            {
                continue;
            }

            var candIndex = left.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            var sub = new CoverProblem(
                [.. left.Select(c => costs[c])],
                [.. local.Select(e => coveredBy[e].Where(candIndex.ContainsKey).Select(c => candIndex[c]).ToArray())],
                [.. local.Select(e => weights[e])],
                [.. local.Select(_ => false)],
                0,
                [.. left.Select(c => budgeted[c])],
                budget,
                [.. conflicts.Where(p => candIndex.ContainsKey(p.A) && candIndex.ContainsKey(p.B)).Select(p => (candIndex[p.A], candIndex[p.B]))]);
            var picked = Solve(solver, sub, setCover: false, "max_coverage", phase.Number, solves).Select(i => left[i]);
            foreach (var c in Useful(picked, model, localOf, done))
            {
                phaseOf[c] = phase.Number;
                foreach (var e in model[c].Elements)
                {
                    done[e] = true;
                }
            }
        }

        foreach (var c in chosen.Where(c => !phaseOf.ContainsKey(c)))
        {
            if (model[c].Elements.Any(e => !done[e]))
            {
                phaseOf[c] = null;
            }
        }

        // The plan's new and shared positions in phase order, their operators and what each gains first.
        var ordered = phaseOf.Keys
            .OrderBy(c => phaseOf[c] ?? int.MaxValue)
            .ThenBy(c => CommuneCode(dataset, locator.Locate(model[c].Location.Coordinate)) ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => model[c].Id, StringComparer.Ordinal)
            .ToList();
        var operators = coverage.Operators.Count > 0 ? coverage.Operators : [.. Codes.Operators.Take(3).Select(o => o.Name)];
        var planPositions = new List<PlanPosition>();
        var firstCovered = new bool[elements.Count];
        var sequence = 0;
        var planIdOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in ordered)
        {
            var cand = model[c];
            var gainedSettlements = new SortedSet<int>();
            if (phaseOf[c] is not null)
            {
                foreach (var e in cand.Elements)
                {
                    if (!firstCovered[e])
                    {
                        firstCovered[e] = true;
                        gainedSettlements.Add(elements[e].S);
                    }
                }
            }

            var hosted = HostOperators(cand, coverage, techs, operators, targets, rules);
            var commune = CommuneCode(dataset, locator.Locate(cand.Location.Coordinate));
            var id = cand.NewTower ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"QH-{++sequence:D4}") : cand.Id;
            planIdOf[cand.Id] = id;
            var all = cand.Tenants.Concat(hosted).Distinct().Order(StringComparer.Ordinal).ToList();
            planPositions.Add(new PlanPosition(
                id,
                cand.Location,
                cand.Type,
                cand.HeightM,
                cand.NewTower ? PlanPositionStatus.New : PlanPositionStatus.Share,
                phaseOf[c],
                commune,
                all,
                hosted,
                phaseOf[c] is null ? "BEYOND_BUDGET" : "COVERAGE",
                cand.Source,
                gainedSettlements.Count,
                gainedSettlements.Sum(s => settlements[s].Population ?? 0)));
        }

        foreach (var c in candidates.Where(c => previousIds.Contains(c.Id)))
        {
            var previousId = c.Id["prev:".Length..];
            var prev = inputs.Previous.First(p => p.Id == previousId);
            revision.Add(planIdOf.TryGetValue(c.Id, out var planId)
                ? new PlanRevisionEntry(previousId, prev.Phase, "to_build", null, planId, null)
                : new PlanRevisionEntry(previousId, prev.Phase, "obsolete", null, null, null));
        }

        // Villages the plan cannot or does not cover.
        for (var e = 0; e < elements.Count; e++)
        {
            if (!firstCovered[e])
            {
                var (s, k) = elements[e];
                var beyond = chosen.Any(c => phaseOf.TryGetValue(c, out var ph) && ph is null && model[c].Elements.Contains(e));
                missed.Add(Missed(settlements[s], communeOfSettlement[s], techs[k], beyond ? "BUDGET" : "SHARE_TARGET", null));
            }
        }

        var verification = Verify(appraised, planPositions, model, ordered);
        var sharing = SharingAnalysis.Run(dataset, AdminLevel.Commune);
        var existing = PlanExisting.Positions(dataset, sharing, positions, planPositions, targets, locator);
        var allPositions = planPositions.Concat(existing)
            .OrderBy(p => p.Status).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var fibre = PlanFibre.Build(dataset, targets, sharing, allPositions, remote, factory, out var fibreFacts);
        var techCoverage = techs.Select((t, k) =>
        {
            var before = Enumerable.Range(0, settlements.Count).Where(s => !isTarget[k][s]).ToList();
            var gained = Enumerable.Range(0, elements.Count).Where(e => firstCovered[e] && elements[e].T == k).Select(e => elements[e].S).ToList();
            var reachable = elements.Count(e => e.T == k);
            return new PlanTechCoverage(
                (Technology?)t,
                targets.Coverage.First(x => x.Tech == t).SharePct,
                settlements.Count,
                before.Count,
                before.Count + reachable,
                before.Count + gained.Count,
                settlements.Sum(s => s.Population ?? 0),
                before.Sum(s => settlements[s].Population ?? 0),
                before.Concat(gained).Sum(s => settlements[s].Population ?? 0));
        }).ToList();

        var anyBefore = Enumerable.Range(0, settlements.Count).Where(s => Enum.GetValues<Technology>().Any(t => coverage.CoveredByAny(t, s))).ToHashSet();
        var anyAfter = anyBefore.Union(Enumerable.Range(0, elements.Count).Where(e => firstCovered[e]).Select(e => elements[e].S)).ToHashSet();
        var anyReachable = anyBefore.Union(elements.Select(e => e.S)).Count();
        techCoverage.Add(new PlanTechCoverage(
            null,
            null,
            settlements.Count,
            anyBefore.Count,
            anyReachable,
            anyAfter.Count,
            settlements.Sum(s => s.Population ?? 0),
            anyBefore.Sum(s => settlements[s].Population ?? 0),
            anyAfter.Sum(s => settlements[s].Population ?? 0)));

        var phases = targets.Phases.Select((ph, i) => new PlanPhaseSummary(
            ph,
            budgets.Count > i ? budgets[i] : null,
            allPositions.Count(p => p.Status == PlanPositionStatus.New && p.Phase == ph.Number),
            allPositions.Count(p => p.Status == PlanPositionStatus.Share && p.Phase == ph.Number),
            allPositions.Where(p => p.Phase == ph.Number).Sum(p => p.VillagesGained),
            allPositions.Where(p => p.Phase == ph.Number).Sum(p => p.PopulationGained),
            fibre.Where(f => f.Kind == PlanFibre.Extension && f.Phase == ph.Number).Sum(f => f.LengthKm),
            fibre.Where(f => f.Kind == PlanFibre.Undergrounding && f.Phase == ph.Number).Sum(f => f.LengthKm),
            fibre.Where(f => f.Kind == PlanFibre.Undergrounding && f.Phase == ph.Number).Sum(f => f.SharedDuctKm),
            allPositions.Count(p => p.Status == PlanPositionStatus.Convert && p.Phase == ph.Number),
            allPositions.Count(p => p.Status == PlanPositionStatus.Remove && p.Phase == ph.Number))).ToList();

        var (communes, districts) = PlanTables.Build(dataset, positions, allPositions);
        var before = positions.Where(p => p.BtsIndices.Count > 0).ToList();
        var after = allPositions.Where(p => p.Status != PlanPositionStatus.Remove && p.Operators.Count > 0).ToList();
        return new PlanResult(
            dataset.Name,
            dataset.Crs,
            targets,
            rules,
            allPositions,
            fibre,
            [.. missed.OrderBy(m => m.Tech).ThenBy(m => m.SettlementId, StringComparer.Ordinal)],
            solves,
            techCoverage,
            phases,
            communes,
            districts,
            [.. revision.OrderBy(r => r.PreviousId, StringComparer.Ordinal)],
            verification)
        {
            CandidatesBySource = candidates.GroupBy(c => c.Source).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            RejectedByCode = rejected,
            SharingBefore = (before.Count, before.Count(p => p.Operators.Count >= 2)),
            SharingAfter = (after.Count, after.Count(p => p.Operators.Count >= 2)),
            CommuneCentres = fibreFacts.CommuneCentres,
            CommuneCentresWithoutFibre = fibreFacts.CommuneCentresWithoutFibre,
            VillagesWithFibre = (fibreFacts.VillagesBefore, fibreFacts.VillagesAfter, settlements.Count),
            ToUndergroundKm = sharing.Fibre.ToUndergroundKm,
        };
    }

    /// <summary>The commune holding a unit (the unit itself when it is one).</summary>
    internal static string? CommuneCode(Dataset dataset, AdminUnit? unit) =>
        unit is null ? null : dataset.Hierarchy.CommuneOf(unit.Code)?.Code ?? (unit.Level == AdminLevel.Commune ? unit.Code : null);

    /// <summary>The class and height of a new position at a place, and whether the place is urban.</summary>
    internal static (TowerDesign Design, bool Urban) Design(Coordinate c, PlanTargets targets, ZoneIndex zones, UrbanArea urbanArea)
    {
        var here = zones.At(c);
        var urban = urbanArea.IsUrban(c);
        var design = here.Any(z => z.Kind is ZoneKinds.A1Only or ZoneKinds.NoNewBulky) ? targets.NonBulky : urban ? targets.Urban : targets.Rural;
        foreach (var z in here.Where(z => z.Kind == ZoneKinds.HeightLimit))
        {
            if (ZoneKinds.MaxHeightM(z) is { } max && max < design.HeightM)
            {
                design = design with { HeightM = max };
            }
        }

        return (design, urban);
    }

    private static TowerApplication Application(PlanCandidate c, string applicant) =>
        new(c.Id, applicant, c.Location, c.Type ?? string.Empty, c.HeightM, null, null, c.NewTower ? null : c.Id);

    /// <summary>Grid points (multiples of the grid spacing) within a planned BTS's range of an uncovered target village.</summary>
    private static List<(double X, double Y)> GridPoints(Dataset dataset, PlanCoverage coverage, List<Technology> techs, bool[][] isTarget, PlanTargets targets, ref double gridM)
    {
        if (gridM <= 0 || techs.Count == 0)
        {
            return [];
        }

        var ranges = techs.Select(t => new[] { targets.Rural.HeightM, targets.Urban.HeightM, targets.NonBulky.HeightM }.Max(h => coverage.MaxRangeM(t, h))).ToArray();
        var centres = new List<(double X, double Y, double R)>();
        for (var s = 0; s < dataset.Settlements.Count; s++)
        {
            var r = 0.0;
            for (var k = 0; k < techs.Count; k++)
            {
                if (isTarget[k][s])
                {
                    r = Math.Max(r, ranges[k]);
                }
            }

            if (r > 0)
            {
                centres.Add((dataset.Settlements[s].Location.X, dataset.Settlements[s].Location.Y, r));
            }
        }

        while (true)
        {
            var g = gridM;
            var points = new HashSet<(long I, long J)>();
            var overflow = false;
            foreach (var (x, y, r) in centres)
            {
                for (var i = (long)Math.Ceiling((x - r) / g); i <= (long)Math.Floor((x + r) / g) && !overflow; i++)
                {
                    for (var j = (long)Math.Ceiling((y - r) / g); j <= (long)Math.Floor((y + r) / g); j++)
                    {
                        var dx = (i * g) - x;
                        var dy = (j * g) - y;
                        if ((dx * dx) + (dy * dy) <= r * r)
                        {
                            points.Add((i, j));
                        }
                    }

                    overflow = points.Count > MaxGridPoints;
                }
            }

            if (!overflow)
            {
                return [.. points.OrderBy(p => p.J).ThenBy(p => p.I).Select(p => (p.I * g, p.J * g))];
            }

            gridM *= 2;
        }
    }

    /// <summary>Identical coverage kept once (the cheapest, then by source order and id); candidates whose elements another covers at no more cost are dropped.</summary>
    private static List<PlanCandidate> Reduce(List<PlanCandidate> allowed)
    {
        var best = new Dictionary<string, PlanCandidate>(StringComparer.Ordinal);
        foreach (var c in allowed.OrderBy(c => c.Cost).ThenBy(c => c.SourceRank).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            best.TryAdd(string.Join(',', c.Elements), c);
        }

        var unique = best.Values.OrderBy(c => c.Cost).ThenBy(c => c.SourceRank).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var byElement = new Dictionary<int, List<PlanCandidate>>();
        foreach (var c in unique)
        {
            foreach (var e in c.Elements)
            {
                if (!byElement.TryGetValue(e, out var list))
                {
                    byElement[e] = list = [];
                }

                list.Add(c);
            }
        }

        var kept = new List<PlanCandidate>();
        foreach (var a in unique)
        {
            var dominated = byElement[a.Elements[0]].Any(b => !ReferenceEquals(a, b) && b.Cost <= a.Cost && b.Elements.Length > a.Elements.Length && IsSubset(a.Elements, b.Elements));
            if (!dominated)
            {
                kept.Add(a);
            }
        }

        return [.. kept.OrderBy(c => c.SourceRank).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    private static bool IsSubset(int[] small, int[] large)
    {
        var j = 0;
        foreach (var e in small)
        {
            while (j < large.Length && large[j] < e)
            {
                j++;
            }

            if (j == large.Length || large[j] != e)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pairs of new positions that cannot both be built: closer than the must-share distance or the spacing of their classes.</summary>
    private static List<(int A, int B)> Conflicts(List<PlanCandidate> model, Rules.ProvinceRules rules)
    {
        var radius = Math.Max(rules.MustShareM.MaxM, rules.MaxSpacingM);
        var tree = new STRtree<int>();
        for (var i = 0; i < model.Count; i++)
        {
            if (model[i].NewTower)
            {
                tree.Insert(model[i].Location.EnvelopeInternal, i);
            }
        }

        tree.Build();
        var pairs = new List<(int, int)>();
        for (var i = 0; i < model.Count; i++)
        {
            var a = model[i];
            if (!a.NewTower)
            {
                continue;
            }

            var env = new Envelope(a.Location.Coordinate);
            env.ExpandBy(radius);
            foreach (var j in tree.Query(env))
            {
                if (j <= i)
                {
                    continue;
                }

                var b = model[j];
                var d = a.Location.Distance(b.Location);
                var urban = a.Urban && b.Urban;
                if (d < rules.MustShareM.For(urban) || (rules.RequiredSpacingM(a.Type, a.HeightM, b.Type, b.HeightM, urban) is { } limit && d < limit))
                {
                    pairs.Add((i, j));
                }
            }
        }

        pairs.Sort();
        return pairs;
    }

    private static int[][] ElementCandidates(List<PlanCandidate> model, int elementCount)
    {
        var lists = Enumerable.Range(0, elementCount).Select(_ => new List<int>()).ToArray();
        for (var c = 0; c < model.Count; c++)
        {
            foreach (var e in model[c].Elements)
            {
                lists[e].Add(c);
            }
        }

        return [.. lists.Select(l => l.ToArray())];
    }

    private static (bool[] Mandatory, int MinCovered) Requirements(PlanTargets targets, List<Technology> techs, List<(int S, int T)> elements, bool[] remote, PlanCoverage coverage, int settlementCount)
    {
        var mandatory = new bool[elements.Count];
        var minCovered = 0;
        for (var k = 0; k < techs.Count; k++)
        {
            var share = targets.Coverage.First(t => t.Tech == techs[k]).SharePct;
            var ofTech = Enumerable.Range(0, elements.Count).Where(e => elements[e].T == k).ToList();
            if (share is not { } pct)
            {
                ofTech.ForEach(e => mandatory[e] = true);
                minCovered += ofTech.Count;
                continue;
            }

            var before = Enumerable.Range(0, settlementCount).Count(s => coverage.CoveredByAny(techs[k], s));
            var need = Math.Clamp((int)Math.Ceiling((pct / 100 * settlementCount) - before - 1e-9), 0, ofTech.Count);
            var remoteOnes = ofTech.Where(e => remote[elements[e].S]).ToList();
            remoteOnes.ForEach(e => mandatory[e] = true);
            minCovered += Math.Max(need, remoteOnes.Count);
        }

        return (mandatory, minCovered);
    }

    /// <summary>Runs the greedy baseline and the exact solver (hinted with the greedy answer); returns the exact answer when it has one.</summary>
    private static List<int> Solve(ICoverSolver solver, CoverProblem problem, bool setCover, string name, int? phase, List<PlanSolveReport> reports)
    {
        var greedy = new GreedyCoverSolver();
        var baseline = setCover ? greedy.SetCover(problem) : greedy.MaxCoverage(problem);
        var hint = baseline.Status == SolveStatus.Infeasible ? null : baseline.Chosen;
        var exact = problem.Candidates == 0 ? new CoverSolution(solver is GreedyCoverSolver ? GreedyCoverSolver.Name : "exact", SolveStatus.Optimal, [], 0, 0)
            : setCover ? solver.SetCover(problem, hint) : solver.MaxCoverage(problem, hint);
        reports.Add(new PlanSolveReport(name, phase, problem.Candidates, problem.Elements, problem.Conflicts.Count, problem.Budget, exact, baseline));
        return [.. (exact.Status is SolveStatus.Optimal or SolveStatus.Feasible or SolveStatus.Heuristic ? exact : baseline).Chosen];
    }

    /// <summary>The chosen candidates that add coverage, largest gain first (a maximal-coverage answer may carry free candidates that add nothing).</summary>
    private static List<int> Useful(IEnumerable<int> picked, List<PlanCandidate> model, Dictionary<int, int> inPhase, bool[] done)
    {
        var covered = new HashSet<int>();
        var left = picked.ToList();
        var result = new List<int>();
        while (left.Count > 0)
        {
            var best = left.OrderByDescending(c => model[c].Elements.Count(e => inPhase.ContainsKey(e) && !done[e] && !covered.Contains(e))).ThenBy(c => c).First();
            var gain = model[best].Elements.Count(e => inPhase.ContainsKey(e) && !done[e] && !covered.Contains(e));
            left.Remove(best);
            if (gain == 0)
            {
                break;
            }

            result.Add(best);
            covered.UnionWith(model[best].Elements);
        }

        return result;
    }

    /// <summary>Operators a position hosts: those lacking coverage in its footprint (most villages, then people), at least the minimum, within capacity.</summary>
    private static List<string> HostOperators(PlanCandidate c, PlanCoverage coverage, List<Technology> techs, IReadOnlyList<string> operators, PlanTargets targets, Rules.ProvinceRules rules)
    {
        var capacity = c.NewTower ? rules.Class(c.Type)?.MaxTenants ?? Math.Max(targets.MinOperators, 1) : c.Spare;
        var footprint = techs.Select(t => coverage.Covered(c.Location, t, c.HeightM)).ToArray();
        var scored = operators
            .Where(op => !c.Tenants.Contains(op))
            .Select(op =>
            {
                var villages = new HashSet<int>();
                for (var k = 0; k < techs.Count; k++)
                {
                    foreach (var s in footprint[k])
                    {
                        if (!coverage.CoveredBy(op, techs[k], s))
                        {
                            villages.Add(s);
                        }
                    }
                }

                return (Op: op, Villages: villages.Count);
            })
            .OrderByDescending(x => x.Villages).ThenBy(x => x.Op, StringComparer.Ordinal)
            .ToList();
        var wanted = c.NewTower ? Math.Max(targets.MinOperators, scored.Count(x => x.Villages > 0)) : Math.Max(1, scored.Count(x => x.Villages > 0));
        return [.. scored.Take(Math.Min(wanted, capacity)).Select(x => x.Op).Order(StringComparer.Ordinal)];
    }

    /// <summary>Feeds the plan's positions to the approval rules in phase order, as <c>approve</c> would judge them in one batch.</summary>
    private static List<string> Verify(Dataset appraised, List<PlanPosition> plan, List<PlanCandidate> model, List<int> ordered)
    {
        var appraiser = new ApplicationAppraiser(appraised);
        var failures = new List<string>();
        for (var i = 0; i < plan.Count; i++)
        {
            var p = plan[i];
            var cand = model[ordered[i]];
            foreach (var op in p.NewOperators.DefaultIfEmpty(PlanApplicant))
            {
                var app = new TowerApplication(p.Id, op, p.Location, p.Type ?? string.Empty, p.HeightM ?? 0, null, null, cand.NewTower ? null : cand.Id);
                var verdict = appraiser.Appraise(ApplicationEntry.Valid(i + 1, app));
                var expected = cand.NewTower ? Verdict.Approve : Verdict.Share;
                if (verdict.Verdict != expected)
                {
                    failures.Add($"{p.Id}: {verdict.Verdict} {string.Join(';', verdict.Failed)}");
                }

                if (cand.NewTower)
                {
                    // The tower is built once; the other operators share it.
                    break;
                }
            }
        }

        return failures;
    }

    private static void Unreachable(Dataset dataset, List<Technology> techs, bool[][] isTarget, List<PlanCandidate> candidates, Dictionary<(int S, int T), int> elementIndex, string?[] communeOf, List<MissedVillage> missed)
    {
        var codes = new Dictionary<(int S, int T), SortedDictionary<string, int>>();
        foreach (var c in candidates.Where(c => c.RejectCode is { } code && code != "NO_GAIN"))
        {
            for (var k = 0; k < techs.Count; k++)
            {
                foreach (var s in c.Covered[k])
                {
                    if (!codes.TryGetValue((s, k), out var counts))
                    {
                        codes[(s, k)] = counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
                    }

                    counts[c.RejectCode!] = counts.GetValueOrDefault(c.RejectCode!) + 1;
                }
            }
        }

        for (var k = 0; k < techs.Count; k++)
        {
            for (var s = 0; s < dataset.Settlements.Count; s++)
            {
                if (!isTarget[k][s] || elementIndex.ContainsKey((s, k)))
                {
                    continue;
                }

                if (!codes.TryGetValue((s, k), out var counts))
                {
                    missed.Add(Missed(dataset.Settlements[s], communeOf[s], techs[k], "OUT_OF_RANGE", null));
                    continue;
                }

                // Candidates outside the province are no real option: they decide only when nothing else reaches the village.
                var inside = counts.Where(kv => kv.Key != ApprovalCodes.OutsideProvince).ToList();
                var top = (inside.Count > 0 ? inside : [.. counts]).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
                var reason = top switch
                {
                    ApprovalCodes.OutsideProvince => "OUTSIDE_PROVINCE",
                    ApprovalCodes.SpacingTooClose or ApprovalCodes.MustShare or ApprovalCodes.TowerFull => "SPACING",
                    _ => "ZONE",
                };
                missed.Add(Missed(dataset.Settlements[s], communeOf[s], techs[k], reason, string.Join(';', counts.Select(kv => $"{kv.Key}:{kv.Value}"))));
            }
        }
    }

    private static MissedVillage Missed(Settlement s, string? commune, Technology tech, string reason, string? detail) =>
        new(s.Id, s.Name, commune, s.Population, tech, reason, detail);
}
