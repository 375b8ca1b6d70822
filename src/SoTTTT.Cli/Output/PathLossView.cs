using System.Globalization;
using System.Text;
using System.Text.Json;
using SoTTTT.Core.Coverage.PathLoss;
using Spectre.Console;

namespace SoTTTT.Cli.Output;

/// <summary>
/// <c>pathloss</c> results as a table (Vietnamese or English headers), CSV or JSON. Loss in dB with two decimals,
/// distances in km with four, invariant culture, <c>\n</c> line ends.
/// </summary>
internal static class PathLossView
{
    public static void WriteLoss(CliConsole console, string format, string lang, IPathLossModel model, PathLossInput input, PathLossResult result)
    {
        var env = input.Environment.Length == 0 ? null : input.Environment;
        switch (format)
        {
            case "json":
                console.Out.Write(Json(w =>
                {
                    Common(w, model, env, input.FreqMHz, input.BaseHeightM, input.MobileHeightM);
                    w.WriteNumber("dist_km", input.DistanceKm);
                    w.WriteNumber("loss_db", Round(result.LossDb, 2));
                    Flags(w, result.OutOfRange);
                }));
                break;
            case "csv":
                console.Out.Write("model,env,freq_mhz,dist_km,hb_m,hm_m,loss_db,extrapolated\n");
                console.Out.Write(Csv(model.Name, env, Num(input.FreqMHz), Num(input.DistanceKm), Num(input.BaseHeightM), Num(input.MobileHeightM), Fixed(result.LossDb, 2), Bool(result.Extrapolated)));
                break;
            default:
                Table(
                    console,
                    lang,
                    Texts.Get("pl.title", lang),
                    result.OutOfRange,
                    ("pl.model", model.Name),
                    ("pl.env", env ?? "–"),
                    ("pl.freq_mhz", Num(input.FreqMHz)),
                    ("pl.dist_km", Num(input.DistanceKm)),
                    ("pl.hb_m", Num(input.BaseHeightM) is { Length: > 0 } hb ? hb : "–"),
                    ("pl.hm_m", Num(input.MobileHeightM) is { Length: > 0 } hm ? hm : "–"),
                    ("pl.loss_db", Fixed(result.LossDb, 2)));
                break;
        }
    }

