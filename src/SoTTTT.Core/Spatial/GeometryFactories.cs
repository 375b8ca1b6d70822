using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;

namespace SoTTTT.Core.Spatial;

/// <summary>One geometry factory per CRS, so every geometry carries its CRS's SRID (EPSG code, 0 when none).</summary>
public static class GeometryFactories
{
    private static readonly ConcurrentDictionary<string, GeometryFactory> Factories = new(StringComparer.Ordinal);

    public static GeometryFactory For(CrsDefinition crs) =>
        Factories.GetOrAdd(crs.Name, _ => new GeometryFactory(new PrecisionModel(), crs.Epsg ?? 0));
}
