namespace SoTTTT.Core.Approval;

/// <summary>
/// Stable codes of the approval checks, in the order every verdict lists them. Tests, reports and other tools match on
/// these, never on wording. Invalid application rows carry the loader's codes instead (<see cref="Validation.ProblemCodes"/>).
/// </summary>
public static class ApprovalCodes
{
    /// <summary>The site lies outside every admin polygon of the dataset (not the province's to decide).</summary>
    public const string OutsideProvince = "OUTSIDE_PROVINCE";

    /// <summary>The site lies in a <c>no_tower</c> zone.</summary>
    public const string NoTowerZone = "NO_TOWER_ZONE";

    /// <summary>A bulky class in an <c>a1_only</c> or <c>no_new_bulky</c> zone.</summary>
    public const string ZoneClassNotAllowed = "ZONE_CLASS_NOT_ALLOWED";

    /// <summary>Taller than the <c>max_height_m</c> of a <c>height_limit</c> zone at the site.</summary>
    public const string HeightLimit = "HEIGHT_LIMIT";

    /// <summary>A bulky tower farther than the plan tolerance from every planned position (only when planned towers exist).</summary>
    public const string NotInPlan = "NOT_IN_PLAN";

    /// <summary>Closer to an existing (or earlier approved) tower than the minimum spacing of the two classes.</summary>
    public const string SpacingTooClose = "SPACING_TOO_CLOSE";

    /// <summary>An existing (or earlier approved) tower stands within the must-share distance: share it instead.</summary>
    public const string MustShare = "MUST_SHARE";

    /// <summary><c>shares_tower_id</c> names a tower that is neither in the dataset nor approved earlier in the batch.</summary>
    public const string MissingTower = "MISSING_TOWER";

    /// <summary>The site stands farther than the co-location distance from the tower it says it shares.</summary>
    public const string SharedTowerFar = "SHARED_TOWER_FAR";

    /// <summary>The tower to share already carries its <c>max_tenants</c> operators.</summary>
    public const string TowerFull = "TOWER_FULL";

    /// <summary>Every check code, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OutsideProvince, NoTowerZone, ZoneClassNotAllowed, HeightLimit, NotInPlan, SpacingTooClose, MustShare,
        MissingTower, SharedTowerFar, TowerFull,
    ];
}
