using SoTTTT.IO.Layers;
using SoTTTT.IO.Maps;

namespace SoTTTT.Cli.Viewer;

/// <summary>
/// The one composition point of map layer providers, shared by the web viewer and the static SVG maps. A layer declared
/// in <c>maps/layers.json</c> without a provider here is shown as unavailable. A new analysis adds its layers with one
/// <see cref="Register"/> call each in <see cref="Default"/>, producing the attributes the declaration lists (see
/// <c>maps/README.md</c>), for example:
/// <code>
/// sources.Register(new("plan_positions", c => c.Dataset.Settlements.Count > 0, c => PlanLayers.BuildPositions(c.Dataset, c.Plan!)));
/// </code>
/// </summary>
internal sealed class MapLayerSources
{
    private readonly Dictionary<string, MapLayerProvider> providers = new(StringComparer.Ordinal);

    /// <summary>Input layers, postal access, sharing and approval layers.</summary>
    public static MapLayerSources Default()
    {
        var sources = new MapLayerSources();
        foreach (var input in DatasetLayers.Sources)
        {
            sources.Register(new(input.Name, c => input.AppliesTo(c.Dataset), c => input.Build(c.Dataset)));
        }

        sources.Register(new(PostalAccessLayers.Access, HasPostalAccess, c => PostalAccessLayers.Points(c.Dataset, c.PostalAccess)));
        sources.Register(new(PostalAccessLayers.Links, HasPostalAccess, c => PostalAccessLayers.Lines(c.Dataset, c.PostalAccess)));

        // The sharing and coverage result layers are the export's (one builder, one analysis run per dataset).
        foreach (var result in SharingLayers.Sources.Concat(CoverageLayers.Sources))
        {
            sources.Register(new(result.Name, c => result.AppliesTo(c.Dataset), c => result.Build(c.Dataset)));
        }

        sources.Register(new(ApprovalLayers.Applications, c => c.HasApplications, c => ApprovalLayers.ApplicationTable(c.Dataset, c.Approval?.Verdicts ?? []), NeedsDataset: false));
        sources.Register(new(ApprovalLayers.Evidence, c => c.HasApplications, c => ApprovalLayers.EvidenceTable(c.Dataset, c.Approval?.Verdicts ?? []), NeedsDataset: false));

        // The plan runs once per dataset (default targets), only when a plan layer is drawn.
        sources.Register(new(PlanLayers.Positions, c => c.Dataset.Settlements.Count > 0, c => PlanLayers.BuildPositions(c.Dataset, c.Plan!, includeKept: false)));
        sources.Register(new(PlanLayers.Fibre, c => c.Dataset.Settlements.Count > 0, c => PlanLayers.BuildFibre(c.Dataset, c.Plan!)));
        return sources;
    }

    /// <summary>Adds a provider, replacing one of the same name.</summary>
    public void Register(MapLayerProvider provider) => providers[provider.Name] = provider;

    public IReadOnlyCollection<string> Names => providers.Keys;

    /// <summary>
    /// Whether the layer may be available without loading a deferred dataset: its provider says so when it can answer
    /// without the dataset, else it is assumed available until the dataset is loaded.
    /// </summary>
    public bool MayBeAvailable(string layer, MapDataContext context) =>
        providers.TryGetValue(layer, out var p) && (context.IsLoaded || !p.NeedsDataset ? p.AppliesTo(context) : true);

    /// <summary>Whether the layer has a provider and the dataset has what it needs.</summary>
    public bool IsAvailable(string layer, MapDataContext context) => providers.TryGetValue(layer, out var p) && p.AppliesTo(context);

    /// <summary>The layer's features; null when it is not available.</summary>
    public FeatureTable? Build(string layer, MapDataContext context) => IsAvailable(layer, context) ? providers[layer].Build(context) : null;

    private static bool HasPostalAccess(MapDataContext c) => c.Dataset.Settlements.Count > 0 && c.Dataset.PostalPoints.Count > 0;

}
