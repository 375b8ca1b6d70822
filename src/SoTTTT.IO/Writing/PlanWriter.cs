using System.Globalization;
using System.Text.Json;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;
using SoTTTT.Core.Planning;

namespace SoTTTT.IO.Writing;

/// <summary>
/// Deterministic CSV and JSON renderings of a <see cref="PlanResult"/> (invariant culture, fixed decimals, <c>\n</c>,
/// rows in the result's order). Coordinates: x,y in the analysis CRS (2 decimals), lon,lat in WGS84 (7 decimals).
/// README "plan" lists the files, columns and keys. Nothing here depends on the clock or the machine, so two runs on the
/// same input give byte-identical files.
/// </summary>
public static class PlanWriter
{
    /// <summary>Status names as written (<c>new</c>, <c>share</c>, <c>keep</c>, <c>convert</c>, <c>remove</c>).</summary>
    public static string Status(PlanPositionStatus status) => status.ToString().ToLowerInvariant();

    public static string PositionsCsv(PlanResult r)
    {
        var toWgs84 = CoordinateTransformer.ToGeographicWgs84(r.Crs);
        var lonLat = r.Positions.Select(p => toWgs84.Transform(p.Location.X, p.Location.Y)).ToArray();
        var index = r.Positions.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var columns = new (string Name, Func<PlanPosition, string> Cell)[]
        {
            ("id", p => p.Id),
            ("lon", p => CsvOutput.Fixed(lonLat[index[p]].X, 7)),
            ("lat", p => CsvOutput.Fixed(lonLat[index[p]].Y, 7)),
            ("type", p => p.Type ?? string.Empty),
            ("height_m", p => CsvOutput.Fixed(p.HeightM, 1)),
            ("status", p => Status(p.Status)),
            ("phase", p => CsvOutput.Int(p.Phase)),
            ("commune_code", p => p.CommuneCode ?? string.Empty),
            ("operators", p => string.Join(';', p.Operators)),
            ("reason", p => p.Reason),
            ("villages_gained", p => CsvOutput.Int(p.VillagesGained)),
            ("population_gained", p => CsvOutput.Int(p.PopulationGained)),
            ("new_operators", p => string.Join(';', p.NewOperators)),
            ("source", p => p.Source),
            ("host_id", p => p.HostId ?? string.Empty),
            ("x", p => CsvOutput.Fixed(p.Location.X, 2)),
            ("y", p => CsvOutput.Fixed(p.Location.Y, 2)),
        };
        return CsvOutput.Write(columns, r.Positions);
    }

    public static string FibreCsv(PlanResult r) => CsvOutput.Write(
        [
            ("id", (PlanFibreLink f) => f.Id),
            ("phase", f => CsvOutput.Int(f.Phase)),
            ("kind", f => f.Kind),
            ("purpose", f => f.Purpose),
            ("operator", f => f.Operator ?? string.Empty),
            ("length_km", f => CsvOutput.Fixed(f.LengthKm, 3)),
            ("from_id", f => f.FromId),
            ("to_id", f => f.ToId ?? string.Empty),
            ("shared_duct_km", f => CsvOutput.Fixed(f.SharedDuctKm, 3)),
        ],
        r.Fibre);

    public static string MissedCsv(PlanResult r) => CsvOutput.Write(
        [
            ("settlement_id", (MissedVillage m) => m.SettlementId),
            ("name", m => m.Name ?? string.Empty),
            ("commune_code", m => m.CommuneCode ?? string.Empty),
            ("population", m => CsvOutput.Int(m.Population)),
            ("tech", m => Codes.Label(m.Tech)),
            ("reason", m => m.Reason),
            ("detail", m => m.Detail ?? string.Empty),
        ],
        r.Missed);

    public static string CommunesCsv(PlanResult r) => UnitsCsv(r, r.Communes);

    public static string DistrictsCsv(PlanResult r) => UnitsCsv(r, r.Districts);

