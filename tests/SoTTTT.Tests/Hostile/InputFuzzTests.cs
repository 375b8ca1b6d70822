using System.Diagnostics;
using System.Text;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Hostile;

/// <summary>
/// Issue 13, item 3: a bounded, deterministic fuzz test. Valid files of the corpus's base dataset — CSV layers (with
/// WKT), the same dataset as GeoJSON, a BTS workbook (.xlsx) and a GeoPackage — are mutated at random (seeded: the
/// same mutations on every run) and loaded through the real command line (<c>sotttt indicators</c>); each run must
/// end in exit 0 or 2, never an unhandled exception. A failure names the mutation so it can be replayed.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class InputFuzzTests
{
    /// <summary>Mutations per kind of input; 300 in all.</summary>
    private const int CsvMutations = 70;
    private const int WktMutations = 40;
    private const int GeoJsonMutations = 70;
    private const int XlsxMutations = 50;
    private const int GpkgMutations = 70;

    private const int Seed = 13;

    /// <summary>
    /// <c>SOTTTT_FUZZ_ROUNDS=N</c> runs N rounds of 300 mutations with other seeds (a deeper search on demand); CI runs
    /// the one round of seed 13.
    /// </summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("SOTTTT_FUZZ_ROUNDS"), out var r) && r > 0 ? r : 1;

    private static readonly string[] Tokens =
    [
        "NaN", "Infinity", "-Infinity", "1e999", "-1e308", "1e300", "9223372036854775807", "-0", "", "\"", "\"\"", ",", ";",
        "\n", "\r\n", "\t", "{", "}", "[", "]", ":", "null", "true", "\0", "\u001b[2J", "\u202e", "\uFFFD", "ÿ", "POINT EMPTY",
        "LINESTRING(1 2)", "POLYGON((0 0, 1 0, 0 0))", "(", ")", "0x7f", "-999999999", "2317000", "106.3", "20.9", "e", ".",
    ];

    private static readonly string[] CsvLayers = ["admin_units.csv", "settlements.csv", "postal_points.csv", "towers.csv", "bts.csv", "fibre_routes.csv"];

    [Test]
    public void Fuzz_MutatedInputs_ExitZeroOrTwo()
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<int, int>();
        var failures = new List<string>();
        var geojson = GeoJsonBase();
        var gpkg = HostileFiles.Gpkg();
        var xlsxRows = HostileFiles.CsvRows("bts.csv");
        var index = 0;
        for (var round = 0; round < Rounds; round++)
        {
            FuzzRound(ref index);
        }

        clock.Stop();
        TestContext.Out.WriteLine($"{index} mutations in {clock.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"exit {o.Key} × {o.Value}")));
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
        Assert.That(index, Is.EqualTo(300 * Rounds));

        void FuzzRound(ref int index)
        {
            for (var i = 0; i < CsvMutations; i++, index++)
            {
                var random = new Random(Seed * 1000 + index);
                var file = CsvLayers[random.Next(CsvLayers.Length)];
                Run(index, $"csv {file}", ds => Mutate(ds, file, random, HostileFiles.BaseFolder));
            }

            for (var i = 0; i < WktMutations; i++, index++)
            {
                var random = new Random(Seed * 1000 + index);
                var file = random.Next(2) == 0 ? "admin_units.csv" : "fibre_routes.csv";
                Run(index, $"wkt {file}", ds => MutateWkt(ds, file, random));
            }

            for (var i = 0; i < GeoJsonMutations; i++, index++)
            {
                var random = new Random(Seed * 1000 + index);
                var files = Directory.GetFiles(geojson, "*.geojson").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
                var file = files[random.Next(files.Length)]!;
                Run(index, $"geojson {file}", ds =>
                {
                    CopyFolder(geojson, ds);
                    Mutate(ds, file, random, geojson);
                });
            }

            for (var i = 0; i < XlsxMutations; i++, index++)
            {
                var random = new Random(Seed * 1000 + index);
                Run(index, "xlsx bts.xlsx", ds =>
                {
                    File.Delete(Path.Combine(ds, "bts.csv"));
                    byte[] bytes;
                    if (random.Next(2) == 0)
                    {
                        // Inside the sheet: cells mutated, the container intact.
                        var rows = xlsxRows.Select(r => r.ToArray()).ToList();
                        for (var k = random.Next(1, 4); k > 0; k--)
                        {
                            var row = rows[random.Next(rows.Count)];
                            row[random.Next(row.Length)] = Tokens[random.Next(Tokens.Length)];
                        }

                        bytes = HostileFiles.Xlsx(rows);
                    }
                    else
                    {
                        bytes = MutateBytes(HostileFiles.Xlsx(xlsxRows), random);
                    }

                    File.WriteAllBytes(Path.Combine(ds, "bts.xlsx"), bytes);
                });
            }

            for (var i = 0; i < GpkgMutations; i++, index++)
            {
                var random = new Random(Seed * 1000 + index);
                Run(index, "gpkg", ds =>
                {
                    var path = Path.Combine(ds, "data.gpkg");
                    if (random.Next(2) == 0)
                    {
                        File.WriteAllBytes(path, MutateBytes(gpkg, random));
                    }
                    else
                    {
                        try
                        {
                            HostileFiles.GpkgWithSql(path, [GpkgStatement(random)]);
                        }
                        catch (Microsoft.Data.Sqlite.SqliteException)
                        {
                            // No such column in that table, or a constraint refused the value: damage bytes instead.
                            File.WriteAllBytes(path, MutateBytes(gpkg, random));
                        }
                    }
                }, gpkgArgument: true);
            }
        }

        void Run(int number, string what, Action<string> arrange, bool gpkgArgument = false)
        {
            using var ds = new TempDataset();
            foreach (var file in Directory.GetFiles(HostileFiles.BaseFolder))
            {
                File.Copy(file, Path.Combine(ds.Folder, Path.GetFileName(file)), overwrite: true);
            }

            arrange(ds.Folder);
            var description = $"mutation {number} ({what}, seed {Seed * 1000 + number})";

            var target = gpkgArgument ? Path.Combine(ds.Folder, "data.gpkg") : ds.Folder;
            var (exit, output, error) = CliRunner.Run("indicators", target, "--format", "csv");
            outcomes[exit] = outcomes.GetValueOrDefault(exit) + 1;
            var all = output + error;
            if (exit is not (0 or 2) || all.Contains("internal error", StringComparison.Ordinal) || all.Contains("Exception", StringComparison.Ordinal) || all.Contains("\n   at ", StringComparison.Ordinal))
            {
                // The input is kept for replay (and for the corpus, once fixed).
                var kept = Path.Combine(Path.GetTempPath(), "sotttt-fuzz-failures", $"mutation-{number}");
                Directory.CreateDirectory(kept);
                foreach (var file in Directory.GetFiles(ds.Folder))
                {
                    File.Copy(file, Path.Combine(kept, Path.GetFileName(file)), overwrite: true);
                }

                failures.Add($"{description}: exit {exit}, input kept in {kept}\n{error[..Math.Min(error.Length, 3000)]}");
            }
        }
    }

    /// <summary>The base dataset exported as GeoJSON (a folder that reads back as a dataset).</summary>
    private static string GeoJsonBase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-fuzz-geojson");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var (exit, _, error) = CliRunner.Run("export", HostileFiles.BaseFolder, "--to", "geojson", "--out", folder, "--layers", "admin_units,settlements,towers,bts,fibre_routes,postal_points");
        Assert.That(exit, Is.Zero, error);
        return folder;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(to))
        {
            File.Delete(file);
        }

        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    /// <summary>Replaces <paramref name="file"/> by a text- or byte-level mutation of its copy in <paramref name="source"/>.</summary>
    private static void Mutate(string ds, string file, Random random, string source)
    {
        var bytes = File.ReadAllBytes(Path.Combine(source, file));
        File.WriteAllBytes(Path.Combine(ds, file), random.Next(3) == 0 ? MutateBytes(bytes, random) : Encoding.UTF8.GetBytes(MutateText(Encoding.UTF8.GetString(bytes), random)));
    }

    /// <summary>Mutates only the numbers inside a WKT column: NaN, huge, negative, dropped or doubled coordinates.</summary>
    private static void MutateWkt(string ds, string file, Random random)
    {
        var text = File.ReadAllText(Path.Combine(HostileFiles.BaseFolder, file));
        var start = text.IndexOf('(', StringComparison.Ordinal);
        var numbers = System.Text.RegularExpressions.Regex.Matches(text[start..], @"-?\d+(\.\d+)?").Select(m => (m.Index + start, m.Length)).ToList();
        var builder = new StringBuilder(text);
        foreach (var (at, length) in numbers.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).OrderByDescending(n => n.Item1))
        {
            var replacement = random.Next(6) switch
            {
                0 => "NaN",
                1 => "1e" + random.Next(5, 400).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => "-" + builder.ToString(at, length),
                3 => string.Empty,
                4 => builder.ToString(at, length) + " " + builder.ToString(at, length),
                _ => Tokens[random.Next(Tokens.Length)],
            };
            builder.Remove(at, length).Insert(at, replacement);
        }

        File.WriteAllText(Path.Combine(ds, file), builder.ToString());
    }

    private static string MutateText(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var k = random.Next(1, 5); k > 0 && builder.Length > 0; k--)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 1:
                    builder.Remove(at, Math.Min(random.Next(1, 40), builder.Length - at));
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 200), builder.Length - at);
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
                case 3:
                    // A number where one stands, changed by orders of magnitude.
                    builder.Insert(at, random.Next(2) == 0 ? "9999999" : "-");
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }

    private static byte[] MutateBytes(byte[] bytes, Random random)
    {
        var result = bytes.ToArray();
        for (var k = random.Next(1, 9); k > 0; k--)
        {
            result[random.Next(result.Length)] = (byte)random.Next(256);
        }

        return random.Next(4) == 0 ? result[..random.Next(1, result.Length)] : result;
    }

    /// <summary>One UPDATE of a random column of a random layer table to a hostile value.</summary>
    private static string GpkgStatement(Random random)
    {
        string[] tables = ["admin_units", "settlements", "towers", "bts", "fibre_routes", "postal_points", "gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys"];
        string[] columns = ["geom", "id", "code", "population", "area_km2", "operator", "tech", "height_m", "x", "table_name", "srs_id", "column_name", "organization_coordsys_id", "wkt", "band_mhz"];
        string[] values = ["NULL", "'NaN'", "1e308", "-1", "9223372036854775807", "'POINT(106 21)'", "x'00'", "x'4750000100000000'", "''", "'bts'", "0", "4326", "'\u001b[2J'", "randomblob(64)", "zeroblob(1000)"];
        return $"UPDATE \"{tables[random.Next(tables.Length)]}\" SET \"{columns[random.Next(columns.Length)]}\" = {values[random.Next(values.Length)]}";
    }
}