    public static void WriteRange(
        CliConsole console,
        string format,
        string lang,
        IPathLossModel model,
        PathLossInput input,
        double eirpDbm,
        double thresholdDbm,
        MaxRangeResult result,
        Core.Coverage.LinkBudget? budget = null)
    {
        var env = input.Environment.Length == 0 ? null : input.Environment;
        var maxRange = result.MaxRangeKm is { } km ? Fixed(km, 4) : "";
        switch (format)
        {
            case "json":
                console.Out.Write(Json(w =>
                {
                    Common(w, model, env, input.FreqMHz, input.BaseHeightM, input.MobileHeightM);
                    w.WriteNumber("eirp_dbm", eirpDbm);
                    w.WriteNumber("threshold_dbm", thresholdDbm);
                    w.WriteNumber("rx_gain_dbi", 0);
                    if (budget is not null)
                    {
                        w.WriteString("reference_signal", budget.Signal.Name);
                        w.WriteNumber("rs_offset_db", Round(budget.Signal.OffsetDb, 2));
                        w.WriteNumber("rs_eirp_dbm", Round(budget.ReferenceEirpDbm, 2));
                        w.WriteNumber("receiver_losses_db", Round(budget.ReceiverLossesDb, 2));
                    }

                    w.WriteNumber("allowed_loss_db", Round(result.AllowedLossDb, 2));
                    if (result.MaxRangeKm is { } value)
                    {
                        w.WriteNumber("max_range_km", Round(value, 4));
                    }
                    else
                    {
                        w.WriteNull("max_range_km");
                    }

                    w.WriteString("range_status", Status(result.Status));
                    w.WriteStartObject("dist_range_km");
                    FiniteOrNull(w, "min", result.DistanceRangeKm.Min);
                    FiniteOrNull(w, "max", result.DistanceRangeKm.Max);
                    w.WriteEndObject();
                    Flags(w, result.OutOfRange);
                }));
                break;
            case "csv":
                console.Out.Write("model,env,freq_mhz,hb_m,hm_m,eirp_dbm,threshold_dbm,allowed_loss_db,max_range_km,range_status,extrapolated" + (budget is null ? "\n" : ",reference_signal,rs_offset_db,rs_eirp_dbm,receiver_losses_db\n"));
                console.Out.Write(Csv(
                    model.Name,
                    env,
                    Num(input.FreqMHz),
                    Num(input.BaseHeightM),
                    Num(input.MobileHeightM),
                    Num(eirpDbm),
                    Num(thresholdDbm),
                    Fixed(result.AllowedLossDb, 2),
                    maxRange,
                    Status(result.Status),
                    Bool(result.Extrapolated)).TrimEnd('\n') + (budget is null ? "\n" : $",{budget.Signal.Name},{Fixed(budget.Signal.OffsetDb, 2)},{Fixed(budget.ReferenceEirpDbm, 2)},{Fixed(budget.ReceiverLossesDb, 2)}\n"));
                break;
            default:
                var shown = result.Status switch
                {
                    MaxRangeStatus.BeyondRange => Texts.Format("pl.beyond", lang, Num(result.DistanceRangeKm.Max)),
                    MaxRangeStatus.BelowRange => Texts.Format("pl.below", lang, Num(result.DistanceRangeKm.Min)),
                    _ => Fixed(result.MaxRangeKm!.Value, 3),
                };
                Table(
                    console,
                    lang,
                    Texts.Get("pl.title.range", lang),
                    result.OutOfRange,
                    ("pl.model", model.Name),
                    ("pl.env", env ?? "–"),
                    ("pl.freq_mhz", Num(input.FreqMHz)),
                    ("pl.hb_m", Num(input.BaseHeightM) is { Length: > 0 } hb ? hb : "–"),
                    ("pl.hm_m", Num(input.MobileHeightM) is { Length: > 0 } hm ? hm : "–"),
                    ("pl.eirp_dbm", Num(eirpDbm)),
                    ("pl.rs", budget is null ? "–" : $"{budget.Signal.Name}: {Fixed(budget.Signal.OffsetDb, 2)} dB → {Fixed(budget.ReferenceEirpDbm, 2)} dBm"),
                    ("pl.receiver_losses_db", budget is null ? "0" : Fixed(budget.ReceiverLossesDb, 2)),
                    ("pl.threshold_dbm", Num(thresholdDbm)),
                    ("pl.allowed_loss_db", Fixed(result.AllowedLossDb, 2)),
                    ("pl.max_range_km", shown));
                break;
        }
    }

    /// <summary>One ITM prediction with its inputs, for <see cref="WriteItm"/>.</summary>
    public sealed record ItmRun(ItmParameters Parameters, (double Lon, double Lat) Tx, (double Lon, double Lat) Rx, double TxGroundM, double RxGroundM, string Crs, ItmResult Result);

