using System.Text.Json;
using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Hostile;

/// <summary>
/// Issue 13, item 3: every input of the hostile corpus (<c>Hostile/corpus/&lt;case&gt;/case.json</c> and the files beside
/// it) goes through the real command line and must end in exit 2 with a coded message that names where the problem is
/// (file, row, column as the case expects), never an unhandled exception, a stack trace or a raw control character.
/// A case starts from the corpus's base dataset (<c>_base</c>, a small province), lays its own files over it and may
/// remove files, link a layer to a device, make a FIFO or a directory, generate a workbook (zip bombs) or a GeoPackage
/// altered by SQL; <c>{ds}</c> in its arguments is that dataset folder, <c>{work}</c> a scratch folder.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class HostileCorpusTests
{
    /// <summary>Fewer cases than this means the corpus did not reach the test's output folder.</summary>
    private const int MinimumCases = 100;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.GetDirectories(HostileFiles.CorpusFolder)
            .Select(Path.GetFileName)
            .Where(name => name is not null && !name.StartsWith('_') && File.Exists(Path.Combine(HostileFiles.CorpusFolder, name, "case.json")))
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetName($"Corpus_{name}"));

    [Test]
    public void Corpus_HasEveryCaseWithAnExpectedCode()
    {
        var cases = Cases().Select(c => (string)c.Arguments[0]!).ToList();
        var byCode = cases.GroupBy(c => Read(c).Expect.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        TestContext.Out.WriteLine($"{cases.Count} hostile cases: {string.Join(", ", byCode)}");

        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(MinimumCases));
        Assert.That(cases.Select(c => Read(c).Expect.Code), Has.All.Match("^[A-Z][A-Z0-9_]+$"));
    }

    [TestCaseSource(nameof(Cases))]
    public void Case_ExitsTwoWithALocatedCodedMessage(string name)
    {
        var spec = Read(name);
        using var ds = new TempDataset();
        var work = Path.Combine(ds.Folder, "..", Path.GetFileName(ds.Folder) + "-work");
        Directory.CreateDirectory(work);
        try
        {
            Arrange(name, spec, ds.Folder, work);
            var args = spec.Args.Select(a => a.Replace("{ds}", ds.Folder, StringComparison.Ordinal).Replace("{work}", work, StringComparison.Ordinal)).ToArray();

            var (exit, output, error) = CliRunner.RunWithInput(spec.Stdin ?? string.Empty, args);

            var all = output + error;
            var coded = error.Split('\n').Where(l => l.Contains(spec.Expect.Code, StringComparison.Ordinal)).ToList();
            var located = coded.Where(l => Locates(l, spec.Expect)).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(2), $"{spec.Note}\n{error}");
                Assert.That(all, Does.Not.Contain("internal error").And.Not.Contain("Exception").And.Not.Contain("\n   at "), "no stack trace");
                Assert.That(error, Does.Not.Contain("\u001b").And.Not.Contain("\u0007").And.Not.Contain("\u009b"), "control characters are escaped");
                Assert.That(coded, Is.Not.Empty, $"expected {spec.Expect.Code}:\n{error}");
                Assert.That(located, Is.Not.Empty, $"expected {spec.Expect.Code} at {spec.Expect.File}, row {spec.Expect.Row}, column {spec.Expect.Column}:\n{error}");
            });
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static bool Locates(string line, Expectation expect) =>
        (expect.File is null || line.Contains(expect.File, StringComparison.Ordinal))
        && (expect.Row is null || line.Contains($"row {expect.Row}", StringComparison.Ordinal))
        && (expect.Column is null || line.Contains($"column '{expect.Column}'", StringComparison.Ordinal));

    private static void Arrange(string name, CaseSpec spec, string ds, string work)
    {
        string Place(string path) => path.Replace("{ds}", ds, StringComparison.Ordinal).Replace("{work}", work, StringComparison.Ordinal);

        if (spec.Base)
        {
            foreach (var file in Directory.GetFiles(HostileFiles.BaseFolder))
            {
                File.Copy(file, Path.Combine(ds, Path.GetFileName(file)), overwrite: true);
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(HostileFiles.CorpusFolder, name)).Where(f => Path.GetFileName(f) != "case.json"))
        {
            File.Copy(file, Path.Combine(ds, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var file in spec.Remove)
        {
            File.Delete(Path.Combine(ds, file));
        }

        string InDs(string path) => path.StartsWith('{') ? Place(path) : Path.Combine(ds, path);

        foreach (var (link, target) in spec.Links)
        {
            File.Delete(InDs(link));
            File.CreateSymbolicLink(InDs(link), target);
        }

        foreach (var fifo in spec.Fifos)
        {
            var path = Path.Combine(ds, fifo);
            File.Delete(path);
            Assert.That(MkFifo(path), Is.Zero, "mkfifo");
        }

        foreach (var dir in spec.Dirs)
        {
            var path = InDs(dir);
            File.Delete(path);
            Directory.CreateDirectory(path);
        }

        foreach (var file in spec.Touch)
        {
            File.WriteAllText(Place(file), "x");
        }

        foreach (var (file, kind) in spec.Generate)
        {
            var bytes = kind switch
            {
                "ratio-bomb" => HostileFiles.RatioBomb(),
                "lying-bomb" => HostileFiles.LyingBomb(),
                "many-parts" => HostileFiles.ManyParts(),
                "truncated-xlsx" => HostileFiles.Xlsx(HostileFiles.CsvRows("bts.csv"))[..600],
                "huge-cell-csv" => System.Text.Encoding.UTF8.GetBytes("id,operator,tech,tower_id,band_mhz,x,y\nB1,\"" + new string('x', (16 << 20) + 10) + "\",4G,,1800,581500,2317500\n"),
                _ => throw new ArgumentException($"unknown generated file '{kind}' in case {name}"),
            };
            File.WriteAllBytes(InDs(file), bytes);
        }

        if (spec.Gpkg is { } gpkg)
        {
            HostileFiles.GpkgWithSql(Place(gpkg.File), gpkg.Sql);
        }
    }

    private static CaseSpec Read(string name)
    {
        var path = Path.Combine(HostileFiles.CorpusFolder, name, "case.json");
        return JsonSerializer.Deserialize<CaseSpec>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidOperationException($"{path} is empty");
    }

    private static int MkFifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        return process.ExitCode;
    }

    private sealed record CaseSpec
    {
        public string[] Args { get; init; } = [];

        public Expectation Expect { get; init; } = new();

        public string? Note { get; init; }

        public bool Base { get; init; } = true;

        public string[] Remove { get; init; } = [];

        public Dictionary<string, string> Links { get; init; } = [];

        public string[] Fifos { get; init; } = [];

        public string[] Dirs { get; init; } = [];

        public string[] Touch { get; init; } = [];

        public Dictionary<string, string> Generate { get; init; } = [];

        public GpkgSpec? Gpkg { get; init; }

        public string? Stdin { get; init; }
    }

    private sealed record Expectation
    {
        public string Code { get; init; } = string.Empty;

        public string? File { get; init; }

        public int? Row { get; init; }

        public string? Column { get; init; }
    }

    private sealed record GpkgSpec
    {
        public string File { get; init; } = string.Empty;

        public string[] Sql { get; init; } = [];
    }
}
