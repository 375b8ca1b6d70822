using NetTopologySuite.Geometries;

namespace SoTTTT.Cli.Viewer;

/// <summary>One answer of <see cref="LayerIndex.Query(Envelope?, int, int)"/>.</summary>
/// <param name="Features">Feature indices in feature order, with the geometry to send (WGS84).</param>
/// <param name="Total">Features meeting the bbox before any thinning.</param>
/// <param name="Zoom">The zoom the geometries were prepared for: the one asked, lowered when the bbox spans more than
/// <see cref="LayerIndex.MaxPixelsAcross"/> pixels at it (a screen never shows more).</param>
/// <param name="Limited">True when the feature cap thinned the answer beyond the zoom's own thinning (points on a
/// coarser grid, the smallest lines and polygons left out).</param>
/// <param name="CellPixels">Grid the points were thinned on, in pixels at <paramref name="Zoom"/> (0 when not thinned).</param>
internal sealed record LayerQuery(IReadOnlyList<(int Index, Geometry Geometry)> Features, int Total, int Zoom, bool Limited, double CellPixels);