    public static void WriteItm(CliConsole console, string format, string lang, ItmRun run)
    {
        var p = run.Parameters;
        var r = run.Result;
        var polarization = p.Polarization == Polarization.Vertical ? "v" : "h";
        var warnings = Enum.GetValues<ItmWarnings>().Where(w => w != ItmWarnings.None && r.Warnings.HasFlag(w)).Select(SnakeCase).ToList();
        switch (format)
        {
            case "json":
                console.Out.Write(Json(w =>
                {
                    w.WriteString("model", ItmPointToPoint.ModelName);
                    w.WriteNumber("freq_mhz", p.FreqMHz);
                    w.WriteNumber("hb_m", p.TxHeightM);
                    w.WriteNumber("hm_m", p.RxHeightM);
                    w.WriteNumber("tx_lon", run.Tx.Lon);
                    w.WriteNumber("tx_lat", run.Tx.Lat);
                    w.WriteNumber("rx_lon", run.Rx.Lon);
                    w.WriteNumber("rx_lat", run.Rx.Lat);
                    w.WriteNumber("tx_ground_m", Round(run.TxGroundM, 2));
                    w.WriteNumber("rx_ground_m", Round(run.RxGroundM, 2));
                    w.WriteString("crs", run.Crs);
                    w.WriteNumber("dist_km", Round(r.DistanceKm, 4));
                    w.WriteNumber("loss_db", Round(r.LossDb, 2));
                    w.WriteNumber("free_space_db", Round(r.FreeSpaceLossDb, 2));
                    w.WriteNumber("attenuation_db", Round(r.AttenuationDb, 2));
                    w.WriteString("mode", Mode(r.Mode));
                    w.WriteBoolean("los", r.IsLineOfSight);
                    w.WriteNumber("kwx", r.ErrorCode);
                    w.WriteStartArray("warnings");
                    foreach (var warning in warnings)
                    {
                        w.WriteStringValue(warning);
                    }

                    w.WriteEndArray();
                    w.WriteNumber("eps", p.Permittivity);
                    w.WriteNumber("sigma", p.ConductivitySPerM);
                    w.WriteNumber("ns", p.SurfaceRefractivityN);
                    w.WriteNumber("climate", (int)p.Climate);
                    w.WriteString("polarization", polarization);
                    w.WriteNumber("time_pct", p.TimePct);
                    w.WriteNumber("location_pct", p.LocationPct);
                    w.WriteNumber("situation_pct", p.SituationPct);
                    Flags(w, r.OutOfRange);
                }));
                break;
            case "csv":
                console.Out.Write("model,freq_mhz,hb_m,hm_m,tx_lon,tx_lat,rx_lon,rx_lat,dist_km,loss_db,free_space_db,attenuation_db,mode,los,kwx,warnings,extrapolated\n");
                console.Out.Write(Csv(
                    ItmPointToPoint.ModelName,
                    Num(p.FreqMHz),
                    Num(p.TxHeightM),
                    Num(p.RxHeightM),
                    Num(run.Tx.Lon),
                    Num(run.Tx.Lat),
                    Num(run.Rx.Lon),
                    Num(run.Rx.Lat),
                    Fixed(r.DistanceKm, 4),
                    Fixed(r.LossDb, 2),
                    Fixed(r.FreeSpaceLossDb, 2),
                    Fixed(r.AttenuationDb, 2),
                    Mode(r.Mode),
                    Bool(r.IsLineOfSight),
                    r.ErrorCode.ToString(CultureInfo.InvariantCulture),
                    string.Join(';', warnings),
                    Bool(r.Extrapolated)));
                break;
            default:
                Table(
                    console,
                    lang,
                    Texts.Get("pl.title.itm", lang),
                    r.OutOfRange,
                    ("pl.model", ItmPointToPoint.ModelName),
                    ("pl.freq_mhz", Num(p.FreqMHz)),
                    ("pl.hb_m", Num(p.TxHeightM)),
                    ("pl.hm_m", Num(p.RxHeightM)),
                    ("pl.itm.ground", $"{Fixed(run.TxGroundM, 1)} / {Fixed(run.RxGroundM, 1)}"),
                    ("pl.dist_km", Fixed(r.DistanceKm, 3)),
                    ("pl.loss_db", Fixed(r.LossDb, 2)),
                    ("pl.itm.free_space_db", Fixed(r.FreeSpaceLossDb, 2)),
                    ("pl.itm.attenuation_db", Fixed(r.AttenuationDb, 2)),
                    ("pl.itm.mode", Mode(r.Mode)),
                    ("pl.itm.los", Bool(r.IsLineOfSight)),
                    ("pl.itm.kwx", r.ErrorCode.ToString(CultureInfo.InvariantCulture) + (warnings.Count > 0 ? " (" + string.Join(", ", warnings) + ")" : string.Empty)),
                    ("pl.itm.ground_params", $"eps {Num(p.Permittivity)}, sigma {Num(p.ConductivitySPerM)} S/m, Ns {Num(p.SurfaceRefractivityN)}, climate {(int)p.Climate}, {polarization}"),
                    ("pl.itm.variability", $"{Num(p.TimePct)} / {Num(p.LocationPct)} / {Num(p.SituationPct)} %"),
                    ("pl.itm.crs", run.Crs));
                break;
        }
    }

