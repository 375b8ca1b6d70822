using NUnit.Framework;
using SoTTTT.Core.Postal;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Postal;

public sealed class PostalAccessAnalysisTests
{
    [Test]
    public void Run_SmallProvince_NearestPointAndStraightLineDistanceByHand()
    {
        // SmallProvince: S1 (581000, 2317000) → PP1 (581000, 2317300): 300 m;
        // S2 (580500, 2316500) → PP1: √(500² + 800²) = 943.40 m; S3 (583000, 2317000) → PP2 (583400, 2317000): 400 m.
        using var ds = SmallProvince.Create();
        var dataset = DatasetLoader.Load(ds.Folder).Dataset!;

        var access = PostalAccessAnalysis.Run(dataset);

        var byId = access.ToDictionary(a => dataset.Settlements[a.SettlementIndex].Id, a => (Point: dataset.PostalPoints[a.PostalPointIndex].Id, a.DistanceM));
        Assert.Multiple(() =>
        {
            Assert.That(byId["S1"].Point, Is.EqualTo("PP1"));
            Assert.That(byId["S1"].DistanceM, Is.EqualTo(300).Within(0.01));
            Assert.That(byId["S2"].Point, Is.EqualTo("PP1"));
            Assert.That(byId["S2"].DistanceM, Is.EqualTo(943.40).Within(0.01));
            Assert.That(byId["S3"].Point, Is.EqualTo("PP2"));
            Assert.That(byId["S3"].DistanceM, Is.EqualTo(400).Within(0.01));
        });
    }
}
