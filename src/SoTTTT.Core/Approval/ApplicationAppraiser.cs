using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SoTTTT.Core.Model;
using SoTTTT.Core.Rules;
using SoTTTT.Core.Spatial;

namespace SoTTTT.Core.Approval;

/// <summary>
/// Appraises BTS / tower applications against a dataset's network, zones, plan and rules (<see cref="ProvinceRules"/>).
/// Built once per dataset (the indexes), then <see cref="Judge"/> per application; <see cref="Commit"/> adds an
/// approved tower, or the applicant as a tenant of a shared tower, to the network later applications are judged
/// against. Not thread-safe.
/// <para>
/// The network: existing towers (towers.csv, <c>status=existing</c>), positions inferred from BTS without a tower, and
/// towers approved earlier in the batch; tenants are the operators of the BTS standing there plus applicants sharing
/// earlier in the batch. Planned towers (<c>status=planned</c>) are the plan; proposed towers are ignored.
/// </para>
/// <para>
/// An application for a new tower (no <c>shares_tower_id</c>) is checked against: the admin polygons
/// (<c>OUTSIDE_PROVINCE</c>), <c>no_tower</c> zones, zones that forbid its class (<c>a1_only</c>, <c>no_new_bulky</c>
/// for bulky classes), height limits, the plan (a bulky class within the tolerance of a planned position, when planned
/// towers exist; non-bulky A1 columns are encouraged everywhere),
/// minimum spacing, and the must-share distance. Verdict, in this order: outside the province → reject; a tower within
/// the must-share distance → share the nearest that can take the applicant (already a tenant, spare capacity, or
/// capacity unknown), else reject when a zone, height or plan rule fails, else refer (spacing conflicts with the towers
/// that cannot take it go to the authority with the case); otherwise any failed zone, height, plan or spacing rule →
/// reject; else approve. An application naming <c>shares_tower_id</c> builds nothing: the tower must exist (or be
/// approved earlier in the batch) and stand within the co-location distance of the site, else reject; full → refer;
/// else share. A pair of places counts as urban only when both are urban.
/// </para>
/// </summary>
public sealed class ApplicationAppraiser
{
    private readonly Dataset dataset;
    private readonly ProvinceRules rules;
    private readonly ICoverageGain? coverage;
    private readonly UnitLocator locator;
    private readonly ZoneIndex zones;
    private readonly UrbanArea urbanArea;
    private readonly STRtree<Site> siteTree = new();
    private readonly Dictionary<string, Site> siteById = new(StringComparer.Ordinal);
    private readonly Dictionary<(long, long), List<Site>> addedSites = [];
    private readonly STRtree<Tower>? plannedTree;
    private readonly double searchM;

    public ApplicationAppraiser(Dataset dataset, ICoverageGain? coverage = null)
    {
        this.dataset = dataset;
        rules = dataset.Rules;
        this.coverage = coverage;
        locator = DatasetIndexes.Locator(dataset);
        zones = DatasetIndexes.Zones(dataset);
        urbanArea = DatasetIndexes.Urban(dataset);
        searchM = Math.Max(Math.Max(rules.MustShareM.MaxM, rules.MaxSpacingM), 1);
        foreach (var p in BtsPositionGrouping.Positions(dataset))
        {
            if (p.Tower is { Status: not TowerStatus.Existing })
            {
                continue;
            }

            var site = p.Tower is { } t
                ? new Site(t.Id, "tower", t.Location.Coordinate, t.Type, t.HeightM, rules.MaxTenants(t), p.Operators)
                : new Site(p.Id, "position", p.Location.Coordinate, null, null, null, p.Operators);
            siteTree.Insert(new Envelope(site.At), site);
            siteById.TryAdd(site.Id, site);
        }

        siteTree.Build();
        var planned = dataset.Towers.Where(t => t.Status == TowerStatus.Planned).ToList();
        if (planned.Count > 0 && rules.PlanToleranceM is not null)
        {
            plannedTree = new STRtree<Tower>();
            foreach (var t in planned)
            {
                plannedTree.Insert(t.Location.EnvelopeInternal, t);
            }

            plannedTree.Build();
        }

        PlanCheckNote = rules.PlanToleranceM is null ? "plan_check_off" : planned.Count == 0 ? "no_planned_towers" : null;
    }

    /// <summary>Whether plan conformity is checked: the dataset has planned towers and <c>plan_tolerance_m</c> is set.</summary>
    public bool PlanCheck => plannedTree is not null;

    /// <summary>Whether a coverage engine is plugged in.</summary>
    public bool CoverageGainComputed => coverage is not null;

    private string? PlanCheckNote { get; }

