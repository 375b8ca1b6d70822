using SoTTTT.Core.Model;

namespace SoTTTT.Core.Planning;

/// <summary>
/// What the passive-infrastructure plan must reach (<c>--targets FILE</c>, README "plan"); every value has a documented
/// default (<see cref="Default"/>). Period and outlook follow DOMAIN.md ("a five-year plan with a 5–10-year
/// orientation, e.g. to 2030 with orientation to 2035, with phases").
/// </summary>
/// <param name="FromYear">First year of the plan period (default 2026).</param>
/// <param name="ToYear">Last year of the plan period (default 2030).</param>
/// <param name="OutlookYear">Last year of the orientation (định hướng, default 2035).</param>
/// <param name="Phases">Phases in order (default 2026–2027 and 2028–2030 with half of the new positions each, then 2031–2035 as orientation without limit).</param>
/// <param name="Coverage">Coverage targets (default 4G in every reachable village).</param>
public sealed record PlanTargets(int FromYear, int ToYear, int OutlookYear, IReadOnlyList<PlanPhase> Phases, IReadOnlyList<CoverageTarget> Coverage)
{
    /// <summary>The documented defaults.</summary>
    public static PlanTargets Default { get; } = new(
        2026,
        2030,
        2035,
        [new PlanPhase(1, 2026, 2027, null, 50), new PlanPhase(2, 2028, 2030, null, 50), new PlanPhase(3, 2031, 2035, null, null, Orientation: true)],
        [new CoverageTarget(Technology.G4, null)]);

    /// <summary>Communes (or districts: every commune under them) of universal-service areas, served first (default none).</summary>
    public IReadOnlyList<string> RemoteCommunes { get; init; } = [];

    /// <summary>Weight of a remote commune's people in the phase order (maximal coverage), × (default 3).</summary>
    public double RemoteWeight { get; init; } = 3;

    /// <summary>Operators a new position is built for at least, capacity permitting (default 2: DOMAIN.md "a shared position serves 2 to 4 operators").</summary>
    public int MinOperators { get; init; } = 2;

    /// <summary>Fibre targets.</summary>
    public FibreTargets Fibre { get; init; } = new();

    /// <summary>
    /// Share of the urban aerial cable to put underground (sharing's undergrounding list) by the end of each phase,
    /// cumulative %, one figure per phase (default 50, 100, 100: DOMAIN.md cites plans with "100 % on new or renovated
    /// urban roads, 90 % of city cable by a year"). Missing figures repeat the last.
    /// </summary>
    public IReadOnlyList<double> UndergroundPctByPhase { get; init; } = [50, 100, 100];

    /// <summary>Phase in which towers their zone no longer allows are converted (default 1).</summary>
    public int ConvertPhase { get; init; } = 1;

    /// <summary>Phase in which single-operator positions that should share are consolidated (default 2).</summary>
    public int ConsolidatePhase { get; init; } = 2;

    /// <summary>Spacing of the grid of candidate positions over uncovered areas, m (default 250 m).</summary>
    public double GridM { get; init; } = 250;

    /// <summary>A new position in the countryside (default A2b ground tower, 40 m: rural towers "where coverage must reach far").</summary>
    public TowerDesign Rural { get; init; } = new("A2b", 40);

    /// <summary>A new position in an urban area (default A2a rooftop / urban tower, 15 m: the lower spacing band of DOMAIN.md's table).</summary>
    public TowerDesign Urban { get; init; } = new("A2a", 15);

    /// <summary>A new position where only non-bulky towers are allowed (<c>a1_only</c>, <c>no_new_bulky</c>; default A1b, 15 m: a column on a 4-storey building).</summary>
    public TowerDesign NonBulky { get; init; } = new("A1b", 15);

    /// <summary>Relative costs of candidates.</summary>
    public PlanCosts Costs { get; init; } = new();

    /// <summary>Whether existing towers with spare capacity are candidates (default true).</summary>
    public bool ShareExistingTowers { get; init; } = true;

    /// <summary>Whether commune post-culture points and commune offices are candidates (default true).</summary>
    public bool UsePublicSites { get; init; } = true;

    /// <summary>The phase that follows another, or the last.</summary>
    public PlanPhase Phase(int number) => Phases.FirstOrDefault(p => p.Number == number) ?? Phases[^1];
}
