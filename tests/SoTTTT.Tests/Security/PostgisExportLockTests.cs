using Npgsql;
using NUnit.Framework;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>
/// Issue 15, finding 8: a PostGIS export never holds readers up for the length of the load. Checked through locks, not
/// times: while a reader keeps a transaction open on a layer, the export loads everything (it waits only at the swap),
/// a new reader still gets the old rows during the export, and the export completes once the first reader is done.
/// </summary>
public sealed class PostgisExportLockTests
{
    [Test]
    public void Export_WhileAReaderHoldsTheLayer_LoadsAndLetsOtherReadersThrough()
    {
        using var schema = new PostgisSchema();
        var dataset = Load();
        Export(schema, dataset);
        var fewer = dataset with { Bts = [.. dataset.Bts.Take(2)] };

        using var reader = Open(schema);
        using var readerTx = reader.BeginTransaction();
        Assert.That(Scalar(reader, $"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(5L));
        var export = Task.Run(() => Export(schema, fewer));

        // The export reaches the swap (its staging tables filled) while the reader still holds the table, and waits
        // there for the lock.
        using var observer = Open(schema);
        var waited = false;
        for (var i = 0; i < 600 && !export.IsCompleted && !waited; i++)
        {
            waited = Scalar(observer, $"SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT l.granted AND n.nspname = '{schema.Name}'") is > 0L;
            Thread.Sleep(100);
        }

        Assert.That(waited, Is.True, "the export should load while the reader holds the table and wait only at the swap");
        Assert.That(Scalar(observer, $"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema.Name}' AND c.relname = 'bts_pp_new'"), Is.EqualTo(0L), "staging tables are invisible to others until the swap commits");

        // A new reader is not queued behind the waiting swap for good: the swap gives up its place after its lock timeout.
        using var late = Open(schema);
        Execute(late, "SET lock_timeout = '20s'");
        Assert.That(Scalar(late, $"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(5L), "the old rows until the swap");

        readerTx.Commit();
        Assert.That(export.Wait(TimeSpan.FromMinutes(2)), Is.True);
        Assert.That(Scalar(late, $"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(2L));
        Assert.That(Scalar(late, $"SELECT count(*) FROM pg_inherits WHERE inhparent = '\"{schema.Name}\".bts'::regclass"), Is.EqualTo(1L));
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

    private static void Execute(NpgsqlConnection c, string sql)
    {
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
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
