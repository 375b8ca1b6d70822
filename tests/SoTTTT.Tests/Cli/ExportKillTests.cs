using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// Issue 13 item 4: <c>sotttt export</c> killed with SIGKILL at five moments of its run (the real program as a child
/// process, over about 10,000 rows of a synthetic province) never leaves half a file. Each file of <c>--out</c> is
/// either the one there before, byte for byte, or the complete new one; files the command does not write are
/// untouched; a GeoPackage written over an existing one is the old file intact or the complete new one, and a new one is
/// absent or complete. The next run deletes the killed run's temporary files and succeeds.
/// Kill moments are events seen from outside (a temporary file appears, target files are replaced, the temporary
/// GeoPackage reaches a size: of its 2.2 MB, SQLite writes about 0.5 MB in the 0.4 s before the commit, which writes
/// the rest at once); when the program finishes before the event (a fast machine), the run is tried again, up to three
/// times.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ExportKillTests
{
    private const int Attempts = 3;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private KillDatasets data = null!;

    private readonly Dictionary<string, Dictionary<string, byte[]>> oldFolders = [];

    private readonly Dictionary<string, Dictionary<string, byte[]>> newFolders = [];

    private string oldGpkg = null!;

    private string newGpkg = null!;

    private Dictionary<string, long> oldCounts = null!;

    private Dictionary<string, long> newCounts = null!;

    [OneTimeSetUp]
    public void CreateDatasetsAndReferenceOutputs()
    {
        data = new KillDatasets();
        foreach (var format in new[] { "geojson", "shp" })
        {
            oldFolders[format] = Export(data.Old, format);
            newFolders[format] = Export(data.New, format);
        }

        oldGpkg = Path.Combine(data.Scratch("old-gpkg"), "old.gpkg");
        newGpkg = Path.Combine(data.Scratch("new-gpkg"), "new.gpkg");
        Assert.That(CliRunner.Run("export", data.Old, "--to", "gpkg", "--out", oldGpkg, "--layers", KillDatasets.Layers).Exit, Is.Zero);
        Assert.That(CliRunner.Run("export", data.New, "--to", "gpkg", "--out", newGpkg, "--layers", KillDatasets.Layers).Exit, Is.Zero);
        oldCounts = RowCounts(oldGpkg);
        newCounts = RowCounts(newGpkg);
        Assert.That(oldCounts["bts"], Is.EqualTo(KillDatasets.OldBts));
        Assert.That(newCounts["bts"], Is.Not.EqualTo(oldCounts["bts"]));
    }

    [OneTimeTearDown]
    public void DeleteDatasets() => data.Dispose();

    [Test]
    public void Export_FolderKilled_LeavesOldOrCompleteNewFiles(
        [Values("geojson", "shp")] string format,
        [Values("loading", "first-temp", "first-replaced", "third-replaced", "two-thirds-replaced")] string moment)
    {
        var outFolder = data.Scratch(format);
        var old = oldFolders[format];
        var fresh = newFolders[format];
        var notes = Path.Combine(outFolder, "notes.txt");
        var oldTimes = new Dictionary<string, DateTime>();
        var killed = Attempt(
            () =>
            {
                foreach (var entry in Directory.GetFileSystemEntries(outFolder))
                {
                    DeleteEntry(entry);
                }

                foreach (var (name, bytes) in old)
                {
                    File.WriteAllBytes(Path.Combine(outFolder, name), bytes);
                    oldTimes[name] = File.GetLastWriteTimeUtc(Path.Combine(outFolder, name));
                }

                File.WriteAllText(notes, "the analyst's notes, not written by sotttt\n");
            },
            seconds => moment switch
            {
                "loading" => seconds >= 0.25,
                "first-temp" => TempEntries(outFolder).Any(),
                "first-replaced" => Replaced(outFolder, oldTimes) >= 1,
                "third-replaced" => Replaced(outFolder, oldTimes) >= fresh.Count / 3,
                _ => Replaced(outFolder, oldTimes) >= 2 * fresh.Count / 3,
            },
            "export", data.New, "--to", format, "--out", outFolder, "--layers", KillDatasets.Layers);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(notes), Is.EqualTo("the analyst's notes, not written by sotttt\n"), "a file the command does not write");
            foreach (var name in old.Keys)
            {
                Assert.That(File.Exists(Path.Combine(outFolder, name)), Is.True, $"{name} is still there ({killed})");
            }

            foreach (var path in Directory.GetFiles(outFolder).Where(p => !IsTemp(p) && p != notes))
            {
                var name = Path.GetFileName(path);
                var bytes = File.ReadAllBytes(path);
                var isOld = old.TryGetValue(name, out var o) && o.SequenceEqual(bytes);
                var isNew = fresh.TryGetValue(name, out var n) && n.SequenceEqual(bytes);
                Assert.That(isOld || isNew, Is.True, $"{name} ({bytes.Length} bytes) is neither the old file ({o?.Length}) nor the complete new one ({n?.Length}); {killed}");
            }
        });

        AssertNextRunCleansAndSucceeds(outFolder, fresh, notes, "export", data.New, "--to", format, "--out", outFolder, "--layers", KillDatasets.Layers);
    }

    [Test]
    public void Export_Gpkg_Killed_LeavesOldFileOrAbsentOrCompleteNewOne(
        [Values] bool existing,
        [Values("loading", "temp-created", "temp-128KiB", "temp-256KiB", "temp-384KiB")] string moment)
    {
        var folder = data.Scratch("gpkg");
        var target = Path.Combine(folder, "network.gpkg");
        var oldBytes = File.ReadAllBytes(oldGpkg);
        var killed = Attempt(
            () =>
            {
                foreach (var entry in Directory.GetFileSystemEntries(folder))
                {
                    DeleteEntry(entry);
                }

                if (existing)
                {
                    File.WriteAllBytes(target, oldBytes);
                }
            },
            seconds => moment switch
            {
                "loading" => seconds >= 0.25,
                "temp-created" => TempEntries(folder).Any(),
                _ => TempEntries(folder).Select(p => new FileInfo(p)).Any(f => f.Exists && f.Length >= int.Parse(moment[5..^3], CultureInfo.InvariantCulture) * 1024),
            },
            "export", data.New, "--to", "gpkg", "--out", target, "--layers", KillDatasets.Layers);

        if (!File.Exists(target))
        {
            Assert.That(existing, Is.False, $"the old GeoPackage is gone ({killed})");
        }
        else if (!(existing && File.ReadAllBytes(target).SequenceEqual(oldBytes)))
        {
            Assert.That(RowCounts(target), Is.EqualTo(newCounts), $"the GeoPackage is neither the old file nor the complete new one ({killed})");
        }

        var next = KillableCli.Run(Limit, "export", data.New, "--to", "gpkg", "--out", target, "--layers", KillDatasets.Layers);
        Assert.Multiple(() =>
        {
            Assert.That(next.Exit, Is.Zero, next.Stderr);
            Assert.That(TempEntries(folder), Is.Empty, "the killed run's temporary files are deleted");
            Assert.That(RowCounts(target), Is.EqualTo(newCounts));
        });
    }

    /// <summary>
    /// Resets the output, runs until <paramref name="killWhen"/> holds, and returns how the kill went; a run that
    /// finished before the moment is tried again (a faster machine), and after <see cref="Attempts"/> the test is inconclusive.
    /// </summary>
    private static string Attempt(Action reset, Func<double, bool> killWhen, params string[] args)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            reset();
            var outcome = KillableCli.RunUntil(killWhen, Limit, args);
            if (outcome.Killed)
            {
                TestContext.Out.WriteLine($"{string.Join(' ', args.Take(4))}: killed after {outcome.Seconds:F2} s, attempt {attempt}");
                return $"killed after {outcome.Seconds:F2} s, attempt {attempt}";
            }

            Assert.That(outcome.Exit, Is.Zero, outcome.Stderr);
        }

        Assert.Inconclusive($"sotttt finished before the kill moment in {Attempts} attempts");
        return string.Empty;
    }

    private static void AssertNextRunCleansAndSucceeds(string outFolder, Dictionary<string, byte[]> fresh, string notes, params string[] args)
    {
        var outcome = KillableCli.Run(Limit, args);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Exit, Is.Zero, outcome.Stderr);
            Assert.That(TempEntries(outFolder), Is.Empty, "the killed run's temporary files and folders are deleted");
            foreach (var (name, bytes) in fresh)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(outFolder, name)), Is.EqualTo(bytes), name);
            }

            Assert.That(File.Exists(notes), Is.True);
        });
    }

    private Dictionary<string, byte[]> Export(string dataset, string format)
    {
        var folder = data.Scratch(format + "-reference");
        var (exit, _, error) = CliRunner.Run("export", dataset, "--to", format, "--out", folder, "--layers", KillDatasets.Layers);
        Assert.That(exit, Is.Zero, error);
        return Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
    }

    /// <summary>Rows per table of a GeoPackage, after SQLite's integrity check.</summary>
    private static Dictionary<string, long> RowCounts(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            Assert.That(check.ExecuteScalar(), Is.EqualTo("ok"), path);
        }

        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM gpkg_contents ORDER BY table_name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }

        return counts;
    }

    private static int Replaced(string folder, Dictionary<string, DateTime> oldTimes) =>
        oldTimes.Count(t => File.GetLastWriteTimeUtc(Path.Combine(folder, t.Key)) != t.Value);

    private static bool IsTemp(string path) => TempName().IsMatch(Path.GetFileName(path));

    private static IEnumerable<string> TempEntries(string folder) => Directory.GetFileSystemEntries(folder).Where(IsTemp);

    private static void DeleteEntry(string entry)
    {
        if (Directory.Exists(entry))
        {
            Directory.Delete(entry, recursive: true);
        }
        else
        {
            File.Delete(entry);
        }
    }

    [GeneratedRegex(@"^\..+\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
