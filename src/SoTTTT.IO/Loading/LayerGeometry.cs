namespace SoTTTT.IO.Loading;

/// <summary>How a layer's rows are positioned.</summary>
internal enum LayerGeometry
{
    /// <summary>lon,lat or x,y columns, or a GeoJSON Point.</summary>
    Point,

    /// <summary>A required wkt column or GeoJSON geometry.</summary>
    Shape,

    /// <summary>An optional wkt column or GeoJSON geometry.</summary>
    OptionalShape,

    /// <summary>No position: an attribute table (subscriber counts).</summary>
    None,
}
