using NUnit.Framework;
using SoTTTT.Tests.Support;

namespace SoTTTT.Tests.Cli;

public class DemoCommandTests
{
    [Test]
    public void Demo_WritesSharingApprovalsAndSheets()
    {
        using var ds = new TempDataset();
        var outDir = Path.Combine(ds.Folder, "out");
        var (exit, output, error) = CliRunner.Run("demo", "--out", outDir);
        Assert.That(exit, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            foreach (var file in new[] { "indicators_province.csv", "report.xlsx", "report.docx", "chart_bts.png", "map_overview.png", "sharing_units.csv", "sharing.json", "approvals.csv", "approvals.json", "phieu_tham_dinh/0002_HS-2025-001.html", "plan/plan.json", "plan/plan.docx", "plan/plan_positions.csv", "plan-mountain/plan.json", "plan-mountain/plan_positions.csv" })
            {
                Assert.That(File.Exists(Path.Combine(outDir, file)), Is.True, file);
            }

            Assert.That(Directory.GetFiles(Path.Combine(outDir, "phieu_tham_dinh")), Has.Length.EqualTo(20));
            Assert.That(output, Does.Contain("HS-2025-014"));
        });
    }
}
