using NUnit.Framework;
using SoTTTT.Benchmarks;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

/// <summary>
/// The postgis-compare benchmark's tuned SQL (tests/SoTTTT.Benchmarks, linked into this project) gives sotttt's answers
/// on the bundled sample province, question by question, against the PostGIS cluster of tests/run.sh (SOTTTT_TEST_PG);
/// only the exact fibre overlay differs through the whole command, by design (it splits fibre by segment midpoint),
/// and agrees through its own (indicators --fibre-split exact); the questions' own narrower
/// commands (indicators --columns, sharing --only units|pairs, coverage --no-raster's unit table alone, through the
/// resident process) give the same answers.
/// </summary>
[TestFixture]
public sealed class PostgisCompareTests
{
    [Test]
    public void SampleProvince_TunedSql_AgreesWithEveryCommand()
    {
        var url = ExternalTools.PostgisUrl();
        using var log = new StringWriter();
        var exit = PostgisCompareBenchmark.Run(DemoSample.Folder, url, 1, log);
        var text = log.ToString();
        Assert.That(exit, Is.Zero, text);
        var rows = text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| question", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(7), text);
        foreach (var row in rows)
        {
            Assert.That(row, row.Contains("exact overlay", StringComparison.Ordinal) ? Does.Contain("differ") : Does.Contain("| same ("), text);
        }

        // The questions with a narrower command of their own (indicators --columns, sharing --only units|pairs, coverage's
        // unit table alone) agree through it too.
        var own = rows.Where(r => r.Split('|', StringSplitOptions.TrimEntries)[^4] != "n/a").ToList();
        Assert.That(own, Has.Count.EqualTo(6), text);
        Assert.That(own.Count(r => r.Contains("`coverage --level province --no-raster`", StringComparison.Ordinal)), Is.EqualTo(1), text);
        foreach (var row in own)
        {
            var agreement = row.Split('|', StringSplitOptions.TrimEntries)[^2];
            Assert.That(agreement, Does.StartWith("same ("), text);
        }
    }
}
