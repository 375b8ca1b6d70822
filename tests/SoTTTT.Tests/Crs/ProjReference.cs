using System.Globalization;

namespace SoTTTT.Tests.Crs;

/// <summary>One conversion computed by PROJ's cs2cs (Fixtures/Crs/proj_reference.csv).</summary>
internal sealed record ProjReferenceRow(int FromEpsg, int ToEpsg, double XIn, double YIn, double XOut, double YOut);

/// <summary>
/// Reads the committed PROJ reference conversions. Source: PROJ 9.1.1 cs2cs, EPSG transformation 6960,
/// commands in the CSV header and in Fixtures/Crs/generate.py.
/// </summary>
internal static class ProjReference
{
    public static IReadOnlyList<ProjReferenceRow> Rows { get; } = Load();

    /// <summary>Distinct (from, to) EPSG pairs of the fixture, in file order.</summary>
    public static IEnumerable<(int From, int To)> Pairs() => Rows.Select(r => (r.FromEpsg, r.ToEpsg)).Distinct();

    private static List<ProjReferenceRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Crs", "proj_reference.csv");
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("from,", StringComparison.Ordinal))
            .Select(line => line.Split(','))
            .Select(f => new ProjReferenceRow(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                int.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture),
                double.Parse(f[4], CultureInfo.InvariantCulture),
                double.Parse(f[5], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
