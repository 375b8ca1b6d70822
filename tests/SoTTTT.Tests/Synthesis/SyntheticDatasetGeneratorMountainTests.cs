using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.Core.Synthesis;
using SoTTTT.IO;

namespace SoTTTT.Tests.Synthesis;

/// <summary>
/// The mountain profile against the Điện Biên figures it is calibrated to (issue 10, item 1; DOMAIN.md: the department's
/// report of 2022 and the 2019 census): ≈ 9,541 km², ≈ 600,000 people (598,856), 10 district-level units, 129 communes,
/// ≈ 1,600 villages, a DEM of valleys and ridges ≈ 200–2,500 m, commune offices and commune post-culture points as public
/// sites, some communes remote. The committed <c>data/sample-mountain</c> is this generator's output for seed 2025.
/// </summary>
[TestFixture]
public sealed class SyntheticDatasetGeneratorMountainTests
{
    private const int Seed = 2025;
    private SynthSample mountain = null!;

    [OneTimeSetUp]
    public void GenerateMountain() => mountain = SyntheticDatasetGenerator.GenerateSample(SynthProfile.Mountain, Seed);

    [Test]
    public void GenerateSample_SameSeed_WritesIdenticalFiles()
    {
        var first = WriteToTemp(mountain);
        var second = WriteToTemp(SyntheticDatasetGenerator.GenerateSample(SynthProfile.Mountain, Seed));
        try
        {
            AssertSameFiles(first, second);
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Test]
    public void GenerateSample_Seed2025_IsTheCommittedSample()
    {
        var written = WriteToTemp(mountain);
        try
        {
            AssertSameFiles(Path.Combine(RepoData(), "sample-mountain"), written, except: "README.md");
        }
        finally
        {
            Directory.Delete(written, recursive: true);
        }
    }

    [Test]
    public void GenerateSample_Mountain_AdminFiguresMatchDienBien()
    {
        var d = mountain.Dataset;
        var province = d.AdminUnits.Single(u => u.Level == AdminLevel.Province);
        Assert.Multiple(() =>
        {
            Assert.That(d.AdminUnits.Count(u => u.Level == AdminLevel.District), Is.EqualTo(10));
            Assert.That(d.AdminUnits.Count(u => u.Level == AdminLevel.Commune), Is.EqualTo(129));
            Assert.That(d.Settlements, Has.Count.EqualTo(1600));
            Assert.That(province.AreaKm2, Is.EqualTo(9541).Within(0.5).Percent);
            Assert.That(province.Boundary!.Area / 1e6, Is.EqualTo(9541).Within(0.5).Percent);
            Assert.That(d.Settlements.Sum(s => s.Population ?? 0), Is.EqualTo(598_856).Within(1).Percent);
            Assert.That(d.Crs.Name, Is.EqualTo("VN2000:103"));
        });
    }

    [Test]
    public void GenerateSample_Mountain_DemOfValleysAndRidgesUnderEveryVillage()
    {
        var d = mountain.Dataset;
        var dem = d.Dem!;
        var values = dem.Values.ToArray().Where(v => !float.IsNaN(v)).ToArray();
        var atVillages = d.Settlements.Select(s => dem.Sample(s.Location.X, s.Location.Y)).ToList();
        var (px, py) = dem.PixelSizeM();
        Assert.Multiple(() =>
        {
            Assert.That(d.DemSource, Is.EqualTo(SyntheticDatasetGenerator.DemFileName));
            Assert.That(values.Min(), Is.InRange(150, 450), "valley floors");
            Assert.That(values.Max(), Is.InRange(2_000, 2_600), "ridges");
            Assert.That(px, Is.InRange(90, 200));
            Assert.That(py, Is.InRange(90, 200));
            Assert.That(atVillages, Has.None.NaN, "every village lies on the DEM");
            Assert.That(atVillages.Average(), Is.LessThan(values.Average()), "villages line the valleys");
        });
    }

    [Test]
    public void GenerateSample_Mountain_PublicSitesAndRemoteCommunes()
    {
        var d = mountain.Dataset;
        var communes = d.AdminUnits.Where(u => u.Level == AdminLevel.Commune).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var offices = d.PublicSites.Where(p => p.Kind == PublicSiteKind.CommuneOffice).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(d.Layers, Does.Contain(Dataset.LayerNames.PublicSites));
            Assert.That(offices.Select(o => o.CommuneCode), Is.EquivalentTo(communes.Keys), "one commune office per commune");
            Assert.That(d.PublicSites.Count(p => p.Kind == PublicSiteKind.CommunePostCulture), Is.EqualTo(d.PostalPoints.Count(p => p.Kind == PostalKind.CommunePostCulture)));
            Assert.That(d.PublicSites.Count(p => p.Kind == PublicSiteKind.RadioStation), Is.EqualTo(108));
            Assert.That(mountain.RemoteCommunes, Is.Not.Empty.And.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(mountain.RemoteCommunes.Select(c => communes[c].Urban), Is.All.False, "remote communes are rural");
        });
    }

    private static void AssertSameFiles(string expected, string actual, string? except = null)
    {
        var names = Directory.GetFiles(expected).Select(Path.GetFileName).Where(n => n != except).Order(StringComparer.Ordinal).ToList();
        Assert.That(Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(names));
        Assert.Multiple(() =>
        {
            foreach (var name in names)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(actual, name!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expected, name!))), name);
            }
        });
    }

    private static string RepoData() => Path.GetDirectoryName(global::SoTTTT.Cli.Commands.DemoCommand.SampleFolder(global::SoTTTT.Cli.Commands.DemoCommand.MountainSample))!;

    private static string WriteToTemp(SynthSample sample)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-synth-" + Guid.NewGuid().ToString("N"));
        SyntheticSampleWriter.Write(sample, folder, SyntheticDatasetGenerator.DefaultFileLayout(SynthProfile.Mountain));
        return folder;
    }
}
