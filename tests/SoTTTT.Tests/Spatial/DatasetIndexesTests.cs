using NUnit.Framework;
using SoTTTT.Core.Spatial;
using SoTTTT.IO;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Spatial;

/// <summary><see cref="DatasetIndexes"/>: one set of indexes per dataset object, answering as indexes built afresh.</summary>
public sealed class DatasetIndexesTests
{
    [Test]
    public void OneDataset_GetsItsIndexesOnce_AChangedCopyItsOwn()
    {
        var dataset = DatasetLoader.Load(DemoSample.Folder).Dataset!;
        var copy = dataset with { Name = dataset.Name + " (copy)" };
        var locator = DatasetIndexes.Locator(dataset);
        var urban = DatasetIndexes.Urban(dataset);
        var zones = DatasetIndexes.Zones(dataset);
        var postal = DatasetIndexes.PostalPoints(dataset);
        var fibre = DatasetIndexes.FibreSegments(dataset);
        Assert.Multiple(() =>
        {
            Assert.That(DatasetIndexes.Locator(dataset), Is.SameAs(locator));
            Assert.That(DatasetIndexes.Urban(dataset), Is.SameAs(urban));
            Assert.That(DatasetIndexes.Zones(dataset), Is.SameAs(zones));
            Assert.That(DatasetIndexes.PostalPoints(dataset), Is.Not.Null.And.SameAs(postal));
            Assert.That(DatasetIndexes.FibreSegments(dataset), Is.Not.Null.And.SameAs(fibre));
            Assert.That(DatasetIndexes.Locator(copy), Is.Not.SameAs(locator));
        });
    }

    [Test]
    public void SharedIndexes_AnswerAsFreshOnes()
    {
        var dataset = DatasetLoader.Load(DemoSample.Folder).Dataset!;
        var fresh = new UnitLocator(dataset);
        var freshUrban = new UrbanArea(dataset, fresh, new ZoneIndex(dataset.Zones));
        var points = dataset.Settlements.Select(s => s.Location.Coordinate).Concat(dataset.Bts.Select(b => b.Location.Coordinate)).ToList();
        Assert.That(points, Has.Count.GreaterThan(100));
        foreach (var c in points)
        {
            Assert.That(DatasetIndexes.Locator(dataset).Assign(c), Is.EqualTo(fresh.Assign(c)), c.ToString());
            Assert.That(DatasetIndexes.Urban(dataset).IsUrban(c), Is.EqualTo(freshUrban.IsUrban(c)), c.ToString());
        }
    }
}