    /// <summary>The mode as written in CSV and JSON: <c>line_of_sight</c>, <c>single_horizon_diffraction</c> …</summary>
    public static string Mode(ItmPropagationMode mode) => SnakeCase(mode);

    /// <summary>An enum value in snake case: <c>DistanceOutOfRange</c> → <c>distance_out_of_range</c>.</summary>
    public static string SnakeCase<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary><c>within</c>, <c>beyond</c> or <c>below</c> the model's distance range.</summary>
    public static string Status(MaxRangeStatus status) => status switch
    {
        MaxRangeStatus.BeyondRange => "beyond",
        MaxRangeStatus.BelowRange => "below",
        _ => "within",
    };

    public static string Fixed(double value, int decimals) =>
        Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static string Num(double? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    private static string Csv(params string?[] cells) => string.Join(',', cells.Select(c => c ?? "")) + "\n";

    private static void Table(CliConsole console, string lang, string title, IReadOnlyList<OutOfRangeParameter> outOfRange, params (string Key, string Value)[] cells)
    {
        var caption = outOfRange.Count > 0
            ? Texts.Format("pl.caption.extrapolated", lang, Commands.PathLossProblems.Describe(outOfRange, lang))
            : Texts.Get("pl.caption", lang);
        // One result: a label column and a value column keep the table narrow on any terminal.
        var view = new Table().Title(TerminalText.Cell(title)).Caption(TerminalText.Cell(caption)).Border(TableBorder.Rounded);
        view.AddColumn(new TableColumn(TerminalText.Cell(Texts.Get("pl.parameter", lang))));
        view.AddColumn(new TableColumn(TerminalText.Cell(Texts.Get("pl.value", lang))).RightAligned());
        foreach (var (key, value) in cells)
        {
            view.AddRow(TerminalText.Cell(Texts.Get(key, lang)), TerminalText.Cell(value));
        }

        console.Ansi.Write(view);
    }

    private static void Common(Utf8JsonWriter w, IPathLossModel model, string? env, double freqMHz, double? hb, double? hm)
    {
        w.WriteString("model", model.Name);
        if (env is null)
        {
            w.WriteNull("env");
        }
        else
        {
            w.WriteString("env", env);
        }

        w.WriteNumber("freq_mhz", freqMHz);
        NumberOrNull(w, "hb_m", hb);
        NumberOrNull(w, "hm_m", hm);
    }

    private static void Flags(Utf8JsonWriter w, IReadOnlyList<OutOfRangeParameter> outOfRange)
    {
        w.WriteBoolean("extrapolated", outOfRange.Count > 0);
        w.WriteStartArray("out_of_range");
        foreach (var o in outOfRange)
        {
            w.WriteStartObject();
            w.WriteString("parameter", o.Parameter);
            w.WriteNumber("value", o.Value);
            FiniteOrNull(w, "min", o.Range.Min);
            FiniteOrNull(w, "max", o.Range.Max);
            w.WriteString("unit", o.Unit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void NumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void FiniteOrNull(Utf8JsonWriter w, string name, double value) =>
        NumberOrNull(w, name, double.IsFinite(value) ? value : null);

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
