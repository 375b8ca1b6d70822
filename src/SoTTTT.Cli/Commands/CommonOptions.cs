using System.CommandLine;

namespace SoTTTT.Cli.Commands;

/// <summary>Options every analysis command takes (PRODUCT.md): --format, --out, --lang.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Format { get; } = new("--format") { Description = "table | csv | json (table on a terminal, csv otherwise)" };

    public Option<string?> Out { get; } = new("--out") { Description = "folder (or file) to write results to" };

    public Option<string?> Lang { get; } = new("--lang") { Description = "vi | en: language of reports and legends (default vi, or the dataset's lang)" };

    /// <summary>Adds the options; <paramref name="extraFormats"/> are formats this command writes besides table, csv and json (e.g. xlsx).</summary>
    public void AddTo(Command command, params string[] extraFormats)
    {
        Format.AcceptOnlyFromAmong(["table", "csv", "json", .. extraFormats]);
        Lang.AcceptOnlyFromAmong("vi", "en");
        command.Options.Add(Format);
        command.Options.Add(Out);
        command.Options.Add(Lang);
    }
}
