using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Coverage;

/// <summary>
/// <see cref="BtsFootprint.LevelBoundDbm"/>, the bound that lets the search for an uncovered settlement's best level skip
/// BTS, and that search itself. The references are the footprint's own <see cref="BtsFootprint.LevelDbm"/> at the place
/// (flat province sample, and the mountain sample over its DEM, where ITM adds loss) and a search that judges every BTS
/// of the technology.
/// </summary>
public sealed class LevelBoundTests
{
    [TestCase(false)]
    [TestCase(true)]
    public void Bound_IsNeverBelowTheLevelAnywhereAtThatDistance(bool mountain)
    {
        var dataset = DatasetLoader.Load(mountain ? DemoCommand.SampleFolder(DemoCommand.MountainSample) : DemoSample.Folder).Dataset!;
        var footprints = new CoverageEngine(dataset).Footprints();
        var random = new Random(13);
        var finite = 0;
        for (var n = 0; n < (mountain ? 60 : 300); n++)
        {
            var f = footprints[random.Next(footprints.Length)];
            for (var p = 0; p < 25; p++)
            {
                // Distances from 10 m to beyond the reach, log-uniform; any direction (sectors attenuate off boresight).
                var km = Math.Pow(10, -2 + (random.NextDouble() * (Math.Log10(f.ReachKm * 1.2) + 2)));
                var angle = random.NextDouble() * 2 * Math.PI;
                var x = f.X + (km * 1000 * Math.Sin(angle));
                var y = f.Y + (km * 1000 * Math.Cos(angle));
                var distanceKm = Math.Sqrt(((x - f.X) * (x - f.X)) + ((y - f.Y) * (y - f.Y))) / 1000;
                var level = f.LevelDbm(x, y);
                var bound = f.LevelBoundDbm(distanceKm);
                Assert.That(bound, Is.GreaterThanOrEqualTo(level), $"BTS {f.Id} at {distanceKm} km: level {level} dBm above the bound {bound} dBm");
                if (distanceKm is >= 0.5 && distanceKm <= f.ReachKm)
                {
                    Assert.That(double.IsFinite(bound), $"BTS {f.Id} at {distanceKm} km: the table has a distance there");
                    finite++;
                }
                else if (distanceKm > f.ReachKm)
                {
                    Assert.That(bound, Is.EqualTo(double.NegativeInfinity));
                }
            }
        }

        Assert.That(finite, Is.GreaterThan(mountain ? 500 : 3_000), "too few places within the table to test");
    }

    [Test]
    public void UncoveredBestLevel_EqualsJudgingEveryBtsOfTheTechnology()
    {
        var dataset = DatasetLoader.Load(DemoSample.Folder).Dataset!;
        var result = CoverageAnalysis.Run(dataset, new CoverageOptions(AdminLevel.Province) { Raster = false });
        Assert.That(result.Uncovered, Has.Count.GreaterThan(10), "the sample must have uncovered settlements to compare");
        foreach (var u in result.Uncovered)
        {
            double? best = null;
            foreach (var f in result.Footprints.Where(f => f.Tech == u.Tech))
            {
                var level = f.LevelDbm(u.Settlement.Location.X, u.Settlement.Location.Y);
                if (double.IsFinite(level) && (best is null || level > best))
                {
                    best = level;
                }
            }

            Assert.That(u.BestLevelDbm, Is.EqualTo(best), $"settlement {u.Settlement.Id} {u.Tech}");
        }
    }
}
