using SoTTTT.Core.Model;

namespace SoTTTT.Core.Rules;

/// <summary>
/// Province-specific settings from <c>rules.json</c>. Every value has a documented default and source
/// (DOMAIN.md, README "rules.json"); a province overrides what its plan says differently. Distances are metres
/// in the analysis CRS.
/// </summary>
/// <param name="TowerClasses">
/// Tower classes of the provincial plan with <see cref="TowerClass.Bulky"/> and <see cref="TowerClass.MaxTenants"/>
/// (default <see cref="DefaultTowerClasses"/>).
/// </param>
/// <param name="FibreReachM">
/// Distance in metres within which a fibre route counts as reaching a commune centre or settlement
/// (default 500 m: a drop cable span a local operator builds without a new route).
/// </param>
/// <param name="CoLocationM">
/// BTS without a declared tower that stand within this many metres of a tower, or of each other, share
/// one tower position; a BTS farther than this from its declared tower is a validation problem (default 20 m).
/// </param>
public sealed record ProvinceRules(IReadOnlyList<TowerClass> TowerClasses, double FibreReachM, double CoLocationM)
{
    /// <summary>
    /// Default classes: A1, A1a, A1b non-bulky with 2 tenants; A2, A2a bulky with 3; A2b, A2c bulky with 4. Bulky
    /// or not follows DOMAIN.md (A1 non-bulky, A2 bulky; Circular 15/2016/TTLT-BTTTT-BXD). The tenant counts are an
    /// assumption inside DOMAIN.md's "a shared position serves 2 to 4 operators" (rooftop columns carry fewer);
    /// set the plan's own figures in rules.json.
    /// </summary>
    public static IReadOnlyList<TowerClass> DefaultTowerClasses { get; } =
    [
        new("A1", false, 2),
        new("A1a", false, 2),
        new("A1b", false, 2),
        new("A2", true, 3),
        new("A2a", true, 3),
        new("A2b", true, 4),
        new("A2c", true, 4),
    ];

    /// <summary>
    /// Default minimum spacing (DOMAIN.md, from the Quảng Nam passive-infrastructure plan 2017–2020, orientation
    /// 2025): A2a ≤ 15 m 150 / 200 m, A2a &gt; 15 m 200 / 350 m, A2b 300 m urban; the A2b non-urban figure is
    /// left to the province there, 500 m here unless set. Other classes have no row, so no spacing rule.
    /// </summary>
    public static IReadOnlyList<SpacingRule> DefaultMinSpacing { get; } =
    [
        new("A2a", null, 15, new DistancePair(150, 200)),
        new("A2a", 15, null, new DistancePair(200, 350)),
        new("A2b", null, null, new DistancePair(300, 500)),
    ];

    /// <summary>The defaults used when a dataset has no rules.json.</summary>
    public static ProvinceRules Default { get; } = new(DefaultTowerClasses, 500, 20);

    /// <summary>
    /// A new tower closer than this to an existing tower must share it instead, unless the tower cannot take it
    /// (then the case goes to the provincial authority). Default 100 m urban / 400 m non-urban (DOMAIN.md,
    /// must-share rules of provincial plans).
    /// </summary>
    public DistancePair MustShareM { get; init; } = new(100, 400);

    /// <summary>Minimum spacing between towers by class, height band and area (default <see cref="DefaultMinSpacing"/>).</summary>
    public IReadOnlyList<SpacingRule> MinSpacing { get; init; } = DefaultMinSpacing;

    /// <summary>
    /// How far a new tower may stand from the nearest planned position (towers with <c>status=planned</c>) and still
    /// conform to the plan (Telecommunications Law 2023: works must conform to the passive-infrastructure plan). The
    /// check applies only when the dataset has planned towers; null switches it off. No published tolerance was
    /// found: the default is the must-share distance (100 m urban / 400 m non-urban), the radius within which one
    /// position serves every operator.
    /// </summary>
    public DistancePair? PlanToleranceM { get; init; } = new(100, 400);

    /// <summary>
    /// Fibre routes of different operators closer than this count as running in one corridor, a shared-duct
    /// candidate (default 15 m: both sides of one road).
    /// </summary>
    public double DuctCorridorM { get; init; } = 15;

    /// <summary>Shortest stretch in one corridor worth reporting as a shared-duct candidate (default 200 m).</summary>
    public double DuctMinLengthM { get; init; } = 200;

    /// <summary>
    /// A point outside every polygon of the deepest admin level with polygons goes to the nearest unit of that level
    /// within this distance (slivers and coastlines that differ between levels; default
    /// <see cref="Spatial.UnitLocator.DefaultNearestUnitM"/> m; 0 switches it off). See <see cref="Spatial.UnitLocator"/>.
    /// </summary>
    public double NearestUnitM { get; init; } = Spatial.UnitLocator.DefaultNearestUnitM;

    /// <summary>Radio-coverage thresholds and BTS defaults (default <see cref="CoverageRules.Default"/>).</summary>
    public CoverageRules Coverage { get; init; } = CoverageRules.Default;

    /// <summary>The class of that name (exact, as canonicalised by the loader); null when unknown or not given.</summary>
    public TowerClass? Class(string? name)
    {
        if (name is null)
        {
            return null;
        }

        foreach (var c in TowerClasses)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The tower's own <c>max_tenants</c>, else its class's; null when neither is known.</summary>
    public int? MaxTenants(Tower tower) => tower.MaxTenants ?? Class(tower.Type)?.MaxTenants;

    /// <summary>
    /// Minimum spacing in metres a tower of this class and height keeps from others, or null when the class has
    /// no row. An unknown height takes the largest spacing of the class's bands.
    /// </summary>
    public double? MinSpacingM(string? towerClass, double? heightM, bool urban)
    {
        double? result = null;
        foreach (var rule in MinSpacing)
        {
            if (rule.Class == towerClass && rule.InBand(heightM))
            {
                var m = rule.Spacing.For(urban);
                result = result is { } r ? Math.Max(r, m) : m;
            }
        }

        return result;
    }

    /// <summary>
    /// Required distance between two towers: spacing applies when both classes have a row, and the larger of the
    /// two figures applies (the table does not say whose class governs; the stricter reading is taken). Null when
    /// no spacing rule applies to the pair.
    /// </summary>
    public double? RequiredSpacingM(string? classA, double? heightA, string? classB, double? heightB, bool urban) =>
        MinSpacingM(classA, heightA, urban) is { } a && MinSpacingM(classB, heightB, urban) is { } b ? Math.Max(a, b) : null;

    /// <summary>The largest spacing of any row: the search radius for spacing checks (0 without rows).</summary>
    public double MaxSpacingM => MinSpacing.Count == 0 ? 0 : MinSpacing.Max(r => r.Spacing.MaxM);
}
