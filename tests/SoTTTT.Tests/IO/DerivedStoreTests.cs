using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Caching;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>
/// Results kept beside the dataset cache (<see cref="IDerivedStore"/>, the indicators' covered flags): read back only
/// for the very inputs that made them. Any change to a layer file, the rules or the DEM, a damaged file, or a dataset
/// changed in memory (a copy) means computing again; and what is read back gives the same indicators as computing.
/// </summary>
[TestFixture]
public sealed class DerivedStoreTests
{
    private TemporaryDatasetCache cache = null!;

    [SetUp]
    public void UseTemporaryCache() => cache = new TemporaryDatasetCache();

    [TearDown]
    public void RemoveCache() => cache.Dispose();

    [Test]
    public void Store_SameInputs_ReadsBackWhatWasWritten_FromTheFilesAndFromTheCopy()
    {
        using var ds = SmallProvince.Create();

        Store(Load(ds.Folder)).Write("x", [1, 2, 3]);
        DatasetCache.WaitForWrites();

        Assert.That(Store(Load(ds.Folder)).Read("x"), Is.EqualTo(new byte[] { 1, 2, 3 }), "after a load from the copy");
        Assert.That(Store(Load(ds.Folder)).Read("y"), Is.Null, "nothing under another name");
    }

    [Test]
    public void Store_ALayerFileChanged_NothingReadBack()
    {
        using var ds = SmallProvince.Create();
        Store(Load(ds.Folder)).Write("x", [1]);
        DatasetCache.WaitForWrites();

        File.AppendAllText(Path.Combine(ds.Folder, "bts.csv"), "\nB6,Viettel,4G,,1800,580100,2316100");

        Assert.That(Store(Load(ds.Folder)).Read("x"), Is.Null);
    }

    [Test]
    public void Store_InputsChangedBeforeTheWrite_NothingKept()
    {
        // A file saved while the command ran: the result was computed from the old bytes, so it is not kept under either
        // state. Restoring the file exactly (bytes and time stamp) would make a wrongly kept result readable again.
        using var ds = SmallProvince.Create();
        var bts = Path.Combine(ds.Folder, "bts.csv");
        var (bytes, time) = (File.ReadAllBytes(bts), File.GetLastWriteTimeUtc(bts));
        var store = Store(Load(ds.Folder));
        File.AppendAllText(bts, "\nB6,Viettel,4G,,1800,580100,2316100");

        store.Write("x", [1]);
        File.WriteAllBytes(bts, bytes);
        File.SetLastWriteTimeUtc(bts, time);

        Assert.That(Store(Load(ds.Folder)).Read("x"), Is.Null);
    }

    [Test]
    public void Store_RulesChanged_NothingReadBack()
    {
        using var ds = SmallProvince.Create();
        Store(Load(ds.Folder)).Write("x", [1]);
        DatasetCache.WaitForWrites();

        ds.File("rules.json", """{ "co_location_m": 25 }""");

        Assert.That(Store(Load(ds.Folder)).Read("x"), Is.Null);
    }

    [Test]
    public void Store_DemTouched_NothingReadBack()
    {
        // The DEM is read afresh on every load (not part of the copy), so it is fingerprinted for derived results on its
        // own: the same bytes with another modification time count as another DEM, as for the layer files.
        var folder = CopyOf(Path.Combine(RepoData(), "sample-mountain"));
        try
        {
            Store(Load(folder)).Write("x", [1]);
            DatasetCache.WaitForWrites();
            Assert.That(Store(Load(folder)).Read("x"), Is.EqualTo(new byte[] { 1 }));

            var dem = Path.Combine(folder, "dem.tif");
            File.SetLastWriteTimeUtc(dem, File.GetLastWriteTimeUtc(dem).AddMinutes(1));

            Assert.That(Store(Load(folder)).Read("x"), Is.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Store_DamagedFile_NothingReadBack()
    {
        using var ds = SmallProvince.Create();
        var store = Store(Load(ds.Folder));
        store.Write("x", [1, 2, 3, 4]);
        var path = ((DerivedFiles)store).PathOf("x");
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        Assert.That(Store(Load(ds.Folder)).Read("x"), Is.Null);
    }

    [Test]
    public void Store_ACopyOfTheDataset_HasNone()
    {
        using var ds = SmallProvince.Create();
        var dataset = Load(ds.Folder);

        Assert.That(DerivedStores.Of(dataset), Is.Not.Null);
        Assert.That(DerivedStores.Of(dataset with { Bts = [] }), Is.Null);
    }

    [Test]
    public void Indicators_CoveredFlagsReadBack_SameTableAsComputed_AndRecomputedAfterAChange()
    {
        using var ds = SmallProvince.Create();
        var computed = IndicatorsAnalysis.Run(Load(ds.Folder), AdminLevel.Commune);
        DatasetCache.WaitForWrites();
        var stored = Load(ds.Folder);
        Assert.That(DerivedStores.Of(stored)!.Read(IndicatorsAnalysis.CoveredName), Has.Length.EqualTo(stored.Settlements.Count), "the flags were kept");

        var again = IndicatorsAnalysis.Run(stored, AdminLevel.Commune);

        Assert.That(Coverage(again), Is.EqualTo(Coverage(computed)));

        // One BTS left, 40 km south of the province: the file changed, so the kept flags (villages covered) must not be used.
        ds.File("bts.csv", """
            id,operator,tech,tower_id,band_mhz,x,y
            B9,Viettel,4G,,1800,581500,2277500
            """);
        var moved = IndicatorsAnalysis.Run(Load(ds.Folder), AdminLevel.Commune);

        Assert.That(Coverage(moved).Select(c => c.Value), Has.None.GreaterThan(0));
        Assert.That(Coverage(computed).Select(c => c.Value), Has.Some.GreaterThan(0));
    }

    private static List<(string Code, Technology Tech, double Value)> Coverage(IndicatorTable table) =>
        [.. table.Rows.SelectMany(r => r.SettlementsCoveredPctByTech.Select(p => (r.Code, p.Key, p.Value)))];

    private static Dataset Load(string folder)
    {
        var loaded = DatasetLoader.Load(folder);
        Assert.That(loaded.Dataset, Is.Not.Null, () => string.Join("\n", loaded.Problems));
        return loaded.Dataset!;
    }

    private static IDerivedStore Store(Dataset dataset) => DerivedStores.Of(dataset) ?? throw new AssertionException("no derived store with the cache on");

    private static string RepoData() => Path.GetDirectoryName(global::SoTTTT.Cli.Commands.DemoCommand.SampleFolder(global::SoTTTT.Cli.Commands.DemoCommand.MountainSample))!;

    private static string CopyOf(string source)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sotttt-derived-ds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