    /// <summary>Judges one application against the network as it stands (the dataset plus what was committed).</summary>
    public ApplicationVerdict Judge(ApplicationEntry entry)
    {
        if (entry.Application is not { } app)
        {
            var problems = entry.Problems
                .Select(p => new ApprovalCheck(p.Code, true, false, [new CheckEvidence("problem", p.Column ?? string.Empty) { Message = p.Message }]))
                .ToList();
            return new ApplicationVerdict(entry.Row, entry.Id, null, Verdict.Reject, null, problems, null, null, null, null);
        }

        var c = app.Location.Coordinate;
        var inPolygon = locator.LocateInPolygons(c);
        var unit = locator.HasPolygons ? inPolygon : locator.Locate(c);
        var urban = urbanArea.IsUrban(c);
        var zonesHere = zones.At(c);
        var cls = rules.Class(app.Type);
        var bulky = cls?.Bulky ?? true;
        var named = app.SharesTowerId;
        var newTower = named is null;
        var nearby = Nearby(c);

        var checks = new List<ApprovalCheck>(ApprovalCodes.All.Count)
        {
            locator.HasPolygons
                ? new ApprovalCheck(ApprovalCodes.OutsideProvince, true, inPolygon is not null, inPolygon is null ? [] : [UnitEvidence(inPolygon)])
                : new ApprovalCheck(ApprovalCodes.OutsideProvince, false, true, [], "no_boundaries"),
        };

        string? NewTowerNote() => newTower ? null : "shares_named_tower";
        var noTower = zonesHere.Where(z => z.Kind == ZoneKinds.NoTower).ToList();
        checks.Add(new ApprovalCheck(ApprovalCodes.NoTowerZone, newTower, noTower.Count == 0, [.. noTower.Select(ZoneEvidence)], NewTowerNote()));

        var classZones = zonesHere.Where(z => z.Kind is ZoneKinds.A1Only or ZoneKinds.NoNewBulky).ToList();
        checks.Add(new ApprovalCheck(
            ApprovalCodes.ZoneClassNotAllowed,
            newTower,
            !bulky || classZones.Count == 0,
            [.. classZones.Select(z => ZoneEvidence(z) with { TowerClass = app.Type })],
            NewTowerNote()));

        var heightZones = zonesHere.Where(z => z.Kind == ZoneKinds.HeightLimit).ToList();
        checks.Add(new ApprovalCheck(
            ApprovalCodes.HeightLimit,
            newTower,
            heightZones.All(z => ZoneKinds.MaxHeightM(z) is not { } max || app.HeightM <= max),
            [.. heightZones.Select(z => ZoneEvidence(z) with { HeightM = app.HeightM, MaxHeightM = ZoneKinds.MaxHeightM(z) })],
            NewTowerNote()));

        checks.Add(PlanCheckFor(app, c, urban, newTower));

        var ownSpacing = rules.MinSpacingM(app.Type, app.HeightM, urban);
        var tooClose = new List<CheckEvidence>();
        if (newTower && ownSpacing is not null)
        {
            foreach (var (site, d) in nearby)
            {
                var pairUrban = urban && Urban(site);
                if (rules.RequiredSpacingM(app.Type, app.HeightM, site.Class, site.HeightM, pairUrban) is { } limit && d < limit)
                {
                    tooClose.Add(SiteEvidence(site, d, limit, app.Operator));
                }
            }
        }

        checks.Add(new ApprovalCheck(
            ApprovalCodes.SpacingTooClose,
            newTower && ownSpacing is not null,
            tooClose.Count == 0,
            tooClose,
            newTower ? ownSpacing is null ? "no_spacing_rule" : null : "shares_named_tower"));

        var mustShare = new List<(Site Site, CheckEvidence Evidence)>();
        if (newTower)
        {
            foreach (var (site, d) in nearby)
            {
                var limit = rules.MustShareM.For(urban && Urban(site));
                if (d < limit)
                {
                    mustShare.Add((site, SiteEvidence(site, d, limit, app.Operator)));
                }
            }
        }

        checks.Add(new ApprovalCheck(ApprovalCodes.MustShare, newTower, mustShare.Count == 0, [.. mustShare.Select(m => m.Evidence)], NewTowerNote()));

        Site? namedSite = null;
        if (named is not null)
        {
            namedSite = siteById.GetValueOrDefault(named);
            checks.Add(new ApprovalCheck(ApprovalCodes.MissingTower, true, namedSite is not null, namedSite is null ? [new CheckEvidence("tower", named)] : [SiteEvidence(namedSite, c.Distance(namedSite.At), null, app.Operator)]));
            checks.Add(namedSite is null
                ? new ApprovalCheck(ApprovalCodes.SharedTowerFar, false, true, [], "tower_missing")
                : new ApprovalCheck(ApprovalCodes.SharedTowerFar, true, c.Distance(namedSite.At) <= rules.CoLocationM, [SiteEvidence(namedSite, c.Distance(namedSite.At), rules.CoLocationM, app.Operator)]));
        }
        else
        {
            checks.Add(new ApprovalCheck(ApprovalCodes.MissingTower, false, true, [], "new_tower"));
            checks.Add(new ApprovalCheck(ApprovalCodes.SharedTowerFar, false, true, [], "new_tower"));
        }

        // The tower to share: the named one, or the nearest within the must-share distance that can take the applicant.
        Site? chosen = null;
        if (namedSite is not null)
        {
            chosen = namedSite;
            var e = SiteEvidence(namedSite, c.Distance(namedSite.At), null, app.Operator);
            checks.Add(new ApprovalCheck(ApprovalCodes.TowerFull, true, e.CanShare == true, [e]));
        }
        else if (mustShare.Count > 0)
        {
            var taker = mustShare.FirstOrDefault(m => m.Evidence.CanShare == true);
            chosen = taker.Site;
            checks.Add(new ApprovalCheck(ApprovalCodes.TowerFull, true, chosen is not null, chosen is not null ? [taker.Evidence] : [.. mustShare.Select(m => m.Evidence)]));
        }
        else
        {
            checks.Add(new ApprovalCheck(ApprovalCodes.TowerFull, false, true, [], named is null ? "nothing_to_share" : "tower_missing"));
        }

        var (verdict, towerId) = Decide(checks, newTower, chosen, named, mustShare.Count > 0 ? mustShare[0].Site.Id : null);
        return new ApplicationVerdict(entry.Row, app.Id, app, verdict, towerId, checks, unit?.Code, unit?.Name, urban, coverage?.Estimate(app));
    }

