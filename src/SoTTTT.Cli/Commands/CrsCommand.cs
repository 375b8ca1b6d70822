using System.CommandLine;
using System.Globalization;
using System.Text;
using SoTTTT.Core.Crs;

namespace SoTTTT.Cli.Commands;

/// <summary>
/// <c>sotttt crs --from A --to B</c>: converts <c>x,y</c> rows on stdin (header optional, further columns passed
/// through) to stdout; x is longitude / easting, y latitude / northing. Metres get 4 decimals, degrees 9.
/// Any bad row: every problem listed on stderr, nothing on stdout, exit 2.
/// </summary>
internal static class CrsCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "source CRS (WGS84, VN2000, VN2000:105.5, VN2000:105°30', VN2000:UTM48, EPSG code, province name)", Required = true };
        var to = new Option<string>("--to") { Description = "target CRS", Required = true };
        var command = new Command("crs", "chuyển đổi tọa độ / convert x,y rows between CRSs (stdin → stdout)") { from, to };
        command.SetAction(parse => Convert(console, parse.GetValue(from)!, parse.GetValue(to)!));
        return command;
    }

    private static int Convert(CliConsole console, string fromName, string toName)
    {
        var problems = new List<string>();
        if (!CrsRegistry.TryParse(fromName, out var from, out var fromError))
        {
            problems.Add($"--from: UNKNOWN_CRS: {fromError}");
        }

        if (!CrsRegistry.TryParse(toName, out var to, out var toError))
        {
            problems.Add($"--to: UNKNOWN_CRS: {toError}");
        }

        if (from is null || to is null)
        {
            return Fail(console, problems);
        }

        var transformer = CoordinateTransformer.Create(from, to);
        var format = to.IsGeographic ? "F9" : "F4";
        var output = new StringBuilder();
        var lineNumber = 0;
        var sawData = false;
        while (console.In.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Contains(',', StringComparison.Ordinal)
                ? line.Split(',')
                : line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var xOk = TryNumber(fields, 0, out var x);
            var yOk = TryNumber(fields, 1, out var y);
            if (!sawData && !xOk && !yOk)
            {
                output.Append(line.Trim()).Append('\n');
                sawData = true;
                continue;
            }

            sawData = true;
            if (!xOk || !yOk)
            {
                problems.Add($"stdin, row {lineNumber}: UNPARSABLE_NUMBER: expected x,y numbers, got '{line.Trim()}'");
                continue;
            }

            if (from.IsGeographic ? Math.Abs(x) > 180 || Math.Abs(y) > 90 : Math.Abs(x) > MaxProjectedMetres || Math.Abs(y) > MaxProjectedMetres)
            {
                var range = from.IsGeographic ? "longitude −180…180°, latitude −90…90°" : "±40,000 km";
                problems.Add($"stdin, row {lineNumber}: VALUE_OUT_OF_RANGE: ({x.ToString("G6", CultureInfo.InvariantCulture)}, {y.ToString("G6", CultureInfo.InvariantCulture)}) is outside {range} in {from.Name}");
                continue;
            }

            double tx, ty;
            try
            {
                (tx, ty) = transformer.Transform(x, y);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ArithmeticException)
            {
                // ProjNet's inverse projections do not converge far outside their zone.
                (tx, ty) = (double.NaN, double.NaN);
            }

            if (!double.IsFinite(tx) || !double.IsFinite(ty))
            {
                problems.Add($"stdin, row {lineNumber}: VALUE_OUT_OF_RANGE: ({x}, {y}) cannot be converted from {from.Name} to {to.Name}");
                continue;
            }

            output.Append(tx.ToString(format, CultureInfo.InvariantCulture)).Append(',').Append(ty.ToString(format, CultureInfo.InvariantCulture));
            for (var i = 2; i < fields.Length; i++)
            {
                output.Append(',').Append(fields[i].Trim());
            }

            output.Append('\n');
        }

        if (problems.Count > 0)
        {
            return Fail(console, problems);
        }

        console.Out.Write(output.ToString());
        return ExitCodes.Ok;
    }

    /// <summary>Projected coordinates beyond this (Earth's circumference, in metres) cannot be right.</summary>
    private const double MaxProjectedMetres = 40_000_000;

    private static bool TryNumber(string[] fields, int index, out double value)
    {
        value = 0;
        return index < fields.Length && double.TryParse(fields[index].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static int Fail(CliConsole console, List<string> problems)
    {
        foreach (var problem in problems)
        {
            console.Error.WriteLine(problem);
        }

        return ExitCodes.BadInput;
    }
}
