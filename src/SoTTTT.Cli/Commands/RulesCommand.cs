using System.CommandLine;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Rules;
using SoTTTT.IO;
using SoTTTT.IO.Writing;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt rules [DATASET] [--print] [--format table|json]</c>: the effective province rules — the dataset's
/// rules.json over the documented defaults, or the defaults alone without a dataset. JSON is a complete rules.json.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string?>("DATASET") { Description = "dataset folder (omit for the defaults)", Arity = ArgumentArity.ZeroOrOne };
        var print = new Option<bool>("--print") { Description = "print the effective rules (what the command does; kept for scripts)" };
        var format = new Option<string?>("--format") { Description = "table | json (table on a terminal, json otherwise; json is a complete rules.json)" };
        format.AcceptOnlyFromAmong("table", "json");
        var lang = new Option<string?>("--lang") { Description = "vi | en" };
        lang.AcceptOnlyFromAmong("vi", "en");
        var command = new Command("rules", "quy định của tỉnh đang áp dụng / the effective province rules (rules.json and defaults)") { dataset, print, format, lang };
        command.SetAction(parse =>
        {
            var language = parse.GetValue(lang) ?? "vi";
            var rules = ProvinceRules.Default;
            string? source = null;
            if (parse.GetValue(dataset) is { } folder)
            {
                var loaded = DatasetLoader.LoadRules(folder);
                if (loaded.Rules is null)
                {
                    return ProblemReport.Print(console, loaded.Problems, language);
                }

                rules = loaded.Rules;
                source = loaded.Source is null ? null : Path.Combine(folder, loaded.Source);
            }

            if ((parse.GetValue(format) ?? (console.OutIsTerminal ? "table" : "json")) == "json")
            {
                console.Out.Write(RulesWriter.ToJson(rules));
            }
            else
            {
                RulesView.Render(console, rules, source, language);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
