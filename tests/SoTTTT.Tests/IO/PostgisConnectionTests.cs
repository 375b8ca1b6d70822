using Npgsql;
using NUnit.Framework;
using SoTTTT.IO;
using SoTTTT.IO.Postgis;

namespace SoTTTT.Tests.IO;

[TestFixture]
public sealed class PostgisConnectionTests
{
    [Test]
    public void TryParse_FullUrl_ReadsEveryPart()
    {
        var ok = PostgisConnection.TryParse("postgresql://planner:s%40cret@db.local:5433/sotttt?schema=hai_duong&province=30", out var c, out var error);

        Assert.That(ok, Is.True, error);
        var builder = new NpgsqlConnectionStringBuilder(c!.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That((builder.Host, builder.Port, builder.Database, builder.Username, builder.Password), Is.EqualTo(("db.local", 5433, "sotttt", "planner", "s@cret")));
            Assert.That((c.Schema, c.Province), Is.EqualTo(("hai_duong", "30")));
            Assert.That(c.Table("bts"), Is.EqualTo("\"hai_duong\".\"bts\""));
        });
    }

    [Test]
    public void TryParse_NoSchema_UsesTheDefault()
    {
        Assert.That(PostgisConnection.Parse("postgres://u@localhost/db").Schema, Is.EqualTo("sotttt"));
    }

    [TestCase("postgresql://u@localhost/", "names no database")]
    [TestCase("postgresql://u@localhost/db?schema=Bad-Name", "lower-case")]
    [TestCase("postgresql://u@localhost/db?table=x", "unknown parameter 'table'")]
    public void TryParse_BadUrl_SaysWhy(string url, string why)
    {
        Assert.That(PostgisConnection.TryParse(url, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(why));
    }

    [TestCase("postgresql://u@h/db?schema=s", DatasetSourceKind.Postgis)]
    [TestCase("data/x.gpkg", DatasetSourceKind.GeoPackage)]
    [TestCase("data/sample-province", DatasetSourceKind.Folder)]
    public void KindOf_Argument_PicksTheSource(string source, DatasetSourceKind kind)
    {
        Assert.That(DatasetSource.KindOf(source), Is.EqualTo(kind));
    }
}
