using NUnit.Framework;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Synthesis;

namespace SoTTTT.Tests.Synthesis;

/// <summary>The national benchmark profile: post-2025 shape, national scale, inside Việt Nam's extent.</summary>
[TestFixture]
[Category("Slow")]
public sealed class SyntheticDatasetGeneratorNationalTests
{
    private Dataset nation = null!;

    [OneTimeSetUp]
    public void GenerateNation() => nation = SyntheticDatasetGenerator.Generate(SynthProfile.National, 1);

    [Test]
    public void Generate_National_CountsAtNationalScale()
    {
        var fibreKm = nation.FibreRoutes.Sum(f => f.Path.Length) / 1000;
        Assert.Multiple(() =>
        {
            Assert.That(nation.AdminUnits.Count(u => u.Level == AdminLevel.Province), Is.EqualTo(34));
            Assert.That(nation.AdminUnits.Count(u => u.Level == AdminLevel.District), Is.Zero);
            Assert.That(nation.AdminUnits.Count(u => u.Level == AdminLevel.Commune), Is.EqualTo(3300).Within(10).Percent);
            Assert.That(nation.Settlements, Has.Count.EqualTo(70_000).Within(10).Percent);
            Assert.That(nation.PostalPoints, Has.Count.EqualTo(13_000).Within(10).Percent);
            Assert.That(nation.Towers, Has.Count.EqualTo(120_000).Within(10).Percent);
            Assert.That(nation.Bts, Has.Count.EqualTo(350_000).Within(10).Percent);
            Assert.That(fibreKm, Is.EqualTo(300_000).Within(10).Percent);
        });
    }

    [Test]
    public void Generate_National_CommunesHangDirectlyUnderProvinces()
    {
        var provinces = nation.AdminUnits.Where(u => u.Level == AdminLevel.Province).Select(u => u.Code).ToHashSet();
        Assert.That(nation.AdminUnits.Where(u => u.Level == AdminLevel.Commune).Select(u => u.ParentCode), Is.All.Matches<string?>(p => p is not null && provinces.Contains(p)));
    }

    // Bounds of mainland Việt Nam with a margin: lon 102.1–109.6°, lat 8.4–23.4°.
    [Test]
    public void Generate_National_PositionsFallInsideVietnam()
    {
        Assert.That(nation.Crs.Name, Is.EqualTo("VN2000:UTM48"));
        var toWgs84 = CoordinateTransformer.Create(nation.Crs, CrsRegistry.Wgs84);
        var points = nation.Towers.Select(t => t.Location.Coordinate)
            .Concat(nation.Settlements.Select(s => s.Location.Coordinate))
            .Concat(nation.PostalPoints.Select(p => p.Location.Coordinate))
            .Concat(nation.Bts.Select(b => b.Location.Coordinate))
            .Concat(nation.AdminUnits.SelectMany(u => u.Boundary!.Coordinates))
            .ToList();
        var xs = points.Select(c => c.X).ToArray();
        var ys = points.Select(c => c.Y).ToArray();
        toWgs84.Transform(xs, ys);
        Assert.Multiple(() =>
        {
            Assert.That(xs.Min(), Is.GreaterThanOrEqualTo(102.1));
            Assert.That(xs.Max(), Is.LessThanOrEqualTo(109.6));
            Assert.That(ys.Min(), Is.GreaterThanOrEqualTo(8.4));
            Assert.That(ys.Max(), Is.LessThanOrEqualTo(23.4));
        });
    }
}
