namespace SoTTTT.Core.Coverage;

/// <summary>Whether the coverage raster was built.</summary>
public enum RasterStatus
{
    /// <summary>Built: area covered and gap clusters are known.</summary>
    Built,

    /// <summary>No admin unit has a polygon, so there is no area to rasterise.</summary>
    NoPolygons,

    /// <summary>Not asked for.</summary>
    Off,
}
