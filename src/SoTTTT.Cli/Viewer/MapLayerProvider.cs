using SoTTTT.IO.Layers;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// The data behind one declared map layer (<c>maps/layers.json</c>): whether the dataset has what it needs, and the
/// features, whose attributes must include the layer's declared <c>attributes</c>. Geometries in the dataset's analysis
/// CRS; the viewer converts to WGS84 and the SVG renderer draws them as they are. <paramref name="NeedsDataset"/> is false
/// when <paramref name="AppliesTo"/> can answer without the dataset in memory.
/// </summary>
internal sealed record MapLayerProvider(string Name, Func<MapDataContext, bool> AppliesTo, Func<MapDataContext, FeatureTable> Build, bool NeedsDataset = true);