    public static string RevisionCsv(PlanResult r) => CsvOutput.Write(
        [
            ("previous_id", (PlanRevisionEntry e) => e.PreviousId),
            ("previous_phase", e => CsvOutput.Int(e.PreviousPhase)),
            ("status", e => e.Status),
            ("tower_id", e => e.TowerId ?? string.Empty),
            ("plan_id", e => e.PlanId ?? string.Empty),
            ("distance_m", e => CsvOutput.Fixed(e.DistanceM, 1)),
        ],
        r.Revision);

    /// <summary>Every CSV and JSON file of <c>plan --out DIR</c> (the GeoJSON layers and the document are written apart).</summary>
    public static IReadOnlyList<(string Name, string Content)> Files(PlanResult r)
    {
        var files = new List<(string, string)>
        {
            ("plan.json", ToJson(r)),
            ("plan_positions.csv", PositionsCsv(r)),
            ("plan_fibre.csv", FibreCsv(r)),
            ("plan_missed.csv", MissedCsv(r)),
            ("plan_communes.csv", CommunesCsv(r)),
            ("plan_districts.csv", DistrictsCsv(r)),
        };
        if (r.Revision.Count > 0)
        {
            files.Add(("plan_revision.csv", RevisionCsv(r)));
        }

        return files;
    }

    /// <summary>The tables as workbook sheets, headings in <paramref name="lang"/>.</summary>
    public static IReadOnlyList<XlsxSheet> Sheets(PlanResult r, string lang)
    {
        var en = lang == "en";
        var sheets = new List<XlsxSheet>
        {
            XlsxSheet.FromCsv(en ? "Positions" : "Vị trí cột", en ? "Tower positions of the plan" : "Vị trí cột ăng ten theo quy hoạch", PositionsCsv(r), c => Layers.FieldTitles.Field(c, lang)),
            XlsxSheet.FromCsv(en ? "Fibre" : "Cáp quang", en ? "Fibre extensions and undergrounding" : "Tuyến cáp mở rộng và ngầm hóa", FibreCsv(r), c => Layers.FieldTitles.Field(c, lang)),
            XlsxSheet.FromCsv(en ? "Communes" : "Theo xã", en ? "The plan by commune" : "Quy hoạch theo xã", CommunesCsv(r), c => Layers.FieldTitles.Field(c, lang)),
            XlsxSheet.FromCsv(en ? "Districts" : "Theo huyện", en ? "The plan by district" : "Quy hoạch theo huyện", DistrictsCsv(r), c => Layers.FieldTitles.Field(c, lang)),
            XlsxSheet.FromCsv(en ? "Missed villages" : "Thôn chưa phủ", en ? "Villages the plan leaves uncovered" : "Thôn, bản quy hoạch chưa phủ sóng", MissedCsv(r), c => Layers.FieldTitles.Field(c, lang)),
        };
        return sheets;
    }

    /// <summary>
    /// <c>plan.json</c>: <c>{"dataset", "crs", "period", "targets", "summary", "coverage", "phases", "solver", "candidates",
    /// "rejected", "missed_by_reason", "verification", "revision"}</c>.
    /// </summary>
    public static string ToJson(PlanResult r) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("dataset", r.Dataset);
        w.WriteString("crs", r.Crs.Name);
        w.WriteStartObject("period");
        w.WriteNumber("from", r.Targets.FromYear);
        w.WriteNumber("to", r.Targets.ToYear);
        w.WriteNumber("outlook", r.Targets.OutlookYear);
        w.WriteEndObject();
        Targets(w, r.Targets);

