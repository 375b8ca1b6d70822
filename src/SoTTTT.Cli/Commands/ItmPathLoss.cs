using System.Globalization;
using System.Text;
using SoTTTT.Cli.Output;
using SoTTTT.Core.Coverage.PathLoss;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Terrain;
using SoTTTT.Core.Validation;
using SoTTTT.IO.Terrain;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt pathloss --model itm --dem FILE --tx LON,LAT --rx LON,LAT --hb-m H --hm-m H --freq-mhz F [--eps 15]
/// [--sigma 0.005] [--ns 301] [--climate 5] [--polarization v|h] [--time-pct 50] [--location-pct 50]
/// [--situation-pct 50]</c>: the Longley-Rice ITM over the DEM's profile between two WGS84 points. The profile is
/// measured in the DEM's CRS when it is projected, else in the VN-2000 TM-3 zone nearest to the path, sampled at the
/// DEM's resolution (<see cref="TerrainProfiler"/>). With <c>--batch</c>, CSV rows
/// <c>tx_lon,tx_lat,rx_lon,rx_lat,hb_m,hm_m,freq_mhz</c> on stdin (the other parameters from the options) come back
/// with <c>dist_km,loss_db,attenuation_db,mode,los,kwx</c>. Bad input, a profile leaving the DEM or touching no-data,
/// and (without <c>--allow-extrapolation</c>) input outside the model's range exit with 2 and coded problems.
/// </summary>
internal static class ItmPathLoss
{
    private static readonly string[] BatchColumns = ["tx_lon", "tx_lat", "rx_lon", "rx_lat", PathLossParameters.BaseHeightM, PathLossParameters.MobileHeightM, PathLossParameters.FreqMHz];

    /// <summary>The options of an ITM run; null numbers were not given.</summary>
    internal sealed record Request(
        string? Dem,
        string? Tx,
        string? Rx,
        double? FreqMHz,
        double? BaseHeightM,
        double? MobileHeightM,
        double? Permittivity,
        double? Conductivity,
        double? Refractivity,
        int? Climate,
        string? Polarization,
        double? TimePct,
        double? LocationPct,
        double? SituationPct,
        IReadOnlyList<string> ConflictingOptions);

