using System.Globalization;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Validation;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// Turns path-loss input problems into <see cref="ValidationProblem"/>s in the user's language, located at a command-line
/// option (<c>--freq-mhz: …</c>) or at a column of a <c>--batch</c> row (<c>stdin, row 3, column 'freq_mhz': …</c>).
/// </summary>
internal static class PathLossProblems
{
    /// <summary>The option that carries a parameter: <c>freq_mhz</c> → <c>--freq-mhz</c>.</summary>
    public static string Option(string parameter) => "--" + parameter.Replace('_', '-');

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static ValidationProblem FromInput(PathLossInputProblem problem, IPathLossModel model, string environment, string lang, Site site)
    {
        var name = site.Name(problem.Parameter);
        var message = problem.Code switch
        {
            ProblemCodes.ValueOutOfRange => Texts.Format("pl.err.not_positive", lang, name, problem.Value is { } v ? Number(v) : ""),
            ProblemCodes.UnknownEnvironment when model.Environments.Count == 0 => Texts.Format("pl.err.no_env", lang, model.Name, environment),
            ProblemCodes.UnknownEnvironment => Texts.Format("pl.err.unknown_env", lang, model.Name, environment, string.Join(", ", model.Environments)),
            ProblemCodes.MissingValue when problem.Parameter == PathLossParameters.Environment =>
                Texts.Format("pl.err.missing_env", lang, model.Name, string.Join(", ", model.Environments)),
            _ => Texts.Format("pl.err.missing_heights", lang, model.Name, name),
        };
        return site.Make(problem.Code, message, problem.Parameter);
    }

    /// <summary>"freq_mhz = 2114 MHz (hợp lệ 1500–2000 MHz)", all of them joined by "; ".</summary>
    public static string Describe(IReadOnlyList<OutOfRangeParameter> outOfRange, string lang) =>
        string.Join("; ", outOfRange.Select(o => Texts.Format("pl.outside", lang, o.Parameter, Number(o.Value), o.Unit, o.Range)));

    public static ValidationProblem FromOutOfRange(OutOfRangeParameter outside, IPathLossModel model, string lang, Site site) =>
        site.Make(
            ProblemCodes.OutsideModelValidity,
            Texts.Format("pl.err.outside", lang, site.Name(outside.Parameter), Number(outside.Value), outside.Unit, outside.Range, model.Name),
            outside.Parameter);

    /// <summary>Where problems are reported: the command-line options, or one data row of stdin (1-based, header is row 0).</summary>
    internal sealed class Site
    {
        private Site(int? row) => Row = row;

        public static Site Options { get; } = new(null);

        public int? Row { get; }

        public static Site StdinRow(int row) => new(row);

        /// <summary>How the parameter is named to the user here: the option, or the CSV column.</summary>
        public string Name(string parameter) => Row is null ? Option(parameter) : parameter;

        public ValidationProblem Make(string code, string message, string parameter) =>
            Row is { } r
                ? new ValidationProblem(code, message, "stdin", r, parameter, null)
                : new ValidationProblem(code, message, Option(parameter), null, null, null);
    }
}
