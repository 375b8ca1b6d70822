using SoTTTT.Core.Approval;
using Spectre.Console;

namespace SoTTTT.Cli.Output;

/// <summary>The verdicts for people: one line per application with the failed rule codes.</summary>
internal static class ApprovalView
{
    public static void Render(CliConsole console, ApprovalResult result, string lang)
    {
        var table = new Table()
            .Title($"{Texts.Get("approve.title", lang)} — {result.Dataset}")
            .Caption(Texts.Format("approve.caption", lang, result.Rules.MustShareM.UrbanM, result.Rules.MustShareM.NonUrbanM, Texts.Get(result.PlanCheck ? "approve.plan.on" : "approve.plan.off", lang)))
            .Border(TableBorder.Rounded);
        foreach (var key in new[] { "approve.row", "approve.id", "approve.operator", "approve.type", "approve.height", "approve.verdict", "approve.tower", "approve.failed" })
        {
            table.AddColumn(TerminalText.Cell(Texts.Get(key, lang)));
        }

        foreach (var v in result.Verdicts)
        {
            table.AddRow(
                v.Row.ToString(),
                TerminalText.Cell(v.ApplicationId ?? "–"),
                TerminalText.Cell(v.Application?.Operator ?? "–"),
                TerminalText.Cell(v.Application?.Type ?? "–"),
                v.Application?.HeightM.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "–",
                TerminalText.Cell(Texts.Get("verdict." + VerdictKeys.Key(v.Verdict), lang)),
                TerminalText.Cell(v.TowerId ?? ""),
                TerminalText.Cell(string.Join(", ", v.Failed)));
        }

        console.Ansi.Write(table);
        if (!result.CoverageGainComputed)
        {
            console.Error.WriteLine(Texts.Get("approve.no_coverage", lang));
        }
    }
}