        var newOnes = r.Positions.Where(p => p.Status == PlanPositionStatus.New).ToList();
        w.WriteStartObject("summary");
        w.WriteNumber("new_positions", newOnes.Count(p => p.Phase is not null));
        w.WriteNumber("new_positions_beyond_budget", newOnes.Count(p => p.Phase is null));
        w.WriteNumber("shared_existing_towers", r.Positions.Count(p => p.Status == PlanPositionStatus.Share));
        w.WriteNumber("kept", r.Positions.Count(p => p.Status == PlanPositionStatus.Keep));
        w.WriteNumber("converted", r.Positions.Count(p => p.Status == PlanPositionStatus.Convert));
        w.WriteNumber("removed", r.Positions.Count(p => p.Status == PlanPositionStatus.Remove));
        w.WriteNumber("villages_gained", r.Positions.Sum(p => p.VillagesGained));
        w.WriteNumber("population_gained", r.Positions.Sum(p => p.PopulationGained));
        JsonOutput.Number(w, "fibre_km_new", r.Fibre.Where(f => f.Kind == "extension").Sum(f => f.LengthKm), 3);
        JsonOutput.Number(w, "underground_km", r.Fibre.Where(f => f.Kind == "undergrounding").Sum(f => f.LengthKm), 3);
        JsonOutput.Number(w, "shared_duct_km", r.Fibre.Where(f => f.Kind == "undergrounding").Sum(f => f.SharedDuctKm), 3);
        JsonOutput.Number(w, "to_underground_km", r.ToUndergroundKm, 3);
        w.WriteNumber("positions_before", r.SharingBefore.Positions);
        w.WriteNumber("shared_positions_before", r.SharingBefore.Shared);
        JsonOutput.Number(w, "sharing_rate_before_pct", Pct(r.SharingBefore.Shared, r.SharingBefore.Positions), 1);
        w.WriteNumber("positions_after", r.SharingAfter.Positions);
        w.WriteNumber("shared_positions_after", r.SharingAfter.Shared);
        JsonOutput.Number(w, "sharing_rate_after_pct", Pct(r.SharingAfter.Shared, r.SharingAfter.Positions), 1);
        w.WriteNumber("commune_centres", r.CommuneCentres);
        w.WriteNumber("commune_centres_without_fibre_before", r.CommuneCentresWithoutFibre);
        w.WriteNumber("commune_centres_connected", r.Targets.Fibre.CommuneCentres ? r.CommuneCentresWithoutFibre : 0);
        JsonOutput.Number(w, "villages_with_fibre_before_pct", Pct(r.VillagesWithFibre.Before, r.VillagesWithFibre.Total), 1);
        JsonOutput.Number(w, "villages_with_fibre_after_pct", Pct(r.VillagesWithFibre.After, r.VillagesWithFibre.Total), 1);
        w.WriteNumber("missed_villages", r.Missed.Select(m => m.SettlementId).Distinct().Count());
        w.WriteBoolean("approval_check_passed", r.Verification.Count == 0);
        w.WriteEndObject();