    /// <summary>Adds what the verdict builds to the network: an approved tower, or the applicant as tenant of the shared tower.</summary>
    public void Commit(ApplicationVerdict verdict)
    {
        if (verdict.Application is not { } app)
        {
            return;
        }

        if (verdict.Verdict == Verdict.Approve)
        {
            var site = new Site(app.Id, "application", app.Location.Coordinate, app.Type, app.HeightM, rules.Class(app.Type)?.MaxTenants, [app.Operator]);
            siteById.TryAdd(site.Id, site);
            var key = Cell(site.At);
            if (!addedSites.TryGetValue(key, out var list))
            {
                addedSites[key] = list = [];
            }

            list.Add(site);
        }
        else if (verdict.Verdict == Verdict.Share && verdict.TowerId is { } id && siteById.TryGetValue(id, out var shared))
        {
            shared.AddTenant(app.Operator);
        }
    }

    /// <summary>Judges and commits.</summary>
    public ApplicationVerdict Appraise(ApplicationEntry entry)
    {
        var verdict = Judge(entry);
        Commit(verdict);
        return verdict;
    }

    private static (Verdict, string?) Decide(List<ApprovalCheck> checks, bool newTower, Site? chosen, string? named, string? nearestMustShare)
    {
        bool Failed(string code) => checks.Any(k => k.Code == code && k.Failed);
        if (Failed(ApprovalCodes.OutsideProvince))
        {
            return (Verdict.Reject, null);
        }

        if (!newTower)
        {
            return Failed(ApprovalCodes.MissingTower) || Failed(ApprovalCodes.SharedTowerFar) ? (Verdict.Reject, null)
                : Failed(ApprovalCodes.TowerFull) ? (Verdict.Refer, named)
                : (Verdict.Share, named);
        }

        var hardRuleFailed = Failed(ApprovalCodes.NoTowerZone) || Failed(ApprovalCodes.ZoneClassNotAllowed) || Failed(ApprovalCodes.HeightLimit) || Failed(ApprovalCodes.NotInPlan);
        if (Failed(ApprovalCodes.MustShare))
        {
            return chosen is not null ? (Verdict.Share, chosen.Id)
                : hardRuleFailed ? (Verdict.Reject, null)
                : (Verdict.Refer, nearestMustShare);
        }

        return hardRuleFailed || Failed(ApprovalCodes.SpacingTooClose) ? (Verdict.Reject, null) : (Verdict.Approve, null);
    }

