using System.Globalization;
using System.Text;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Validation;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt pathloss --batch</c>: CSV on stdin with the header <c>model,freq_mhz,dist_km,hb_m,hm_m,env</c> (any order,
/// further columns passed through, no quoted fields), written back to stdout with a <c>loss_db</c> column (dB, two
/// decimals, invariant culture) and, with <c>--allow-extrapolation</c>, an <c>extrapolated</c> column. Any bad row:
/// every problem listed on stderr with its row number (the line as a text editor shows it: header = row 1), nothing on stdout, exit 2.
/// </summary>
internal static class PathLossBatch
{
    private const string Header = "model,freq_mhz,dist_km,hb_m,hm_m,env";

    private static readonly string[] RequiredColumns = ["model", PathLossParameters.FreqMHz, PathLossParameters.DistanceKm, PathLossParameters.BaseHeightM, PathLossParameters.MobileHeightM, PathLossParameters.Environment];

    public static int Run(CliConsole console, IReadOnlyList<string> singleRunOptions, string? format, bool allowExtrapolation, string lang)
    {
        var problems = new List<ValidationProblem>();
        foreach (var option in singleRunOptions)
        {
            problems.Add(new ValidationProblem(ProblemCodes.ConflictingOptions, Texts.Format("pl.err.batch_option", lang, option), option, null, null, null));
        }

        if (format is not (null or "csv"))
        {
            problems.Add(new ValidationProblem(ProblemCodes.ConflictingOptions, Texts.Get("pl.err.batch_format", lang), "--format", null, null, null));
        }

        if (problems.Count > 0)
        {
            return ProblemReport.Print(console, problems, lang);
        }

        // Rows are numbered as a text editor shows the lines (README "Validation"): the header is row 1 (after any blank lines).
        var row = 0;
        string? headerLine;
        do
        {
            headerLine = console.In.ReadLine();
            row++;
        }
        while (headerLine is not null && string.IsNullOrWhiteSpace(headerLine));

        if (headerLine is null)
        {
            problems.Add(new ValidationProblem(ProblemCodes.MissingRequiredColumn, Texts.Format("pl.err.batch_empty", lang, Header), "stdin", null, null, null));
            return ProblemReport.Print(console, problems, lang);
        }

        var header = headerLine.Split(',').Select(h => h.Trim()).ToArray();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            index.TryAdd(header[i], i);
        }

        foreach (var column in RequiredColumns.Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new ValidationProblem(ProblemCodes.MissingRequiredColumn, Texts.Format("pl.err.missing_column", lang, column, Header), "stdin", 0, column, null));
        }

        if (problems.Count > 0)
        {
            return ProblemReport.Print(console, problems, lang);
        }

        var output = new StringBuilder();
        output.Append(string.Join(',', header)).Append(",loss_db");
        output.Append(allowExtrapolation ? ",extrapolated\n" : "\n");
        var warnings = new List<string>();
        while (console.In.ReadLine() is { } line)
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != header.Length)
            {
                problems.Add(new ValidationProblem(ProblemCodes.RowLength, Texts.Format("pl.err.row_length", lang, fields.Length, header.Length), "stdin", row, null, null));
                continue;
            }

            var result = Evaluate(fields, index, row, allowExtrapolation, lang, problems, out var model);
            if (result is null)
            {
                continue;
            }

            if (result.Extrapolated)
            {
                warnings.Add(Texts.Format("pl.warning", lang, $"stdin, row {row}", model!.Name, PathLossProblems.Describe(result.OutOfRange, lang)));
            }

            output.Append(string.Join(',', fields)).Append(',').Append(PathLossView.Fixed(result.LossDb, 2));
            output.Append(allowExtrapolation ? "," + PathLossView.Bool(result.Extrapolated) + "\n" : "\n");
        }

        if (problems.Count > 0)
        {
            return ProblemReport.Print(console, problems, lang);
        }

        foreach (var warning in warnings)
        {
            console.Error.WriteLine(warning);
        }

        console.Out.Write(output.ToString());
        return ExitCodes.Ok;
    }

    /// <summary>The row's loss, or null after adding its problems.</summary>
    private static PathLossResult? Evaluate(
        string[] fields,
        Dictionary<string, int> index,
        int row,
        bool allowExtrapolation,
        string lang,
        List<ValidationProblem> problems,
        out IPathLossModel? model)
    {
        var site = PathLossProblems.Site.StdinRow(row);
        var before = problems.Count;
        string Field(string column) => fields[index[column]];

        var modelName = Field("model");
        model = PathLossModels.ByName(modelName);
        if (model is null)
        {
            var message = modelName.Length == 0 ? Texts.Format("pl.err.missing", lang, "model") : Texts.Format("pl.err.unknown_model", lang, modelName, PathLossModels.Names);
            problems.Add(site.Make(modelName.Length == 0 ? ProblemCodes.MissingValue : ProblemCodes.UnknownModel, message, "model"));
        }

        if (model is not null && PathLossModels.NeedsTerrain(model))
        {
            problems.Add(site.Make(ProblemCodes.ConflictingOptions, Texts.Get("pl.err.itm_batch_row", lang), "model"));
            model = null;
        }

        var freq = Number(Field(PathLossParameters.FreqMHz), PathLossParameters.FreqMHz, required: true, site, lang, problems);
        var dist = Number(Field(PathLossParameters.DistanceKm), PathLossParameters.DistanceKm, required: true, site, lang, problems);
        var hb = Number(Field(PathLossParameters.BaseHeightM), PathLossParameters.BaseHeightM, required: false, site, lang, problems);
        var hm = Number(Field(PathLossParameters.MobileHeightM), PathLossParameters.MobileHeightM, required: false, site, lang, problems);
        var environment = Field(PathLossParameters.Environment).ToLowerInvariant();
        if (model is null || freq is null || dist is null || problems.Count > before)
        {
            return null;
        }

        var input = new PathLossInput(freq.Value, dist.Value, hb, hm, environment);
        foreach (var problem in PathLossInputValidator.Validate(model, input))
        {
            problems.Add(PathLossProblems.FromInput(problem, model, environment, lang, site));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var result = model.LossDb(input);
        if (result.Extrapolated && !allowExtrapolation)
        {
            var m = model;
            problems.AddRange(result.OutOfRange.Select(o => PathLossProblems.FromOutOfRange(o, m, lang, site)));
            return null;
        }

        return result;
    }

    /// <summary>The cell's number; null when it is empty (a problem only if <paramref name="required"/>) or not a number.</summary>
    private static double? Number(string cell, string column, bool required, PathLossProblems.Site site, string lang, List<ValidationProblem> problems)
    {
        if (cell.Length == 0)
        {
            if (required)
            {
                problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Format("pl.err.missing", lang, column), column));
            }

            return null;
        }

        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(site.Make(ProblemCodes.UnparsableNumber, Texts.Format("pl.err.unparsable", lang, column, cell), column));
        return null;
    }
}