        w.WriteStartArray("coverage");
        foreach (var c in r.Coverage)
        {
            w.WriteStartObject();
            w.WriteString("tech", c.Tech is { } t ? Codes.Label(t) : "any");
            JsonOutput.Number(w, "target_pct", c.TargetPct, 1);
            w.WriteNumber("villages", c.Villages);
            w.WriteNumber("covered_before", c.CoveredBefore);
            JsonOutput.Number(w, "covered_before_pct", Pct(c.CoveredBefore, c.Villages), 2);
            w.WriteNumber("reachable", c.Reachable);
            JsonOutput.Number(w, "reachable_pct", Pct(c.Reachable, c.Villages), 2);
            w.WriteNumber("covered_after", c.CoveredAfter);
            JsonOutput.Number(w, "covered_after_pct", Pct(c.CoveredAfter, c.Villages), 2);
            w.WriteNumber("population", c.Population);
            w.WriteNumber("population_before", c.PopulationBefore);
            w.WriteNumber("population_after", c.PopulationAfter);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("phases");
        foreach (var p in r.Phases)
        {
            w.WriteStartObject();
            w.WriteNumber("phase", p.Phase.Number);
            w.WriteNumber("from", p.Phase.FromYear);
            w.WriteNumber("to", p.Phase.ToYear);
            w.WriteBoolean("orientation", p.Phase.Orientation);
            JsonOutput.Integer(w, "budget", p.Budget);
            w.WriteNumber("new_positions", p.NewPositions);
            w.WriteNumber("shared_existing_towers", p.SharedPositions);
            w.WriteNumber("villages_gained", p.VillagesGained);
            w.WriteNumber("population_gained", p.PopulationGained);
            JsonOutput.Number(w, "fibre_km", p.FibreKm, 3);
            JsonOutput.Number(w, "underground_km", p.UndergroundKm, 3);
            JsonOutput.Number(w, "shared_duct_km", p.SharedDuctKm, 3);
            w.WriteNumber("converted", p.Converted);
            w.WriteNumber("removed", p.Removed);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("solver");
        w.WriteNumber("cost_scale", PlanAnalysis.CostScale);
        w.WriteStartArray("solves");
        foreach (var s in r.Solves)
        {
            w.WriteStartObject();
            w.WriteString("problem", s.Problem);
            JsonOutput.Integer(w, "phase", s.Phase);
            w.WriteNumber("candidates", s.Candidates);
            w.WriteNumber("elements", s.Elements);
            w.WriteNumber("conflicts", s.Conflicts);
            JsonOutput.Integer(w, "budget", s.Budget);
            Solution(w, "exact", s.Exact);
            Solution(w, "greedy", s.Greedy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("candidates");
        foreach (var (source, n) in r.CandidatesBySource)
        {
            w.WriteNumber(source, n);
        }

        w.WriteEndObject();
        w.WriteStartObject("rejected");
        foreach (var (code, n) in r.RejectedByCode)
        {
            w.WriteNumber(code, n);
        }

        w.WriteEndObject();
        w.WriteStartObject("missed_by_reason");
        foreach (var g in r.Missed.GroupBy(m => m.Reason).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(g.Key, g.Count());
        }

        w.WriteEndObject();
        JsonOutput.Strings(w, "verification", r.Verification);
        w.WriteStartObject("revision");
        foreach (var status in new[] { "built", "to_build", "obsolete" })
        {
            w.WriteNumber(status, r.Revision.Count(e => e.Status == status));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static void Solution(Utf8JsonWriter w, string name, CoverSolution s)
    {
        w.WriteStartObject(name);
        w.WriteString("solver", s.Solver);
        w.WriteString("status", s.Status.ToString().ToLowerInvariant());
        w.WriteNumber("chosen", s.Chosen.Count);
        JsonOutput.Number(w, "objective", s.Objective, 3);
        JsonOutput.Number(w, "best_bound", s.BestBound, 3);
        JsonOutput.Number(w, "gap", s.Gap, 6);
        w.WriteEndObject();
    }

    private static void Targets(Utf8JsonWriter w, PlanTargets t)
    {
        w.WriteStartObject("targets");
        w.WriteStartArray("phases");
        foreach (var p in t.Phases)
        {
            w.WriteStartObject();
            w.WriteNumber("from", p.FromYear);
            w.WriteNumber("to", p.ToYear);
            JsonOutput.Integer(w, "budget", p.Budget);
            JsonOutput.Number(w, "budget_pct", p.BudgetPct, 1);
            w.WriteBoolean("orientation", p.Orientation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("coverage");
        foreach (var c in t.Coverage)
        {
            JsonOutput.Number(w, Codes.Label(c.Tech), c.SharePct, 1);
        }

        w.WriteEndObject();
        JsonOutput.Strings(w, "remote_communes", t.RemoteCommunes);
        JsonOutput.Number(w, "remote_weight", t.RemoteWeight, 2);
        w.WriteNumber("min_operators", t.MinOperators);
        w.WriteStartObject("fibre");
        w.WriteBoolean("commune_centres", t.Fibre.CommuneCentres);
        w.WriteNumber("commune_centres_phase", t.Fibre.CommuneCentresPhase);
        JsonOutput.Number(w, "village_share_pct", t.Fibre.VillageSharePct, 1);
        w.WriteNumber("villages_phase", t.Fibre.VillagesPhase);
        JsonOutput.Number(w, "detour_factor", t.Fibre.DetourFactor, 2);
        w.WriteEndObject();
        w.WriteStartArray("underground_pct_by_phase");
        foreach (var pct in t.UndergroundPctByPhase)
        {
            w.WriteNumberValue(pct);
        }

        w.WriteEndArray();
        w.WriteNumber("convert_phase", t.ConvertPhase);
        w.WriteNumber("consolidate_phase", t.ConsolidatePhase);
        JsonOutput.Number(w, "grid_m", t.GridM, 1);
        w.WriteStartObject("towers");
        foreach (var (name, d) in new[] { ("rural", t.Rural), ("urban", t.Urban), ("non_bulky", t.NonBulky) })
        {
            w.WriteStartObject(name);
            w.WriteString("class", d.Class);
            JsonOutput.Number(w, "height_m", d.HeightM, 1);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("costs");
        JsonOutput.Number(w, "share_existing", t.Costs.ShareExisting, 3);
        JsonOutput.Number(w, "public_site", t.Costs.PublicSite, 3);
        JsonOutput.Number(w, "previous", t.Costs.Previous, 3);
        JsonOutput.Number(w, "grid", t.Costs.Grid, 3);
        w.WriteEndObject();
        w.WriteBoolean("share_existing_towers", t.ShareExistingTowers);
        w.WriteBoolean("use_public_sites", t.UsePublicSites);
        w.WriteEndObject();
    }

    private static string UnitsCsv(PlanResult r, IReadOnlyList<PlanUnitRow> rows)
    {
        var columns = new List<(string Name, Func<PlanUnitRow, string> Cell)>
        {
            ("code", u => u.Code),
            ("name", u => u.Name),
            ("level", u => Codes.Key(u.Level)),
            ("parent_code", u => u.ParentCode ?? string.Empty),
            ("existing_positions", u => CsvOutput.Int(u.ExistingPositions)),
            ("existing_by_class", u => Pairs(u.ExistingByClass)),
            ("keep", u => CsvOutput.Int(u.Keep)),
            ("convert", u => CsvOutput.Int(u.Convert)),
            ("remove", u => CsvOutput.Int(u.Remove)),
        };
        foreach (var phase in r.Targets.Phases)
        {
            var n = phase.Number;
            columns.Add((string.Create(CultureInfo.InvariantCulture, $"new_phase_{n}"), u => CsvOutput.Int(u.NewByPhase.GetValueOrDefault(n))));
        }

        columns.Add(("new_beyond_budget", u => CsvOutput.Int(u.NewByPhase.GetValueOrDefault(0))));
        columns.Add(("new_total", u => CsvOutput.Int(u.NewByPhase.Values.Sum())));
        columns.Add(("new_by_class", u => Pairs(u.NewByClass)));
        columns.Add(("shared", u => CsvOutput.Int(u.Shared)));
        columns.Add(("villages_gained", u => CsvOutput.Int(u.VillagesGained)));
        columns.Add(("population_gained", u => CsvOutput.Int(u.PopulationGained)));
        columns.Add(("sharing_rate_before_pct", u => CsvOutput.Fixed(u.SharingRateBeforePct, 1)));
        columns.Add(("sharing_rate_after_pct", u => CsvOutput.Fixed(u.SharingRateAfterPct, 1)));
        return CsvOutput.Write(columns, rows);
    }

    private static string Pairs(IReadOnlyDictionary<string, int> counts) =>
        string.Join(';', counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}:{kv.Value}")));

    /// <summary>part / whole × 100; null when whole is 0.</summary>
    public static double? Pct(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;
}
