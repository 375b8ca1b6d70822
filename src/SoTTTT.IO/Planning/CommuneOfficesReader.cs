using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NetTopologySuite.Geometries;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Spatial;
using SoTTTT.Core.Validation;

namespace SoTTTT.IO.Planning;

/// <summary>
/// The commune offices (trụ sở UBND xã) the planner takes as public sites for candidate positions: rows of
/// <c>kind=commune_office</c> in the dataset folder's <c>public_sites.csv</c> (<c>id</c>, <c>kind</c>, optional
/// <c>commune_code</c>, <c>name</c>, and <c>lon,lat</c> in WGS84 or <c>x,y</c> in the dataset's <c>crs</c>). The dataset
/// contract names this layer but the loader does not read it yet, so the plan reads it here; other kinds are ignored.
/// </summary>
public static class CommuneOfficesReader
{
    public const string FileName = "public_sites.csv";

    public static (IReadOnlyList<(string Id, Point Location, string? CommuneCode)> Offices, IReadOnlyList<ValidationProblem> Problems) Read(string folder, CrsDefinition fileCrs, CrsDefinition analysisCrs)
    {
        var path = Path.Combine(folder, FileName);
        if (!Directory.Exists(folder) || !File.Exists(path))
        {
            return ([], []);
        }

        var fromLonLat = CoordinateTransformer.Create(CrsRegistry.Wgs84, analysisCrs);
        var fromXy = CoordinateTransformer.Create(fileCrs, analysisCrs);
        var factory = GeometryFactories.For(analysisCrs);
        var offices = new List<(string, Point, string?)>();
        var problems = new List<ValidationProblem>();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        var lonLat = header.Contains("lon") && header.Contains("lat");
        if (!header.Contains("id") || !header.Contains("kind") || !(lonLat || (header.Contains("x") && header.Contains("y"))))
        {
            return ([], [new ValidationProblem(ProblemCodes.MissingRequiredColumn, "public_sites.csv needs id, kind and lon,lat or x,y", FileName, 1, null, null)]);
        }

        var row = 1;
        while (csv.Read())
        {
            row++;
            if (!string.Equals(csv.GetField("kind"), "commune_office", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var id = csv.GetField("id") ?? string.Empty;
            var (a, b) = lonLat ? ("lon", "lat") : ("x", "y");
            if (!double.TryParse(csv.GetField(a), NumberStyles.Float, CultureInfo.InvariantCulture, out var u) || !double.TryParse(csv.GetField(b), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                problems.Add(new ValidationProblem(ProblemCodes.UnparsableNumber, "position must be numbers", FileName, row, a, id));
                continue;
            }

            var (x, y) = (lonLat ? fromLonLat : fromXy).Transform(u, v);
            var commune = header.Contains("commune_code") ? csv.GetField("commune_code") : null;
            offices.Add((id, factory.CreatePoint(new Coordinate(x, y)), string.IsNullOrEmpty(commune) ? null : commune));
        }

        return (offices, problems);
    }
}
