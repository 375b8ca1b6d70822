using System.Globalization;
using SoTTTT.Core.Model;
using SoTTTT.Core.Planning;
using SoTTTT.IO.Writing;
using Spectre.Console;

namespace SoTTTT.Cli.Output;

/// <summary>The plan for people: coverage before and after, the solves beside the greedy baseline, the phases.</summary>
internal static class PlanView
{
    public static void Render(CliConsole console, PlanResult r, string lang)
    {
        var coverage = new Table().Title($"{Texts.Get("plan.title", lang)} {r.Targets.FromYear}–{r.Targets.ToYear} ({r.Targets.OutlookYear}) — {Markup.Escape(r.Dataset)}").Border(TableBorder.Rounded)
            .Caption(Markup.Escape(Texts.Get("plan.coverage", lang)));
        foreach (var key in new[] { "plan.tech", "plan.villages", "plan.before", "plan.reachable", "plan.after", "plan.target" })
        {
            coverage.AddColumn(new TableColumn(Markup.Escape(Texts.Get(key, lang))).RightAligned());
        }

        foreach (var c in r.Coverage)
        {
            coverage.AddRow(
                c.Tech is { } t ? Codes.Label(t) : "*",
                c.Villages.ToString(CultureInfo.InvariantCulture),
                Count(c.CoveredBefore, c.Villages),
                Count(c.Reachable, c.Villages),
                Count(c.CoveredAfter, c.Villages),
                c.Tech is null ? string.Empty : IndicatorColumns.Fixed(c.TargetPct, 1) is { Length: > 0 } pct ? pct : "max");
        }

        console.Ansi.Write(coverage);

        var solves = new Table().Title(Markup.Escape(Texts.Get("plan.solves", lang))).Border(TableBorder.Rounded);
        foreach (var key in new[] { "plan.problem", "plan.phase", "plan.status", "plan.objective", "plan.bound", "plan.gap", "plan.greedy" })
        {
            solves.AddColumn(new TableColumn(Markup.Escape(Texts.Get(key, lang))));
        }

        foreach (var s in r.Solves)
        {
            solves.AddRow(
                $"{s.Problem} ({s.Candidates}×{s.Elements})",
                s.Phase?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                $"{s.Exact.Solver} {s.Exact.Status.ToString().ToLowerInvariant()}",
                IndicatorColumns.Fixed(s.Exact.Objective, 0),
                IndicatorColumns.Fixed(s.Exact.BestBound, 0),
                IndicatorColumns.Fixed(s.Exact.Gap * 100, 2),
                IndicatorColumns.Fixed(s.Greedy.Objective, 0));
        }

        console.Ansi.Write(solves);

        var phases = new Table().Title(Markup.Escape(Texts.Get("plan.phases", lang))).Border(TableBorder.Rounded);
        foreach (var key in new[] { "plan.phase", "plan.new", "plan.shared", "plan.gained", "plan.fibre_km", "plan.underground_km" })
        {
            phases.AddColumn(new TableColumn(Markup.Escape(Texts.Get(key, lang))).RightAligned());
        }

        foreach (var p in r.Phases)
        {
            phases.AddRow(
                $"{p.Phase.Number}: {p.Phase.FromYear}–{p.Phase.ToYear}",
                p.Budget is { } b ? $"{p.NewPositions} / {b}" : p.NewPositions.ToString(CultureInfo.InvariantCulture),
                p.SharedPositions.ToString(CultureInfo.InvariantCulture),
                p.VillagesGained.ToString(CultureInfo.InvariantCulture),
                IndicatorColumns.Fixed(p.FibreKm, 1),
                IndicatorColumns.Fixed(p.UndergroundKm, 1));
        }

        console.Ansi.Write(phases);
        console.Out.WriteLine(Texts.Format(
            "plan.summary",
            lang,
            r.New.Count(),
            r.Positions.Count(p => p.Status == PlanPositionStatus.Share),
            r.Positions.Count(p => p.Status == PlanPositionStatus.Keep),
            r.Positions.Count(p => p.Status == PlanPositionStatus.Convert),
            r.Positions.Count(p => p.Status == PlanPositionStatus.Remove),
            IndicatorColumns.Fixed(PlanWriter.Pct(r.SharingBefore.Shared, r.SharingBefore.Positions), 1),
            IndicatorColumns.Fixed(PlanWriter.Pct(r.SharingAfter.Shared, r.SharingAfter.Positions), 1),
            r.Missed.Select(m => m.SettlementId).Distinct().Count()));
    }

    private static string Count(int n, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} ({IndicatorColumns.Fixed(total == 0 ? null : 100.0 * n / total, 1)}%)");
}
