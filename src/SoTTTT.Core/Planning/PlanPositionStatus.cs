namespace SoTTTT.Core.Planning;

/// <summary>What the plan does with a tower position.</summary>
public enum PlanPositionStatus
{
    /// <summary>A new shared position to build.</summary>
    New,

    /// <summary>An existing tower that takes new tenants (BTS of operators that lack coverage there).</summary>
    Share,

    /// <summary>An existing position kept as it is.</summary>
    Keep,

    /// <summary>An existing tower its zone no longer allows, to convert (class or height), from <c>sharing</c>'s towers to convert.</summary>
    Convert,

    /// <summary>An existing position to remove: its operators move to a shared tower nearby, or its zone allows no tower.</summary>
    Remove,
}
