namespace SoTTTT.Core.Indicators;

/// <summary>How a fibre route's length is shared among the units it crosses (<c>indicators --fibre-split</c>).</summary>
public enum FibreSplit
{
    /// <summary>Each segment whole to the unit of its midpoint (the default: a segment crossing a boundary counts on one side).</summary>
    Midpoint,

    /// <summary>
    /// Each segment cut where it crosses a unit's edge, each piece to the unit of its own midpoint: the overlay of the
    /// routes on the units (what PostGIS's <c>ST_Intersection</c> of route and polygon measures), with the locator's rules
    /// for pieces outside every polygon.
    /// </summary>
    Exact,
}
