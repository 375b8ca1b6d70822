using NetTopologySuite.Geometries;
using NUnit.Framework;
using SoTTTT.Core.Indicators;
using SoTTTT.Core.Model;
using SoTTTT.IO;
using SoTTTT.IO.Layers;
using SoTTTT.IO.Postgis;
using SoTTTT.IO.Writing;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.IO;

/// <summary>Against the throwaway PostGIS cluster of tests/run.sh (SOTTTT_TEST_PG); each test in its own schema.</summary>
[TestFixture]
public sealed class PostgisWriterTests
{
    [Test]
    public void Export_SmallProvince_CreatesFlatTablesWithSridAndGistIndex()
    {
        using var schema = new PostgisSchema();
        var dataset = Load(SmallProvince.Create);

        var result = Export(schema, dataset);

        Assert.Multiple(() =>
        {
            Assert.That(result.Provinces, Is.EqualTo(new[] { "P" }));
            Assert.That(result.RowsByLayer["bts"], Is.EqualTo(5));
            Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(5L));
            Assert.That(schema.Scalar($"SELECT count(*) FROM pg_partitioned_table WHERE partrelid = '\"{schema.Name}\".bts'::regclass"), Is.EqualTo(0L), "flat, not partitioned");
            Assert.That(schema.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema.Name}' AND tablename LIKE 'bts\\_%'"), Is.EqualTo(0L), "no partitions");
            Assert.That(schema.Scalar($"SELECT srid FROM geometry_columns WHERE f_table_schema = '{schema.Name}' AND f_table_name = 'bts'"), Is.EqualTo(9209));
            Assert.That(schema.Scalar($"SELECT type FROM geometry_columns WHERE f_table_schema = '{schema.Name}' AND f_table_name = 'bts'"), Is.EqualTo("POINT"));
            Assert.That(schema.Scalar($"SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema.Name}' AND tablename = 'bts' AND indexdef LIKE '%USING gist (geom)%'"), Is.EqualTo(1L));
            Assert.That(schema.Scalar($"SELECT ST_AsText(geom) FROM \"{schema.Name}\".towers WHERE id = 'T1'"), Is.EqualTo("POINT(581500 2317500)"));
            Assert.That(schema.Scalar($"SELECT count(DISTINCT province_code) FROM \"{schema.Name}\".settlements"), Is.EqualTo(1L));
            Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".indicators_commune"), Is.EqualTo(2L));
        });
    }

    [Test]
    public void Export_Twice_ReplacesTheProvinceRows()
    {
        using var schema = new PostgisSchema();
        var dataset = Load(SmallProvince.Create);
        Export(schema, dataset);
        var fewer = dataset with { Bts = dataset.Bts.Take(2).ToList() };

        Export(schema, fewer);
        Export(schema, fewer);

        Assert.Multiple(() =>
        {
            Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(2L));
            Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".towers"), Is.EqualTo(1L));
            Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".sotttt_provinces"), Is.EqualTo(1L));
        });
    }

    [Test]
    public void Export_IntoTableOfAPartitionedSchema_AddsTheProvincePartitionAndReplacesItsRows()
    {
        using var schema = new PostgisSchema();
        schema.Scalar($"""
            CREATE SCHEMA "{schema.Name}";
            CREATE TABLE "{schema.Name}".bts (province_code text NOT NULL, fid bigint NOT NULL, geom geometry(Point, 9209), PRIMARY KEY (province_code, fid))
              PARTITION BY LIST (province_code);
            """);
        var dataset = Load(SmallProvince.Create);

        Export(schema, dataset);
        Export(schema, dataset);

        Assert.Multiple(() =>
        {
            Assert.That(schema.Scalar($"SELECT count(*) FROM \"{schema.Name}\".bts"), Is.EqualTo(5L));
            Assert.That(schema.Scalar($"SELECT count(*) FROM pg_inherits WHERE inhparent = '\"{schema.Name}\".bts'::regclass"), Is.EqualTo(1L), "the province's partition");
        });
    }

    [Test]
    public void Load_ExportedSmallProvince_GivesTheSameIndicators()
    {
        using var schema = new PostgisSchema();
        var dataset = Load(SmallProvince.Create);
        Export(schema, dataset);

        var loaded = DatasetSource.Load(schema.Url());

        Assert.That(loaded.Problems, Is.Empty);
        foreach (var level in new[] { AdminLevel.Province, AdminLevel.District, AdminLevel.Commune })
        {
            Assert.That(Csv(loaded.Dataset!, level), Is.EqualTo(Csv(dataset, level)), $"{level} indicators");
        }
    }

    // Two provinces side by side (VN-2000 TM-3 105°30'):
    //   P1 x 580000..582000   P2 x 582000..584000, y 2316000..2318000
    //   B1 (581000, 2317000) in P1; B2 and B3 in P2
    [Test]
    public void Export_TwoProvinces_KeysRowsByProvinceAndReadsOneAtATime()
    {
        using var schema = new PostgisSchema();
        var dataset = Load(TwoProvinces);

        Export(schema, dataset);
        var p2 = DatasetSource.Load(schema.Url("P2"));
        var both = DatasetSource.Load(schema.Url());

        Assert.Multiple(() =>
        {
            Assert.That(schema.Scalar($"SELECT string_agg(id, ',' ORDER BY id) FROM \"{schema.Name}\".bts WHERE province_code = 'P2'"), Is.EqualTo("B2,B3"));
            Assert.That(p2.Problems, Is.Empty);
            Assert.That(p2.Dataset!.Bts.Select(b => b.Id), Is.EqualTo(new[] { "B2", "B3" }));
            Assert.That(p2.Dataset.AdminUnits.Select(u => u.Code), Is.EqualTo(new[] { "P2" }));
            Assert.That(both.Dataset!.Bts.Select(b => b.Id), Is.EqualTo(new[] { "B1", "B2", "B3" }), "dataset order kept");
        });
    }

    [Test]
    public void Export_OneProvinceAgain_LeavesTheOtherProvinceAlone()
    {
        using var schema = new PostgisSchema();
        var dataset = Load(TwoProvinces);
        Export(schema, dataset);
        var onlyP1 = dataset with
        {
            AdminUnits = dataset.AdminUnits.Where(u => u.Code == "P1").ToList(),
            Bts = [],
        };

        Export(schema, onlyP1);

        Assert.That(schema.Scalar($"SELECT string_agg(province_code || ':' || id, ',' ORDER BY id) FROM \"{schema.Name}\".bts"), Is.EqualTo("P2:B2,P2:B3"));
    }

    [Test]
    public void ReadBbox_Envelope_ReturnsOnlyFeaturesInside()
    {
        using var schema = new PostgisSchema();
        Export(schema, Load(TwoProvinces));

        var table = PostgisLayerReader.ReadBbox(PostgisConnection.Parse(schema.Url()), "bts", new Envelope(582500, 583600, 2316500, 2317500));

        Assert.Multiple(() =>
        {
            Assert.That(table.Rows.Select(r => r.Values[table.IndexOf("id")]), Is.EqualTo(new[] { "B2" }));
            Assert.That(table.Crs!.Name, Is.EqualTo("VN2000:105.5"));
            Assert.That(table.Rows[0].Geometry, Is.EqualTo(new GeometryFactory().CreatePoint(new Coordinate(583000, 2317000))));
        });
    }

    [Test]
    public void Load_UnreachableServer_IsAProblemNotACrash()
    {
        var loaded = DatasetSource.Load("postgresql://nobody@127.0.0.1:1/none?schema=x");

        Assert.That(loaded.Problems.Select(p => p.Code), Is.EqualTo(new[] { "SOURCE_UNAVAILABLE" }));
    }

    private static PostgisExportResult Export(PostgisSchema schema, Dataset dataset) =>
        PostgisWriter.Export(PostgisConnection.Parse(schema.Url()), dataset, LayerCatalog.Default.Build(dataset, null, out _), DatasetMetadata.Of(dataset));

    private static string Csv(Dataset dataset, AdminLevel level) => IndicatorTableWriter.ToCsv(IndicatorsAnalysis.Run(dataset, level));

    private static Dataset Load(Func<TempDataset> create)
    {
        using var ds = create();
        var loaded = DatasetLoader.Load(ds.Folder);
        Assert.That(loaded.Problems, Is.Empty);
        return loaded.Dataset!;
    }

    private static TempDataset TwoProvinces() => new TempDataset("Hai tỉnh", "VN2000:105.5")
        .File("admin_units.csv", """
            code,name,level,wkt
            P1,Tỉnh Một,province,"POLYGON((580000 2316000, 582000 2316000, 582000 2318000, 580000 2318000, 580000 2316000))"
            P2,Tỉnh Hai,province,"POLYGON((582000 2316000, 584000 2316000, 584000 2318000, 582000 2318000, 582000 2316000))"
            """)
        .File("bts.csv", """
            id,operator,tech,x,y
            B1,Viettel,4G,581000,2317000
            B2,VNPT,4G,583000,2317000
            B3,MobiFone,3G,583800,2316200
            """);
}
