using System.Text.Json;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Deterministic CSV (one line per application) and JSON (every check with its evidence) renderings of an
/// <see cref="ApprovalResult"/>. Coordinates: x,y in the analysis CRS (2 decimals), lon,lat in WGS84 (7 decimals).
/// README "approve" lists the columns and keys.
/// </summary>
public static class ApprovalWriter
{
    /// <summary>Why <c>coverage_gain</c> is null when no coverage engine is plugged in.</summary>
    public const string CoverageGainNote = "coverage gain not computed: it needs bts and settlements layers in the dataset";

    /// <summary>The summary table as a workbook sheet, headings in <paramref name="lang"/>.</summary>
    public static XlsxSheet Sheet(ApprovalResult result, string lang) => XlsxSheet.FromCsv(
        lang == "en" ? "Applications" : "Hồ sơ đề nghị",
        lang == "en" ? $"Appraisal of BTS / tower applications — {result.Dataset}" : $"Kết quả thẩm định hồ sơ xây dựng trạm BTS, cột ăng ten — {result.Dataset}",
        ToCsv(result),
        c => Layers.FieldTitles.Field(c, lang));

    public static string ToCsv(ApprovalResult result)
    {
        var toWgs84 = CoordinateTransformer.ToGeographicWgs84(result.Crs);
        var columns = new (string Name, Func<ApplicationVerdict, string> Cell)[]
        {
            ("row", v => CsvOutput.Int(v.Row)),
            ("id", v => v.ApplicationId ?? string.Empty),
            ("operator", v => v.Application?.Operator ?? string.Empty),
            ("type", v => v.Application?.Type ?? string.Empty),
            ("height_m", v => CsvOutput.Fixed(v.Application?.HeightM, 1)),
            ("x", v => CsvOutput.Fixed(v.Site?.X, 2)),
            ("y", v => CsvOutput.Fixed(v.Site?.Y, 2)),
            ("lon", v => v.Site is { } p ? CsvOutput.Fixed(toWgs84.Transform(p.X, p.Y).X, 7) : string.Empty),
            ("lat", v => v.Site is { } p ? CsvOutput.Fixed(toWgs84.Transform(p.X, p.Y).Y, 7) : string.Empty),
            ("unit_code", v => v.UnitCode ?? string.Empty),
            ("urban", v => CsvOutput.Flag(v.Urban)),
            ("verdict", v => VerdictKeys.Key(v.Verdict)),
            ("tower_id", v => v.TowerId ?? string.Empty),
            ("failed", v => string.Join(';', v.Failed)),
            ("coverage_gain_population", v => CsvOutput.Int(v.CoverageGain?.Population)),
        };
        return CsvOutput.Write(columns, result.Verdicts);
    }

