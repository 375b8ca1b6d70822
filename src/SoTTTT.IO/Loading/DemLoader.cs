using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Terrain;
using SoTTTT.Core.Validation;
using SoTTTT.IO.Terrain;

namespace SoTTTT.IO.Loading;

/// <summary>
/// Reads the DEM a dataset names (dataset.json <c>dem</c>) and checks that it holds the network: every BTS and every
/// settlement must stand on a DEM pixel with data, else coverage would have to guess the ground (DOMAIN.md: missing
/// inputs fail loudly, never assume sea level). Problems name the layer, the row's id and the position in lon/lat.
/// </summary>
internal static class DemLoader
{
    public static LoadResult Attach(LoadResult loaded, string folder)
    {
        if (!loaded.Succeeded || loaded.Settings?.DemPath is not { } relative)
        {
            return loaded;
        }

        var dataset = loaded.Dataset!;
        var read = GeoTiffReader.Read(Path.Combine(folder, relative), relative);
        if (read.Grid is not { } dem)
        {
            return loaded with { Dataset = null, Problems = read.Problems };
        }

        var problems = new List<ValidationProblem>();
        var profiler = new TerrainProfiler(dem, dataset.Crs);
        var toWgs84 = CoordinateTransformer.Create(dataset.Crs, CrsRegistry.Wgs84);
        void Check(string layer, string id, NetTopologySuite.Geometries.Point p)
        {
            if (double.IsNaN(profiler.ElevationAt(p.X, p.Y)))
            {
                var (lon, lat) = toWgs84.Transform(p.X, p.Y);
                problems.Add(new ValidationProblem(
                    ProblemCodes.DemOutsideExtent,
                    $"{layer} {id} at lon {lon:F6}, lat {lat:F6} lies outside the DEM '{relative}' or on a pixel without data; coverage needs the ground there",
                    relative,
                    null,
                    null,
                    id));
            }
        }

        foreach (var b in dataset.Bts)
        {
            Check(Dataset.LayerNames.Bts, b.Id, b.Location);
        }

        foreach (var s in dataset.Settlements)
        {
            Check(Dataset.LayerNames.Settlements, s.Id, s.Location);
        }

        if (problems.Count > 0)
        {
            return loaded with { Dataset = null, Problems = problems };
        }

        return loaded with { Dataset = dataset with { Dem = dem, DemSource = relative } };
    }
}
