namespace SoTTTT.Core.Approval;

/// <summary>
/// One thing a check looked at: a tower, an inferred position, an application approved earlier in the batch, a planned
/// position, a zone, an admin unit, or (for invalid rows) a validation problem. Only the fields that matter for the
/// check are set. Distances in metres, coordinates in the analysis CRS.
/// </summary>
/// <param name="Kind"><c>tower</c>, <c>position</c>, <c>application</c>, <c>planned_tower</c>, <c>zone</c>, <c>unit</c> or <c>problem</c>.</param>
/// <param name="Id">Its id (tower, position, application, zone id, unit code; the column for a problem).</param>
public sealed record CheckEvidence(string Kind, string Id)
{
    public string? Name { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    /// <summary>Distance from the site, metres.</summary>
    public double? DistanceM { get; init; }

    /// <summary>The distance limit that applied to this item, metres.</summary>
    public double? LimitM { get; init; }

    public string? TowerClass { get; init; }

    public double? HeightM { get; init; }

    /// <summary>The <c>max_height_m</c> of a height-limit zone.</summary>
    public double? MaxHeightM { get; init; }

    public string? ZoneKind { get; init; }

    /// <summary>Whether the item stands in an urban area.</summary>
    public bool? Urban { get; init; }

    public int? Tenants { get; init; }

    /// <summary>Capacity of a tower; null when neither the tower nor its class says.</summary>
    public int? MaxTenants { get; init; }

    public IReadOnlyList<string>? Operators { get; init; }

    /// <summary>Whether the tower can take the applicant (already a tenant, or spare capacity, or capacity unknown).</summary>
    public bool? CanShare { get; init; }

    /// <summary>The message of a validation problem.</summary>
    public string? Message { get; init; }
}