    /// <summary>
    /// <c>{"dataset", "crs", "plan_check", "coverage_gain_computed", "coverage_gain_note", "rules", "summary",
    /// "applications": [{"row", "id", "operator", "type", "height_m", "tech", "band_mhz", "shares_tower_id", "x", "y",
    /// "lon", "lat", "unit_code", "unit_name", "urban", "verdict", "tower_id", "failed", "checks": [{"code",
    /// "applicable", "passed", "note", "evidence": [...]}], "coverage_gain"}]}</c>.
    /// </summary>
    public static string ToJson(ApprovalResult result)
    {
        var toWgs84 = CoordinateTransformer.ToGeographicWgs84(result.Crs);
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("dataset", result.Dataset);
            w.WriteString("crs", result.Crs.Name);
            w.WriteBoolean("plan_check", result.PlanCheck);
            w.WriteBoolean("coverage_gain_computed", result.CoverageGainComputed);
            JsonOutput.Text(w, "coverage_gain_note", result.CoverageGainComputed ? null : CoverageGainNote);
            w.WriteStartObject("rules");
            w.WriteNumber("co_location_m", result.Rules.CoLocationM);
            w.WriteNumber("must_share_urban_m", result.Rules.MustShareM.UrbanM);
            w.WriteNumber("must_share_non_urban_m", result.Rules.MustShareM.NonUrbanM);
            JsonOutput.Number(w, "plan_tolerance_urban_m", result.Rules.PlanToleranceM?.UrbanM, 1);
            JsonOutput.Number(w, "plan_tolerance_non_urban_m", result.Rules.PlanToleranceM?.NonUrbanM, 1);
            w.WriteEndObject();
            w.WriteStartObject("summary");
            foreach (var verdict in Enum.GetValues<Verdict>())
            {
                w.WriteNumber(VerdictKeys.Key(verdict), result.Verdicts.Count(v => v.Verdict == verdict));
            }

            w.WriteEndObject();
            w.WriteStartArray("applications");
            foreach (var v in result.Verdicts)
            {
                w.WriteStartObject();
                w.WriteNumber("row", v.Row);
                JsonOutput.Text(w, "id", v.ApplicationId);
                var app = v.Application;
                JsonOutput.Text(w, "operator", app?.Operator);
                JsonOutput.Text(w, "type", app?.Type);
                JsonOutput.Number(w, "height_m", app?.HeightM, 2);
                JsonOutput.Text(w, "tech", app?.Tech is { } t ? Codes.Label(t) : null);
                JsonOutput.Number(w, "band_mhz", app?.BandMHz, 1);
                JsonOutput.Text(w, "shares_tower_id", app?.SharesTowerId);
                JsonOutput.Number(w, "x", v.Site?.X, 2);
                JsonOutput.Number(w, "y", v.Site?.Y, 2);
                var lonLat = v.Site is { } p ? toWgs84.Transform(p.X, p.Y) : ((double, double)?)null;
                JsonOutput.Number(w, "lon", lonLat?.Item1, 7);
                JsonOutput.Number(w, "lat", lonLat?.Item2, 7);
                JsonOutput.Text(w, "unit_code", v.UnitCode);
                JsonOutput.Text(w, "unit_name", v.UnitName);
                JsonOutput.Flag(w, "urban", v.Urban);
                w.WriteString("verdict", VerdictKeys.Key(v.Verdict));
                JsonOutput.Text(w, "tower_id", v.TowerId);
                JsonOutput.Strings(w, "failed", v.Failed);
                w.WriteStartArray("checks");
                foreach (var check in v.Checks)
                {
                    w.WriteStartObject();
                    w.WriteString("code", check.Code);
                    w.WriteBoolean("applicable", check.Applicable);
                    w.WriteBoolean("passed", check.Passed);
                    JsonOutput.Text(w, "note", check.Note);
                    w.WriteStartArray("evidence");
                    foreach (var e in check.Evidence)
                    {
                        Evidence(w, e);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (v.CoverageGain is { } gain)
                {
                    w.WriteStartObject("coverage_gain");
                    w.WriteString("operator", gain.Operator);
                    JsonOutput.Text(w, "tech", gain.Tech is { } gt ? Codes.Label(gt) : null);
                    w.WriteNumber("settlements", gain.Settlements);
                    w.WriteNumber("population", gain.Population);
                    JsonOutput.Strings(w, "settlement_ids", gain.SettlementIds);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("coverage_gain");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>One evidence item: <c>kind</c>, <c>id</c>, then only the fields that are set.</summary>
    private static void Evidence(Utf8JsonWriter w, CheckEvidence e)
    {
        w.WriteStartObject();
        w.WriteString("kind", e.Kind);
        w.WriteString("id", e.Id);
        Optional(w, "name", e.Name);
        Optional(w, "x", e.X, 2);
        Optional(w, "y", e.Y, 2);
        Optional(w, "distance_m", e.DistanceM, 1);
        Optional(w, "limit_m", e.LimitM, 1);
        Optional(w, "tower_class", e.TowerClass);
        Optional(w, "height_m", e.HeightM, 2);
        Optional(w, "max_height_m", e.MaxHeightM, 2);
        Optional(w, "zone_kind", e.ZoneKind);
        if (e.Urban is { } urban)
        {
            w.WriteBoolean("urban", urban);
        }

        if (e.Tenants is { } tenants)
        {
            w.WriteNumber("tenants", tenants);
            JsonOutput.Integer(w, "max_tenants", e.MaxTenants);
        }

        if (e.Operators is { } ops)
        {
            JsonOutput.Strings(w, "operators", ops);
        }

        if (e.CanShare is { } canShare)
        {
            w.WriteBoolean("can_share", canShare);
        }

        Optional(w, "message", e.Message);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, double? value, int decimals)
    {
        if (value is not null)
        {
            JsonOutput.Number(w, name, value, decimals);
        }
    }
}