    public static int Run(CliConsole console, Request request, bool batch, string? format, bool allowExtrapolation, string lang)
    {
        var site = PathLossProblems.Site.Options;
        var problems = request.ConflictingOptions
            .Select(o => site.Make(ProblemCodes.ConflictingOptions, Texts.Format("pl.err.itm_option", lang, o), o.TrimStart('-').Replace('-', '_')))
            .ToList();
        if (request.Dem is null)
        {
            problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Format("pl.err.missing", lang, "--dem"), "dem"));
        }

        var template = Parameters(request, problems, lang, requireLink: !batch);
        (double Lon, double Lat)? tx = null, rx = null;
        if (batch)
        {
            foreach (var (name, given) in new[] { ("--tx", request.Tx), ("--rx", request.Rx) })
            {
                if (given is not null)
                {
                    problems.Add(site.Make(ProblemCodes.ConflictingOptions, Texts.Format("pl.err.batch_option", lang, name), name.TrimStart('-')));
                }
            }

            if (format is not (null or "csv"))
            {
                problems.Add(site.Make(ProblemCodes.ConflictingOptions, Texts.Get("pl.err.batch_format", lang), "format"));
            }
        }
        else
        {
            tx = Position(request.Tx, "tx", site, problems, lang);
            rx = Position(request.Rx, "rx", site, problems, lang);
        }

        if (problems.Count > 0 || template is null)
        {
            return ProblemReport.Print(console, problems, lang);
        }

        var read = GeoTiffReader.Read(request.Dem!, request.Dem);
        if (read.Grid is not { } dem)
        {
            return ProblemReport.Print(console, read.Problems, lang);
        }

        return batch
            ? RunBatch(console, dem, template, allowExtrapolation, lang)
            : RunOne(console, dem, template, tx!.Value, rx!.Value, format ?? (console.OutIsTerminal ? "table" : "csv"), allowExtrapolation, lang);
    }

    private static int RunOne(CliConsole console, ElevationGrid dem, ItmParameters parameters, (double Lon, double Lat) tx, (double Lon, double Lat) rx, string format, bool allowExtrapolation, string lang)
    {
        var site = PathLossProblems.Site.Options;
        var problems = new List<ValidationProblem>();
        var outcome = Predict(dem, parameters, tx, rx, site, problems, lang);
        if (outcome is null)
        {
            return ProblemReport.Print(console, problems, lang);
        }

        var (result, txGround, rxGround, crs) = outcome.Value;
        if (result.OutOfRange.Count > 0)
        {
            if (!allowExtrapolation)
            {
                return ProblemReport.Print(console, result.OutOfRange.Select(o => PathLossProblems.FromOutOfRange(o, PathLossModels.Itm, lang, site)).ToList(), lang);
            }

            console.Error.WriteLine(Texts.Format("pl.warning", lang, "pathloss", ItmPointToPoint.ModelName, PathLossProblems.Describe(result.OutOfRange, lang)));
        }

        if (result.ErrorCode > 0)
        {
            console.Error.WriteLine(Texts.Format("pl.itm.kwx_warning", lang, result.ErrorCode, Warnings(result.Warnings)));
        }

        PathLossView.WriteItm(console, format, lang, new PathLossView.ItmRun(parameters, tx, rx, txGround, rxGround, crs.Name, result));
        return ExitCodes.Ok;
    }

    private static int RunBatch(CliConsole console, ElevationGrid dem, ItmParameters template, bool allowExtrapolation, string lang)
    {
        var problems = new List<ValidationProblem>();
        // Rows are numbered as a text editor shows the lines (README "Validation"): the header is row 1 (after any blank lines).
        var row = 0;
        string? headerLine;
        do
        {
            headerLine = console.In.ReadLine();
            row++;
        }
        while (headerLine is not null && string.IsNullOrWhiteSpace(headerLine));

        var header = (headerLine ?? string.Empty).Split(',').Select(h => h.Trim()).ToArray();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            index.TryAdd(header[i], i);
        }

        var expected = string.Join(',', BatchColumns);
        foreach (var column in BatchColumns.Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new ValidationProblem(ProblemCodes.MissingRequiredColumn, Texts.Format("pl.err.missing_column", lang, column, expected), "stdin", 0, column, null));
        }

        if (problems.Count > 0)
        {
            return ProblemReport.Print(console, problems, lang);
        }

        var output = new StringBuilder();
        output.Append(string.Join(',', header)).Append(",dist_km,loss_db,attenuation_db,mode,los,kwx");
        output.Append(allowExtrapolation ? ",extrapolated\n" : "\n");
        var warnings = new List<string>();
        while (console.In.ReadLine() is { } line)
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var site = PathLossProblems.Site.StdinRow(row);
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != header.Length)
            {
                problems.Add(new ValidationProblem(ProblemCodes.RowLength, Texts.Format("pl.err.row_length", lang, fields.Length, header.Length), "stdin", row, null, null));
                continue;
            }

            var before = problems.Count;
            double Cell(string column) => Number(fields[index[column]], column, site, problems, lang);
            var tx = (Lon: Cell("tx_lon"), Lat: Cell("tx_lat"));
            var rx = (Lon: Cell("rx_lon"), Lat: Cell("rx_lat"));
            var parameters = template with { TxHeightM = Cell(PathLossParameters.BaseHeightM), RxHeightM = Cell(PathLossParameters.MobileHeightM), FreqMHz = Cell(PathLossParameters.FreqMHz) };
            if (problems.Count > before)
            {
                continue;
            }

            CheckLonLat(tx, "tx", site, problems, lang);
            CheckLonLat(rx, "rx", site, problems, lang);
            foreach (var problem in ItmPointToPoint.Validate(parameters))
            {
                problems.Add(site.Make(problem.Code, Texts.Format("pl.err.itm_value", lang, site.Name(problem.Parameter), Show(problem.Value)), problem.Parameter));
            }

            if (problems.Count > before)
            {
                continue;
            }

            var outcome = Predict(dem, parameters, tx, rx, site, problems, lang);
            if (outcome is not { } o)
            {
                continue;
            }

            var result = o.Result;
            if (result.Extrapolated && !allowExtrapolation)
            {
                problems.AddRange(result.OutOfRange.Select(x => PathLossProblems.FromOutOfRange(x, PathLossModels.Itm, lang, site)));
                continue;
            }

            if (result.Extrapolated)
            {
                warnings.Add(Texts.Format("pl.warning", lang, $"stdin, row {row}", ItmPointToPoint.ModelName, PathLossProblems.Describe(result.OutOfRange, lang)));
            }

            output.Append(string.Join(',', fields))
                .Append(',').Append(PathLossView.Fixed(result.DistanceKm, 4))
                .Append(',').Append(PathLossView.Fixed(result.LossDb, 2))
                .Append(',').Append(PathLossView.Fixed(result.AttenuationDb, 2))
                .Append(',').Append(PathLossView.Mode(result.Mode))
                .Append(',').Append(PathLossView.Bool(result.IsLineOfSight))
                .Append(',').Append(result.ErrorCode.ToString(CultureInfo.InvariantCulture));
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

    /// <summary>The prediction between two WGS84 points, or null after adding the problem (outside the DEM, no data, same point).</summary>
    private static (ItmResult Result, double TxGround, double RxGround, CrsDefinition Crs)? Predict(
        ElevationGrid dem,
        ItmParameters parameters,
        (double Lon, double Lat) tx,
        (double Lon, double Lat) rx,
        PathLossProblems.Site site,
        List<ValidationProblem> problems,
        string lang)
    {
        var crs = dem.Crs.IsGeographic ? CrsRegistry.Tm3NearestTo((tx.Lon + rx.Lon) / 2) : dem.Crs;
        var toAnalysis = CoordinateTransformer.Create(CrsRegistry.Wgs84, crs);
        var (x0, y0) = toAnalysis.Transform(tx.Lon, tx.Lat);
        var (x1, y1) = toAnalysis.Transform(rx.Lon, rx.Lat);
        var profiler = new TerrainProfiler(dem, crs);
        if (Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0))) < 1)
        {
            problems.Add(site.Make(ProblemCodes.ValueOutOfRange, Texts.Get("pl.err.itm_same_point", lang), "rx"));
            return null;
        }

        var extracted = profiler.Extract(x0, y0, x1, y1);
        if (extracted.Problem is { } problem)
        {
            var (lon, lat) = CoordinateTransformer.ToGeographicWgs84(crs).Transform(problem.X, problem.Y);
            var key = problem.Code == ProblemCodes.DemNoData ? "pl.err.dem_no_data" : "pl.err.dem_outside";
            problems.Add(site.Make(problem.Code, Texts.Format(key, lang, Show(lon, 6), Show(lat, 6), Show(problem.DistanceM, 0)), "dem"));
            return null;
        }

        var profile = extracted.Profile!;
        var result = ItmPointToPoint.Compute(profile, parameters);
        return (result, profile.ElevationsM[0], profile.ElevationsM[^1], crs);
    }

    /// <summary>The ITM parameters from the options, or null after adding problems.</summary>
    private static ItmParameters? Parameters(Request request, List<ValidationProblem> problems, string lang, bool requireLink)
    {
        var site = PathLossProblems.Site.Options;
        if (requireLink)
        {
            foreach (var (name, value) in new[] { ("--freq-mhz", request.FreqMHz), ("--hb-m", request.BaseHeightM), ("--hm-m", request.MobileHeightM) })
            {
                if (value is null)
                {
                    problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Format("pl.err.missing", lang, name), name.TrimStart('-').Replace('-', '_')));
                }
            }
        }

        var polarization = Polarization.Vertical;
        switch (request.Polarization?.Trim().ToLowerInvariant())
        {
            case null or "v" or "vertical":
                break;
            case "h" or "horizontal":
                polarization = Polarization.Horizontal;
                break;
            default:
                problems.Add(site.Make(ProblemCodes.UnknownValue, Texts.Format("pl.err.itm_polarization", lang, request.Polarization), PathLossParameters.Polarization));
                break;
        }

        if (request.Climate is { } climate && climate is < 1 or > 7)
        {
            problems.Add(site.Make(ProblemCodes.ValueOutOfRange, Texts.Format("pl.err.itm_climate", lang, climate), PathLossParameters.Climate));
        }

        var defaults = new ItmParameters(900, 30, 1.5);
        var parameters = defaults with
        {
            FreqMHz = request.FreqMHz ?? defaults.FreqMHz,
            TxHeightM = request.BaseHeightM ?? defaults.TxHeightM,
            RxHeightM = request.MobileHeightM ?? defaults.RxHeightM,
            Permittivity = request.Permittivity ?? defaults.Permittivity,
            ConductivitySPerM = request.Conductivity ?? defaults.ConductivitySPerM,
            SurfaceRefractivityN = request.Refractivity ?? defaults.SurfaceRefractivityN,
            Climate = request.Climate is { } c and >= 1 and <= 7 ? (RadioClimate)c : defaults.Climate,
            Polarization = polarization,
            TimePct = request.TimePct ?? defaults.TimePct,
            LocationPct = request.LocationPct ?? defaults.LocationPct,
            SituationPct = request.SituationPct ?? defaults.SituationPct,
        };
        foreach (var problem in ItmPointToPoint.Validate(parameters))
        {
            problems.Add(site.Make(problem.Code, Texts.Format("pl.err.itm_value", lang, site.Name(problem.Parameter), Show(problem.Value)), problem.Parameter));
        }

        return problems.Count == 0 ? parameters : null;
    }

    private static (double Lon, double Lat)? Position(string? text, string name, PathLossProblems.Site site, List<ValidationProblem> problems, string lang)
    {
        if (text is null)
        {
            problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Format("pl.err.missing", lang, "--" + name), name));
            return null;
        }

        var parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
        {
            problems.Add(site.Make(ProblemCodes.UnparsableNumber, Texts.Format("pl.err.itm_position", lang, "--" + name, text), name));
            return null;
        }

        var before = problems.Count;
        CheckLonLat((lon, lat), name, site, problems, lang);
        return problems.Count == before ? (lon, lat) : null;
    }

    private static void CheckLonLat((double Lon, double Lat) p, string name, PathLossProblems.Site site, List<ValidationProblem> problems, string lang)
    {
        if (!(double.IsFinite(p.Lon) && double.IsFinite(p.Lat) && p.Lon is >= -180 and <= 180 && p.Lat is >= -90 and <= 90))
        {
            problems.Add(site.Make(ProblemCodes.ValueOutOfRange, Texts.Format("pl.err.itm_position", lang, name, $"{Show(p.Lon)},{Show(p.Lat)}"), name));
        }
    }

    private static double Number(string cell, string column, PathLossProblems.Site site, List<ValidationProblem> problems, string lang)
    {
        if (cell.Length == 0)
        {
            problems.Add(site.Make(ProblemCodes.MissingValue, Texts.Format("pl.err.missing", lang, column), column));
            return double.NaN;
        }

        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(site.Make(ProblemCodes.UnparsableNumber, Texts.Format("pl.err.unparsable", lang, column, cell), column));
        return double.NaN;
    }

    /// <summary>The warning flags as snake-case names, comma-separated.</summary>
    public static string Warnings(ItmWarnings warnings) =>
        string.Join(", ", Enum.GetValues<ItmWarnings>().Where(w => w != ItmWarnings.None && warnings.HasFlag(w)).Select(PathLossView.SnakeCase));

    private static string Show(double? value, int decimals = -1) =>
        value is not { } v ? string.Empty : decimals < 0 ? v.ToString(CultureInfo.InvariantCulture) : v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
