using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Security;

/// <summary>Issue 15, finding 7 (terminal): control characters from input values never reach the terminal raw.</summary>
public sealed class TerminalOutputTests
{
    [Test]
    public void Indicators_ProblemWithEscapeSequences_IsPrintedEscaped()
    {
        using var ds = SmallProvince.Create();
        // ESC [2J clears the screen, OSC 0 retitles the window (ended by BEL), NUL, and a CR that would overwrite the line.
        ds.File("bts.csv", "id,operator,tech,x,y\nB1,\"\u001b[2J\u001b]0;pwned\u0007Evil\u0000Op\rFAKE\",4G,581500,2317500\n");

        var (exit, _, error) = CliRunner.Run("indicators", ds.Folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("UNKNOWN_OPERATOR"));
            Assert.That(error.ToCharArray().Where(c => c is '\u001b' or '\u0007' or '\u0000' or '\r'), Is.Empty);
            Assert.That(error, Does.Contain(@"\x1B[2J\x1B]0;pwned\x07Evil\x00Op\x0DFAKE"));
        });
    }

    [Test]
    public void Sharing_TableWithControlCharactersInNames_IsPrintedEscaped()
    {
        using var ds = SmallProvince.Create();
        ds.File("admin_units.csv", """
            code,name,level,parent_code,area_km2,population,urban,wkt
            P,Tỉnh Thử,province,,10,7000,,
            D,"Huyện[31m Thử",district,P,,,,
            C1,Xã Một,commune,D,,,false,"POLYGON((580000 2316000, 582000 2316000, 582000 2318000, 580000 2318000, 580000 2316000))"
            C2,Phường Hai,commune,D,,,true,"POLYGON((582000 2316000, 584000 2316000, 584000 2318000, 582000 2318000, 582000 2316000))"
            """.Replace("[31m", "\u001b[31m", StringComparison.Ordinal));

        var (exit, output, error) = CliRunner.Run("sharing", ds.Folder, "--level", "district", "--format", "table");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Not.Contain("\u001b"));
        Assert.That(output, Does.Contain(@"Huyện\x1B[31m"));
    }
}
