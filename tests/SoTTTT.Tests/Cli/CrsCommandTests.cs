using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

public class CrsCommandTests
{
    [Test]
    public void Crs_Wgs84ToHaiDuongZone_MatchesProj()
    {
        // PROJ 9.1.1: echo "20.95 106.3" | cs2cs -f %.4f --area EPSG:3328 EPSG:4326 EPSG:9209
        //   → 583001.5707 2317625.7389 (EPSG:9209 = VN-2000 / TM-3 105-30, via EPSG:6960).
        var (exit, output, error) = CliRunner.RunWithInput("x,y\n106.3,20.95,BTS-1\n", "crs", "--from", "WGS84", "--to", "VN2000:105°30'");
        Assert.That(exit, Is.EqualTo(0), error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("x,y"), "the header passes through");
        var fields = lines[1].Split(',');
        Assert.Multiple(() =>
        {
            Assert.That(double.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(583001.5707).Within(0.05));
            Assert.That(double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(2317625.7389).Within(0.05));
            Assert.That(fields[0], Does.Match(@"^\d+\.\d{4}$"), "metres with 4 decimals");
            Assert.That(fields[2], Is.EqualTo("BTS-1"), "further columns pass through");
        });
    }

    [Test]
    public void Crs_Tm3ToWgs84_NineDecimals()
    {
        var (exit, output, _) = CliRunner.RunWithInput("583001.5707 2317625.7389\n", "crs", "--from", "Hải Dương", "--to", "WGS84");
        Assert.That(exit, Is.EqualTo(0));
        var fields = output.Trim().Split(',');
        Assert.Multiple(() =>
        {
            Assert.That(fields[0], Does.Match(@"^106\.\d{9}$"));
            Assert.That(double.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(106.3).Within(1e-8));
            Assert.That(double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(20.95).Within(1e-8));
        });
    }

    [Test]
    public void Crs_BadRowsAndUnknownCrs_Exit2AllProblemsNoOutput()
    {
        var (exit, output, error) = CliRunner.RunWithInput("106.3,20.95\nabc,1\n106.4,\n", "crs", "--from", "WGS84", "--to", "VN2000:105.5");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("row 2"));
            Assert.That(error, Does.Contain("row 3"));
        });
        var unknown = CliRunner.RunWithInput("1,2\n", "crs", "--from", "Atlantis", "--to", "WGS84");
        Assert.That(unknown.Exit, Is.EqualTo(2));
    }
}
