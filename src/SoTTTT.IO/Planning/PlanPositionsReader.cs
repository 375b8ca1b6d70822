using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Planning;
using SoTTTT.Core.Spatial;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Planning;

/// <summary>
/// Reads the new positions of a plan folder written by <c>plan --out</c> (<c>plan_positions.csv</c>, rows with
/// <c>status=new</c>; WGS84 <c>lon,lat</c> converted to the dataset's analysis CRS): the previous plan of a revision
/// (<c>plan --previous DIR</c>) and the province plan of <c>approve --plan DIR</c>.
/// </summary>
public static class PlanPositionsReader
{
    public const string FileName = "plan_positions.csv";

    /// <summary>The new positions of the plan in <paramref name="folder"/>, or the problems that stop reading it.</summary>
    public static (IReadOnlyList<PreviousPosition> Positions, IReadOnlyList<ValidationProblem> Problems) Read(string folder, CrsDefinition crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        var path = Directory.Exists(folder) ? Path.Combine(folder, FileName) : folder;
        if (!File.Exists(path))
        {
            return ([], [new ValidationProblem(ProblemCodes.SourceUnavailable, $"no {FileName} in '{folder}' (a folder written by sotttt plan --out)", FileName, null, null, null)]);
        }

        if (SafeFile.Refusal(path, SafeFile.TableLimitBytes, out var refusal) is { } why)
        {
            return ([], [new ValidationProblem(refusal, why, FileName, null, null, null)]);
        }

        var toCrs = CoordinateTransformer.Create(CrsRegistry.Wgs84, crs);
        var factory = GeometryFactories.For(crs);
        var positions = new List<PreviousPosition>();
        var problems = new List<ValidationProblem>();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null });
        csv.Read();
        csv.ReadHeader();
        foreach (var required in new[] { "id", "lon", "lat", "status" })
        {
            if (csv.HeaderRecord?.Contains(required) != true)
            {
                return ([], [new ValidationProblem(ProblemCodes.MissingRequiredColumn, $"column '{required}' is missing", FileName, 0, required, null)]);
            }
        }

        var row = 0;
        while (csv.Read())
        {
            row++;
            if (csv.GetField("status") != "new")
            {
                continue;
            }

            var id = csv.GetField("id") ?? string.Empty;
            if (!double.TryParse(csv.GetField("lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !double.TryParse(csv.GetField("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
            {
                problems.Add(new ValidationProblem(ProblemCodes.UnparsableNumber, "lon/lat must be numbers", FileName, row, "lon", id));
                continue;
            }

            var (x, y) = toCrs.Transform(lon, lat);
            double? height = double.TryParse(csv.GetField("height_m"), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ? h : null;
            int? phase = int.TryParse(csv.GetField("phase"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ph) ? ph : null;
            var type = csv.GetField("type");
            positions.Add(new PreviousPosition(id, factory.CreatePoint(new Coordinate(x, y)), string.IsNullOrEmpty(type) ? null : type, height, phase));
        }

        return (positions, problems);
    }

    /// <summary>The dataset with the plan's new positions as its planned towers (<c>status=planned</c>), replacing any planned towers it had.</summary>
    public static Dataset AsProvincePlan(Dataset dataset, IReadOnlyList<PreviousPosition> positions)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var towers = dataset.Towers.Where(t => t.Status != TowerStatus.Planned)
            .Concat(positions.Select(p => new Tower(p.Id, p.Location, null, p.Type, p.HeightM, TowerStatus.Planned, null)))
            .ToList();
        var layers = new HashSet<string>(dataset.Layers, StringComparer.Ordinal) { Dataset.LayerNames.Towers };
        return dataset with { Towers = towers, Layers = layers };
    }
}
