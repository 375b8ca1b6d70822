using System.Diagnostics;
using NUnit.Framework;
using SoTTTT.Cli.Commands;
using SoTTTT.Core.Coverage;
using SoTTTT.Core.Planning;
using SoTTTT.IO;
using SoTTTT.IO.Planning;
using SoTTTT.Optimization;

namespace SoTTTT.Tests.Planning;

/// <summary>
/// The plan on the committed mountain sample (data/sample-mountain, over its DEM, with its plan_targets.json naming the
/// remote communes), with the solver settings <c>sotttt plan</c> uses: it runs, the set cover is solved to optimality,
/// every village missed carries its reason, and the coverage engine finds the villages the plan claims covered. The time
/// is printed, not asserted (issue 10 asks for under 60 s; README gives the measured figure).
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class MountainSamplePlanTests
{
    [Test]
    public void Run_MountainSample_SolvedAndEveryUncoveredVillageExplained()
    {
        var folder = DemoCommand.SampleFolder(DemoCommand.MountainSample);
        var dataset = DatasetLoader.Load(folder).Dataset!;
        var (targets, problems) = PlanTargetsReader.Read(Path.Combine(folder, SyntheticSampleWriter.PlanTargetsFile), dataset.Rules);
        Assert.That(problems, Is.Empty);

        var clock = Stopwatch.StartNew();
        var plan = PlanAnalysis.Run(dataset, targets!, new CpSatCoverSolver());
        clock.Stop();
        TestContext.Out.WriteLine($"plan on data/sample-mountain: {clock.Elapsed.TotalSeconds:F1} s, {plan.New.Count()} new positions, {plan.Missed.Count} missed");

        var after = CoverageAnalysis.CoveredSettlements(PlanAppliedDataset.Build(dataset, plan));
        var missedIds = plan.Missed.Select(m => m.SettlementId).ToHashSet(StringComparer.Ordinal);
        var uncoveredUnexplained = dataset.Settlements.Where((s, i) => !after[i].Any(c => c) && !missedIds.Contains(s.Id)).Select(s => s.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(targets!.RemoteCommunes, Is.Not.Empty);
            Assert.That(plan.New.Count(), Is.GreaterThan(0));
            Assert.That(plan.Solves[0].Exact.Status, Is.EqualTo(SolveStatus.Optimal));
            Assert.That(plan.Missed.Select(m => m.Reason), Has.None.Null.And.None.Empty);
            Assert.That(plan.Verification, Is.Empty);
            Assert.That(uncoveredUnexplained, Is.Empty, "coverage on the applied plan: every village uncovered is listed as missed");
        });
    }
}
