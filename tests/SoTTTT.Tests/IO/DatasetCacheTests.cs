using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Caching;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>
/// The dataset cache (issue 13): a cached load equals a fresh load field by field, and any change to an input file
/// (even one that keeps its size and modification time), an added or removed layer file, or a damaged copy makes the
/// loader read the files again.
/// </summary>
[TestFixture]
public sealed class DatasetCacheTests
{
    private TemporaryDatasetCache cache = null!;

    [SetUp]
    public void UseTemporaryCache() => cache = new TemporaryDatasetCache();

    [TearDown]
    public void RemoveCache() => cache.Dispose();

    [Test]
    public void StoredProperties_AreEveryPublicPropertyOfEachRecord()
    {
        Assert.Multiple(() =>
        {
            foreach (var (type, stored) in DatasetCacheFormat.Properties)
            {
                var declared = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name);
                Assert.That(stored, Is.EquivalentTo(declared), $"{type.Name}: a property added to the record must be stored in the dataset cache too");
            }

            // Every layer list of the dataset holds a record type the cache stores; a new layer must be added there.
            var layerTypes = typeof(Dataset).GetProperties()
                .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                .Select(p => p.PropertyType.GetGenericArguments()[0])
                .Distinct();
            Assert.That(DatasetCacheFormat.Properties.Keys, Is.SupersetOf(layerTypes));

            // The dataset's other properties: name, CRS and layer names are stored; rules, date and DEM are read afresh.
            Assert.That(
                typeof(Dataset).GetProperties().Where(p => !p.PropertyType.IsGenericType || p.PropertyType.GetGenericTypeDefinition() != typeof(IReadOnlyList<>)).Select(p => p.Name),
                Is.EquivalentTo(new[] { "Name", "Crs", "Layers", "Rules", "Date", "Dem", "DemSource", "Hierarchy" }));
        });
    }

    [TestCase("sample-province")]
    [TestCase("sample-province-2015")]
    [TestCase("sample-mountain")]
    public void CachedLoad_EqualsFreshLoad_FieldByField(string sample)
    {
        var folder = Path.Combine(Path.GetDirectoryName(DemoCommand.SampleFolder())!, sample);
        var fresh = LoadWithoutCache(folder);
        var first = DatasetLoader.Load(folder);
        Assert.That(DatasetCache.LastOutcome, Is.EqualTo("miss"));
        var second = DatasetLoader.Load(folder);
        Assert.Multiple(() =>
        {
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("hit"));
            Assert.That(Dump(second), Is.EqualTo(Dump(fresh)));
            Assert.That(Dump(first), Is.EqualTo(Dump(fresh)));
            Assert.That(second.Notices.Select(n => n.ToString()), Is.EqualTo(fresh.Notices.Select(n => n.ToString())));
            Assert.That(second.Settings!.AnalysisCrs, Is.EqualTo(fresh.Settings!.AnalysisCrs));
            Assert.That(second.Dataset!.Rules.ToString(), Is.EqualTo(fresh.Dataset!.Rules.ToString()));
            Assert.That(second.Dataset.Dem is null, Is.EqualTo(fresh.Dataset.Dem is null), "the DEM is attached after the cache as after a fresh load");
        });
    }

    [Test]
    public void CachedLoad_WithCollectionsDeferred_EqualsFreshLoad_AndAFailedDecodeLeavesNoRegionOpen()
    {
        // The command line's load (LoadOptions.DeferCollections) only changes when the runtime collects, never the data.
        var folder = DemoCommand.SampleFolder();
        var fresh = LoadWithoutCache(folder);
        var deferred = new LoadOptions(DeferCollections: true);
        try
        {
            _ = DatasetLoader.Load(folder, deferred);
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("miss"));
            var cached = DatasetLoader.Load(folder, deferred);
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("hit"));
            Assert.That(DatasetCache.LastDecodeDeferred, Is.True, "the option reaches the decode");
            Assert.That(Dump(cached), Is.EqualTo(Dump(fresh)));
            EndRegion();
            _ = DatasetLoader.Load(folder);
            Assert.That((DatasetCache.LastOutcome, DatasetCache.LastDecodeDeferred), Is.EqualTo(("hit", false)), "a load without the option ends its region");

            // The command line asks for it; the server's load (oneCommand: false) does not.
            var (exit, _, _) = CliRunner.Run("indicators", folder, "--level", "province");
            Assert.That((exit, DatasetCache.LastOutcome, DatasetCache.LastDecodeDeferred), Is.EqualTo((0, "hit", true)), "sotttt indicators");
            EndRegion();
            var console = new SoTTTT.Cli.CliConsole(new StringWriter(), new StringWriter(), new StringReader(string.Empty), false);
            _ = DatasetSupport.Load(console, folder, null, false, out _, out var loadExit, oneCommand: false);
            Assert.That((loadExit, DatasetCache.LastOutcome, DatasetCache.LastDecodeDeferred), Is.EqualTo(((int?)null, "hit", false)), "sotttt serve's load");

            // A damaged copy is read again from the files: the decode's region, if it started, is ended with the failure.
            var stored = Directory.GetFiles(cache.Folder, "*.bin").Single();
            File.WriteAllBytes(stored, File.ReadAllBytes(stored)[..1000]);
            Assert.That(Dump(DatasetLoader.Load(folder, deferred)), Is.EqualTo(Dump(fresh)));
            Assert.That((DatasetCache.LastOutcome, DatasetCache.LastDecodeDeferred), Is.EqualTo(("miss", false)));
            Assert.That(System.Runtime.GCSettings.LatencyMode, Is.Not.EqualTo(System.Runtime.GCLatencyMode.NoGCRegion));
        }
        finally
        {
            EndRegion();
        }

        static void EndRegion()
        {
            if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }

    [Test]
    public void CachedLoad_InChunksOfSevenItems_EqualsFreshLoad()
    {
        // Lists are stored in chunks decoded in parallel (16,384 items each; no sample list is that long): with chunks of
        // 7 items every list of the sample spans many chunks, ends on a partial one, and must still come back whole and
        // in order.
        var folder = DemoCommand.SampleFolder();
        var fresh = LoadWithoutCache(folder);
        var chunkItems = DatasetCacheFormat.ChunkItems;
        try
        {
            DatasetCacheFormat.ChunkItems = 7;
            _ = DatasetLoader.Load(folder);
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("miss"));
            var cached = DatasetLoader.Load(folder);
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("hit"));
            Assert.That(Dump(cached), Is.EqualTo(Dump(fresh)));
        }
        finally
        {
            DatasetCacheFormat.ChunkItems = chunkItems;
        }
    }

    [Test]
    public void EditedFile_WithSameSizeAndTime_IsReadAgain()
    {
        using var copy = CopyOfSample();
        var bts = Path.Combine(copy.Folder, "bts.csv");
        _ = DatasetLoader.Load(copy.Folder);
        _ = DatasetLoader.Load(copy.Folder);
        Assert.That(DatasetCache.LastOutcome, Is.EqualTo("hit"));

        // The last digit of one longitude changed in place: same length, modification time put back.
        var before = DatasetLoader.Load(copy.Folder).Dataset!.Bts[0].Location.X;
        var time = File.GetLastWriteTimeUtc(bts);
        var lines = File.ReadAllLines(bts);
        var lonColumn = Array.IndexOf(lines[0].Split(','), "lon");
        Assume.That(lonColumn, Is.GreaterThanOrEqualTo(0), "the sample's bts.csv has a lon column");
        var cells = lines[1].Split(',');
        var lon = cells[lonColumn];
        cells[lonColumn] = lon[..^1] + (char)('0' + ((lon[^1] - '0' + 1) % 10));
        lines[1] = string.Join(',', cells);
        var endsWithNewline = File.ReadAllText(bts).EndsWith('\n');
        var length = new FileInfo(bts).Length;
        File.WriteAllText(bts, string.Join('\n', lines) + (endsWithNewline ? "\n" : string.Empty), new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(bts, time);
        Assume.That(new FileInfo(bts).Length, Is.EqualTo(length));

        var after = DatasetLoader.Load(copy.Folder);
        Assert.Multiple(() =>
        {
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("miss"));
            Assert.That(after.Dataset!.Bts[0].Location.X, Is.Not.EqualTo(before));
            Assert.That(Dump(after), Is.EqualTo(Dump(LoadWithoutCache(copy.Folder))));
        });
    }

    [Test]
    public void AddedOrRemovedLayerFile_IsSeen()
    {
        using var copy = CopyOfSample();
        var before = DatasetLoader.Load(copy.Folder);
        var zones = Path.Combine(copy.Folder, "zones.csv");
        Assume.That(File.Exists(zones), "the sample has zones.csv");
        File.Delete(zones);
        var without = DatasetLoader.Load(copy.Folder);
        Assert.Multiple(() =>
        {
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("miss"));
            Assert.That(before.Dataset!.Zones, Is.Not.Empty);
            Assert.That(without.Dataset!.Zones, Is.Empty);
            Assert.That(without.Dataset.Layers, Does.Not.Contain("zones"));
        });

        // A layer file in another format appears: the loader reads it.
        File.WriteAllText(Path.Combine(copy.Folder, "zones.geojson"), "{\"type\": \"FeatureCollection\", \"features\": []}");
        var with = DatasetLoader.Load(copy.Folder);
        Assert.That(DatasetCache.LastOutcome, Is.EqualTo("miss"));
        Assert.That(Dump(with), Is.EqualTo(Dump(LoadWithoutCache(copy.Folder))));
    }

    [Test]
    public void Command_WritesItsCopyBehindTheAnalysis_AndHasItWrittenWhenItEnds()
    {
        // The command line writes the copy on another thread while it analyses; the copy is whole when the command
        // returns (its wait shows as the last phase), and the next load finds it.
        using var copy = CopyOfSample();
        var (exit, output, error) = CliRunner.Run("indicators", copy.Folder, "--format", "csv", "--timings");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(error, Does.Match(@"write \d+\.\d\d s, cache write \d+\.\d\d s, total"));
            Assert.That(Directory.GetFiles(cache.Folder, "*.bin"), Has.Length.EqualTo(1));
            Assert.That(Directory.GetFiles(cache.Folder, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        });

        var (againExit, againOutput, againError) = CliRunner.Run("indicators", copy.Folder, "--format", "csv", "--timings");
        Assert.Multiple(() =>
        {
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("hit"));
            Assert.That(againExit, Is.Zero, againError);
            Assert.That(againOutput, Is.EqualTo(output));
            Assert.That(againError, Does.Contain("cache read").And.Not.Contain("cache write"));
        });
    }

    [Test]
    public void DamagedCopy_IsNotTrusted_AndIsReplaced()
    {
        using var copy = CopyOfSample();
        var fresh = DatasetLoader.Load(copy.Folder);
        var stored = Directory.GetFiles(cache.Folder, "*.bin").Single();
        var bytes = File.ReadAllBytes(stored);
        bytes[^100] ^= 0x5A;
        File.WriteAllBytes(stored, bytes);

        var again = DatasetLoader.Load(copy.Folder);
        Assert.Multiple(() =>
        {
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("miss"));
            Assert.That(Dump(again), Is.EqualTo(Dump(fresh)));
        });
        _ = DatasetLoader.Load(copy.Folder);
        Assert.That(DatasetCache.LastOutcome, Is.EqualTo("hit"), "the damaged copy was replaced by a good one");

        // Cut short: also a miss, never an exception.
        File.WriteAllBytes(stored, File.ReadAllBytes(stored)[..1000]);
        Assert.That(Dump(DatasetLoader.Load(copy.Folder)), Is.EqualTo(Dump(fresh)));
        Assert.That(DatasetCache.LastOutcome, Is.EqualTo("miss"));
    }

    [Test]
    public void LoadWithProblems_IsNeverCached()
    {
        using var dataset = new TempDataset()
            .File("towers.csv", "id,lon,lat,status\nT1,105.8,21.0,bogus\n");
        var result = DatasetLoader.Load(dataset.Folder);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(Directory.Exists(cache.Folder) ? Directory.GetFiles(cache.Folder) : [], Is.Empty);
        });
    }

    [Test]
    public void UnwritableCacheFolder_LeavesTheLoadUnchanged()
    {
        // A file where the cache folder should be: nothing can be written under it.
        File.WriteAllText(cache.Folder, "not a folder");
        try
        {
            var loaded = DatasetLoader.Load(DemoCommand.SampleFolder());
            Assert.That(loaded.Succeeded, Is.True);
            Assert.That(Dump(loaded), Is.EqualTo(Dump(LoadWithoutCache(DemoCommand.SampleFolder()))));
        }
        finally
        {
            File.Delete(cache.Folder);
        }
    }

    [Test]
    public void CacheOff_WritesNothing()
    {
        DatasetCache.FolderOverride.Value = string.Empty;
        _ = DatasetLoader.Load(DemoCommand.SampleFolder());
        Assert.Multiple(() =>
        {
            Assert.That(DatasetCache.LastOutcome, Is.EqualTo("off"));
            Assert.That(Directory.Exists(cache.Folder), Is.False);
        });
    }

    [Test]
    public void Timings_SayWhetherTheCacheWasUsed()
    {
        var first = CliRunner.Run("indicators", DemoCommand.SampleFolder(), "--level", "district", "--timings", "--format", "csv");
        var second = CliRunner.Run("indicators", DemoCommand.SampleFolder(), "--level", "district", "--timings", "--format", "csv");
        Assert.Multiple(() =>
        {
            Assert.That(first.Exit, Is.Zero, first.Err);
            Assert.That(first.Err, Does.Contain("cache write"));
            Assert.That(second.Err, Does.Contain("cache read"));
            Assert.That(second.Out, Is.EqualTo(first.Out));
        });
    }

    private static TempDataset CopyOfSample()
    {
        var copy = new TempDataset();
        foreach (var file in Directory.GetFiles(DemoCommand.SampleFolder()))
        {
            File.Copy(file, Path.Combine(copy.Folder, Path.GetFileName(file)), overwrite: true);
        }

        return copy;
    }

    private static LoadResult LoadWithoutCache(string folder)
    {
        var saved = DatasetCache.FolderOverride.Value;
        DatasetCache.FolderOverride.Value = string.Empty;
        try
        {
            return DatasetLoader.Load(folder);
        }
        finally
        {
            DatasetCache.FolderOverride.Value = saved;
        }
    }

    /// <summary>Every public property of every record of every layer, geometries as EWKB with Z and M and their factory.</summary>
    private static string Dump(LoadResult result)
    {
        if (result.Dataset is not { } d)
        {
            return string.Join('\n', result.Problems.Select(p => p.ToString()));
        }

        var text = new StringBuilder();
        text.Append(d.Name).Append('|').Append(d.Crs).Append('|').Append(string.Join(',', d.Layers.Order(StringComparer.Ordinal))).Append('|').Append(d.Date).Append('\n');
        foreach (var layer in typeof(Dataset).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append("# ").Append(layer.Name).Append('\n');
            foreach (var item in (System.Collections.IEnumerable)layer.GetValue(d)!)
            {
                foreach (var property in item.GetType().GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(property.Name).Append('=').Append(Format(property.GetValue(item))).Append(';');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "∅",
        Geometry g => $"{g.SRID}:{g.Factory.PrecisionModel}:{g.Factory.CoordinateSequenceFactory.GetType().Name}:{Convert.ToHexString(new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: true, emitM: true).Write(g))}",
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, string> map => string.Join(',', map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}:{kv.Value}")),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
