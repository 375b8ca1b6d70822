using NUnit.Framework;

namespace SoTTTT.Tests.Support;

/// <summary>
/// Two versions of one synthetic province for the kill tests, in a fresh temporary folder deleted on dispose:
/// <see cref="New"/> (<c>synth --profile province --seed 1</c>, about 10,000 rows) and <see cref="Old"/> (seed 2 with
/// only its first 1,000 BTS), so the outputs of the two differ in every layer and in row counts.
/// </summary>
internal sealed class KillDatasets : IDisposable
{
    /// <summary>The input layers the kill tests export (the result layers would only make each run longer).</summary>
    public const string Layers = "admin_units,settlements,towers,bts,fibre_routes,postal_points,zones";

    public const int OldBts = 1000;

    public KillDatasets()
    {
        Root = Path.Combine(Path.GetTempPath(), "sotttt-kill-" + Guid.NewGuid().ToString("N"));
        New = Path.Combine(Root, "new");
        Old = Path.Combine(Root, "old");
        Synth(New, "1");
        Synth(Old, "2");
        var bts = Path.Combine(Old, "bts.csv");
        File.WriteAllLines(bts, File.ReadLines(bts).Take(OldBts + 1).ToList());
    }

    public string Root { get; }

    public string New { get; }

    public string Old { get; }

    /// <summary>A fresh folder under <see cref="Root"/>.</summary>
    public string Scratch(string name)
    {
        var path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void Synth(string folder, string seed)
    {
        var (exit, _, error) = CliRunner.Run("synth", "--profile", "province", "--seed", seed, "--out", folder);
        Assert.That(exit, Is.Zero, error);
    }
}
