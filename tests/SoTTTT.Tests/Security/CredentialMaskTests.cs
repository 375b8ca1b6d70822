using NUnit.Framework;
using SoTTTT.IO.Postgis;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>Issue 15, finding 1: a password given in a connection URL is never echoed.</summary>
public sealed class CredentialMaskTests
{
    private const string Secret = "S3cr3tPASSWORD";

    [TestCase("postgresql://postgres:S3cr3tPASSWORD@127.0.0.1:5432/db?schema=x", "postgresql://postgres:***@127.0.0.1:5432/db?schema=x")]
    [TestCase("failed: postgres://u:p@ss:S3cr3tPASSWORD@h/db rest", "failed: postgres://u:***@h/db rest")]
    [TestCase("Host=h;Username=u;Password=S3cr3tPASSWORD;Database=d", "Host=h;Username=u;Password=***;Database=d")]
    [TestCase("postgresql://u@h/db?password=S3cr3tPASSWORD&schema=s", "postgresql://u@h/db?password=***&schema=s")]
    [TestCase("postgresql://u@h:5432/db", "postgresql://u@h:5432/db")]
    [TestCase("http://127.0.0.1:8080/", "http://127.0.0.1:8080/")]
    public void Apply_Text_HidesOnlyThePassword(string text, string expected)
    {
        Assert.That(CredentialMask.Apply(text), Is.EqualTo(expected));
    }

    [TestCase("postgresql://postgres:S3cr3tPASSWORD@127.0.0.1:5432/db?schema=x&foo=1", "unknown parameter 'foo'")]
    [TestCase("postgresql://postgres:S3cr3tPASSWORD@127.0.0.1:5432?schema=x", "names no database")]
    [TestCase("postgresql://postgres:S3cr3tPASSWORD@127.0.0.1:5432/db?schema=x&sslmode=bogus", "sslmode 'bogus'")]
    [TestCase("postgresql://postgres:S3cr3tPASSWORD@127.0.0.1:5432/db?connect_timeout=soon", "connect_timeout 'soon'")]
    public void Indicators_BadUrlWithPassword_NeverPrintsIt(string url, string why)
    {
        var (exit, output, error) = CliRunner.Run("indicators", url, "--format", "json");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output + error, Does.Not.Contain(Secret));
            Assert.That(error, Does.Contain(why));
            Assert.That(error, Does.Contain("postgres:***@127.0.0.1"));
        });
    }

    [Test]
    public void Indicators_UnknownParameter_ListsTheAcceptedOnes()
    {
        var (_, _, error) = CliRunner.Run("indicators", "postgresql://u:" + Secret + "@127.0.0.1/db?sslmod=require");

        Assert.That(error, Does.Contain("accepted: schema, province, sslmode, sslrootcert, connect_timeout, application_name"));
        Assert.That(error, Does.Not.Contain(Secret));
    }

    [Test]
    public void Indicators_UnreachableDatabase_NeverPrintsThePassword()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var (exit, output, error) = CliRunner.Run("indicators", $"postgresql://postgres:{Secret}@127.0.0.1:1/db?connect_timeout=2");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("SOURCE_UNAVAILABLE"));
            Assert.That(output + error, Does.Not.Contain(Secret));
        });
    }

    [Test]
    public void Export_BadConn_NeverPrintsThePassword()
    {
        using var ds = SmallProvince.Create();

        var (exit, output, error) = CliRunner.Run("export", ds.Folder, "--to", "postgis", "--conn", $"postgresql://postgres:{Secret}@127.0.0.1/db?schema=x&foo=1");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output + error, Does.Not.Contain(Secret));
    }

    [Test]
    public void TryParse_LibpqParameters_AreAccepted()
    {
        var ok = PostgisConnection.TryParse(
            $"postgresql://u:{Secret}@db.local/sotttt?schema=s&sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem&connect_timeout=7&application_name=qgis",
            out var c,
            out var error);

        Assert.That(ok, Is.True, error);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(c!.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(builder.SslMode, Is.EqualTo(Npgsql.SslMode.VerifyFull));
            Assert.That(builder.RootCertificate, Is.EqualTo("/etc/ssl/ca.pem"));
            Assert.That(builder.Timeout, Is.EqualTo(7));
            Assert.That(builder.ApplicationName, Is.EqualTo("qgis"));
            Assert.That(c.ToString(), Does.Not.Contain(Secret));
            Assert.That(c.Display, Does.StartWith("postgresql://u:***@db.local/sotttt"));
        });
    }

    [Test]
    public void Help_ConnectionExamples_ShowNoPassword()
    {
        var (_, output, _) = CliRunner.Run("export", "--help");

        Assert.That(output, Does.Contain("postgresql://"));
        Assert.That(output, Does.Not.Match(@"postgres(ql)?://[^:@/\s]+:[^*@\s]+@"));
    }
}
