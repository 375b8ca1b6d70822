using Npgsql;
using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>
/// Issue 15, finding 8: a PostGIS export never holds readers up. Checked through locks, not times: while a reader keeps
/// a transaction open on a layer, the export runs to its end without waiting for it (it takes no exclusive lock: the
/// old rows are deleted and the new ones copied in one transaction), the reader's snapshot keeps the old rows, and a
/// new reader sees the new ones.
/// </summary>
public sealed class PostgisExportLockTests
{
    [Test]
    public void Export_WhileAReaderHoldsTheLayer_CompletesWithoutWaitingForIt()
    {
        using var schema = new PostgisSchema();
        var dataset = Load();
        Export(schema, dataset);
        var fewer = dataset with { Bts = [.. dataset.Bts.Take(2)] };

        using var reader = Open(schema);
        using var readerTx = reader.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        Assert.That(Scalar(reader, $"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(5L));

        var export = Task.Run(() => Export(schema, fewer));

        Assert.That(export.Wait(TimeSpan.FromMinutes(2)), Is.True, "the export should not wait for the reader");
        using var late = Open(schema);
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(reader, $"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(5L), "the reader's snapshot keeps the old rows");
            Assert.That(Scalar(late, $"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(2L), "a new reader sees the new rows");
        });
        readerTx.Commit();
    }

    [Test]
    public void Export_NewLayerOnly_DropsTheProvinceFromLayersNotExported()
    {
        using var schema = new PostgisSchema();
        var dataset = Load();
        Export(schema, dataset);

        var tables = LayerCatalog.Default.Build(dataset, null, out _).Where(t => t.Name == "towers").ToList();
        PostgisWriter.Export(PostgisConnection.Parse(schema.Url()), dataset, tables, DatasetMetadata.Of(dataset));

        Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(0L));
        Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".towers"), Is.EqualTo(1L));
    }

    private static NpgsqlConnection Open(PostgisSchema schema) => PostgisConnection.Parse(schema.Url()).Open();

    private static object? Scalar(NpgsqlConnection c, string sql)
    {
        using var command = new NpgsqlCommand(sql, c);
        return command.ExecuteScalar();
    }

    private static PostgisExportResult Export(PostgisSchema schema, Dataset dataset) =>
        PostgisWriter.Export(PostgisConnection.Parse(schema.Url()), dataset, LayerCatalog.Default.Build(dataset, null, out _), DatasetMetadata.Of(dataset));

    private static Dataset Load()
    {
        using var ds = SmallProvince.Create();
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems, Is.Empty);
        return loaded.Dataset!;
    }
}
