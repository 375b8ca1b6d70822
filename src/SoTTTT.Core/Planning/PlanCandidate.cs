using NetTopologySuite.Geometries;

namespace SoTTTT.Core.Planning;

/// <summary>A candidate position examined by the planner (internal working record).</summary>
internal sealed class PlanCandidate(string id, string source, Point location, string? type, double heightM, double cost, bool newTower, bool urban)
{
    public string Id { get; } = id;

    /// <summary><c>tower</c>, <c>commune_post_culture</c>, <c>commune_office</c>, <c>previous</c>, <c>grid</c>.</summary>
    public string Source { get; } = source;

    public Point Location { get; } = location;

    public string? Type { get; } = type;

    public double HeightM { get; } = heightM;

    public double Cost { get; } = cost;

    public bool NewTower { get; } = newTower;

    public bool Urban { get; } = urban;

    /// <summary>Existing tower: its operators and spare places.</summary>
    public IReadOnlyList<string> Tenants { get; init; } = [];

    public int Spare { get; init; }

    /// <summary>Target settlements covered, per technology index of the plan's technologies.</summary>
    public int[][] Covered { get; set; } = [];

    /// <summary>The first approval code that fails; null when allowed.</summary>
    public string? RejectCode { get; set; }

    public bool Allowed => RejectCode is null;

    /// <summary>Elements covered (indices into the plan's element list), ascending.</summary>
    public int[] Elements { get; set; } = [];

    public int SourceRank => Source switch
    {
        "tower" => 0,
        "previous" => 1,
        "commune_post_culture" => 2,
        "commune_office" => 3,
        _ => 4,
    };
}
