using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;

namespace SoTTTT.Core.Synthesis;

/// <summary>
/// Generates synthetic, deterministic datasets (same options and seed → same dataset) for the sample province and
/// for benchmarks. Everything is drawn from <see cref="Random"/> instances seeded from the seed, in a fixed order,
/// on one thread; nothing depends on hash codes, the clock or the culture. Geometries are in the metric analysis
/// CRS of the options (metres) and carry its EPSG code as SRID; points are rounded to the centimetre.
/// </summary>
public static class SyntheticDatasetGenerator
{
    /// <summary>Generates the default dataset of a profile (see <see cref="SynthOptions.ForProfile"/>).</summary>
    public static Dataset Generate(SynthProfile profile, int seed) => Generate(SynthOptions.ForProfile(profile), seed);

    /// <summary>Generates a dataset calibrated to <paramref name="options"/>.</summary>
    public static Dataset Generate(SynthOptions options, int seed) => GenerateSample(options, seed).Dataset;

    /// <summary>Generates the default dataset of a profile with its remote communes.</summary>
    public static SynthSample GenerateSample(SynthProfile profile, int seed) => GenerateSample(SynthOptions.ForProfile(profile), seed);

    /// <summary>
    /// Generates a dataset calibrated to <paramref name="options"/> with what the dataset model does not hold: the remote
    /// communes (mountain profile; empty for the others). The mountain profile's dataset carries its DEM
    /// (<see cref="Dataset.Dem"/>, to be written as <see cref="DemFileName"/>) and its public sites.
    /// </summary>
    public static SynthSample GenerateSample(SynthOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        var world = new SynthWorld(options, CrsRegistry.Parse(options.CrsName), seed);
        AdminBuilder.Build(world);
        if (world.IsMountain)
        {
            MountainRoads.Build(world);
        }
        else
        {
            RoadBuilder.Build(world);
        }

        SettlementPlacer.Place(world);
        ZonePlacer.Place(world);
        PostalPlacer.Place(world);
        if (world.IsMountain)
        {
            MountainNetworkPlacer.Place(world);
            MountainFibrePlacer.Place(world);
            PublicSitePlacer.Place(world);
        }
        else
        {
            TowerPlacer.Place(world);
            BtsPlacer.Place(world);
            FibrePlacer.Place(world);
            ReportLayerPlacer.Place(world);
        }

        var remote = world.IsMountain ? world.Communes.Where(c => c.Remote).Select(c => c.Code).Order(StringComparer.Ordinal).ToList() : [];
        return new SynthSample(ToDataset(world), remote);
    }

    /// <summary>The file name of the mountain profile's DEM inside the dataset folder (dataset.json <c>dem</c>).</summary>
    public const string DemFileName = "dem.tif";

    /// <summary>
    /// How the synthetic datasets are written: x/y and WKT in the analysis CRS (metres, as cadastral sources give
    /// them), towers and BTS as WGS84 lon/lat (as operators' lists give them).
    /// </summary>
    public static DatasetFileLayout DefaultFileLayout(SynthProfile profile) => new(
        CrsRegistry.Parse(SynthOptions.ForProfile(profile).CrsName),
        new SortedSet<string>(StringComparer.Ordinal) { Dataset.LayerNames.Towers, Dataset.LayerNames.Bts });

    /// <summary>The dataset of the world as it stands (the mountain profile's network calibration judges it too).</summary>
    internal static Dataset ToDataset(SynthWorld world)
    {
        var units = new List<AdminUnit>();
        if (!world.IsNational)
        {
            units.Add(new AdminUnit(
                world.Options.ProvinceCode,
                world.Options.ProvinceName,
                AdminLevel.Province,
                null,
                world.Options.AreaKm2,
                world.Communes.Sum(c => c.Population),
                false,
                world.Outline));
        }

        var regionLevel = world.IsNational ? AdminLevel.Province : AdminLevel.District;
        foreach (var region in world.Regions)
        {
            units.Add(new AdminUnit(
                region.Code,
                region.Name,
                regionLevel,
                world.IsNational ? null : world.Options.ProvinceCode,
                Math.Round(region.Boundary!.Area / 1e6, 2),
                region.Communes.Sum(c => c.Population),
                world.IsNational ? null : region.Kind is RegionKind.City or RegionKind.Town,
                region.Boundary));
        }

        // Official areas for the wards and for about one commune in eight; the rest come from the polygon.
        var random = world.StageRandom(SynthStage.Output);
        foreach (var commune in world.Communes)
        {
            var official = commune.Urban || random.Chance(0.12);
            units.Add(new AdminUnit(
                commune.Code,
                commune.Name,
                AdminLevel.Commune,
                commune.Region!.Code,
                official ? Math.Round(commune.Cell.Area / 1e6, 2) : null,
                commune.Population,
                commune.Urban,
                commune.Cell));
        }

        var settlements = world.Settlements
            .Select(s => new Settlement(s.Id, world.CreatePoint(s.Location), s.Name, s.Commune.Code, s.Population))
            .ToList();
        var layers = new SortedSet<string>(StringComparer.Ordinal)
        {
            Dataset.LayerNames.AdminUnits,
            Dataset.LayerNames.Settlements,
            Dataset.LayerNames.Towers,
            Dataset.LayerNames.Bts,
            Dataset.LayerNames.FibreRoutes,
            Dataset.LayerNames.PostalPoints,
            Dataset.LayerNames.Zones,
        };
        if (world.PublicSites.Count > 0)
        {
            layers.Add(Dataset.LayerNames.PublicSites);
        }

        if (world.Nodes.Count > 0)
        {
            layers.Add(Dataset.LayerNames.Nodes);
        }

        if (world.Subscribers.Count > 0)
        {
            layers.Add(Dataset.LayerNames.Subscribers);
        }

        var dataset = new Dataset(
            world.Options.Name,
            world.Crs,
            units,
            settlements,
            world.Towers,
            world.Bts,
            world.FibreRoutes,
            world.PostalPoints,
            world.Zones,
            layers)
        {
            PublicSites = world.PublicSites,
            Nodes = world.Nodes,
            Subscribers = world.Subscribers,
            Date = world.Subscribers.Count > 0 ? ReportLayerPlacer.SnapshotDate : null,
        };
        return world.Terrain is { } terrain ? dataset with { Dem = terrain.Dem, DemSource = DemFileName } : dataset;
    }
}