    private ApprovalCheck PlanCheckFor(TowerApplication app, Coordinate c, bool urban, bool newTower)
    {
        if (!newTower)
        {
            return new ApprovalCheck(ApprovalCodes.NotInPlan, false, true, [], "shares_named_tower");
        }

        if (plannedTree is null || rules.PlanToleranceM is not { } tolerance)
        {
            return new ApprovalCheck(ApprovalCodes.NotInPlan, false, true, [], PlanCheckNote);
        }

        // Plans position bulky towers; non-bulky (A1) columns are encouraged everywhere (Quảng Nam plan 2017–2020).
        if (rules.Class(app.Type) is { Bulky: false })
        {
            return new ApprovalCheck(ApprovalCodes.NotInPlan, false, true, [], "non_bulky_class");
        }

        var nearest = plannedTree.NearestNeighbour(new Envelope(c), new Tower(string.Empty, app.Location, null, null, null, TowerStatus.Planned, null), TowerDistance.Instance);
        var d = nearest.Location.Coordinate.Distance(c);
        var limit = tolerance.For(urban);
        var evidence = new CheckEvidence("planned_tower", nearest.Id)
        {
            X = nearest.Location.X,
            Y = nearest.Location.Y,
            DistanceM = d,
            LimitM = limit,
            TowerClass = nearest.Type,
            HeightM = nearest.HeightM,
        };
        return new ApprovalCheck(ApprovalCodes.NotInPlan, true, d <= limit, [evidence]);
    }

    /// <summary>Network sites within the search radius, nearest first (ties by id).</summary>
    private List<(Site Site, double DistanceM)> Nearby(Coordinate c)
    {
        var env = new Envelope(c);
        env.ExpandBy(searchM);
        var found = new List<(Site, double)>();
        foreach (var site in siteTree.Query(env))
        {
            if (site.At.Distance(c) is var d && d <= searchM)
            {
                found.Add((site, d));
            }
        }

        var (cx, cy) = Cell(c);
        for (var i = cx - 1; i <= cx + 1; i++)
        {
            for (var j = cy - 1; j <= cy + 1; j++)
            {
                if (addedSites.TryGetValue((i, j), out var list))
                {
                    foreach (var site in list)
                    {
                        if (site.At.Distance(c) is var d && d <= searchM)
                        {
                            found.Add((site, d));
                        }
                    }
                }
            }
        }

        found.Sort((a, b) => a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : string.CompareOrdinal(a.Item1.Id, b.Item1.Id));
        return found;
    }

    private (long, long) Cell(Coordinate c) => ((long)Math.Floor(c.X / searchM), (long)Math.Floor(c.Y / searchM));

    private bool Urban(Site site) => site.Urban ??= urbanArea.IsUrban(site.At);

    private CheckEvidence SiteEvidence(Site site, double distanceM, double? limitM, string applicant)
    {
        var operators = site.Operators;
        return new CheckEvidence(site.Kind, site.Id)
        {
            X = site.At.X,
            Y = site.At.Y,
            DistanceM = distanceM,
            LimitM = limitM,
            TowerClass = site.Class,
            HeightM = site.HeightM,
            Urban = Urban(site),
            Tenants = operators.Count,
            MaxTenants = site.MaxTenants,
            Operators = operators,
            CanShare = operators.Contains(applicant) || site.MaxTenants is not { } max || operators.Count < max,
        };
    }

    private static CheckEvidence UnitEvidence(AdminUnit unit) => new("unit", unit.Code) { Name = unit.Name };

    private static CheckEvidence ZoneEvidence(Zone zone) => new("zone", zone.Id) { Name = zone.Name, ZoneKind = zone.Kind };

    /// <summary>A place in the network: a tower, an inferred position or an approved application.</summary>
    private sealed class Site(string id, string kind, Coordinate at, string? cls, double? heightM, int? maxTenants, IReadOnlyList<string> operators)
    {
        private List<string>? tenants;

        public string Id { get; } = id;

        public string Kind { get; } = kind;

        public Coordinate At { get; } = at;

        public string? Class { get; } = cls;

        public double? HeightM { get; } = heightM;

        public int? MaxTenants { get; } = maxTenants;

        public bool? Urban { get; set; }

        public IReadOnlyList<string> Operators => tenants ?? operators;

        public void AddTenant(string op)
        {
            if (!Operators.Contains(op))
            {
                tenants = [.. Operators.Append(op).Order(StringComparer.Ordinal)];
            }
        }
    }

    private sealed class TowerDistance : IItemDistance<Envelope, Tower>
    {
        public static readonly TowerDistance Instance = new();

        public double Distance(IBoundable<Envelope, Tower> item1, IBoundable<Envelope, Tower> item2) =>
            item1.Item.Location.Coordinate.Distance(item2.Item.Location.Coordinate);
    }
}
